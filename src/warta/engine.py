"""Engines run `pipeline.process` over a stream of inputs. The local engine runs in-process.

An engine takes the ingest stream (Articles and ingest ErrorRows) and yields Results and
ErrorRows in input order, so the store can write them in batches.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from .pipeline import Resources, process
from .records import Article, ErrorRow, Result
from .registry import engines


@engines.register("local")
def run_local(items: Iterable[Article | ErrorRow], resources: Resources) -> Iterator[Result | ErrorRow]:
    """Process articles one by one in this process; ingest errors pass through unchanged."""
    for item in items:
        if isinstance(item, ErrorRow):
            yield item
        else:
            yield process(item, resources)


def get_engine(name: str):
    return engines.get(name)
