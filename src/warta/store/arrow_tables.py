"""The store's three tables as Arrow (the Parquet tables `warta spark` writes, and the empty tables
of a Parquet folder that lacks one). Apart from `tables` because pyarrow costs the writer of a
DuckDB store ~60 MB resident (and pandas, ~45 MB more, which DuckDB imports to scan an Arrow
table), and that writer has no use for it: it inserts plain lists."""

from __future__ import annotations

import datetime as dt
from typing import Iterable

import pyarrow as pa

from ..records import EVENT_FIELDS, Duplicate, ErrorRow, Result
from .tables import ARTICLE_COLUMNS, ERROR_COLUMNS, EVENT_TYPES, to_columns

_ARROW = {"INTEGER": pa.int32(), "DOUBLE": pa.float64(), "VARCHAR": pa.string()}
ARTICLE_SCHEMA = pa.schema([(c, pa.timestamp("us") if c == "coded_at" else
                             (pa.int32() if c.startswith("n_") else pa.string())) for c in ARTICLE_COLUMNS])
EVENT_SCHEMA = pa.schema([(f, _ARROW[EVENT_TYPES.get(f, "VARCHAR")]) for f in EVENT_FIELDS])
ERROR_SCHEMA = pa.schema([(c, pa.timestamp("us") if c == "at" else pa.string()) for c in ERROR_COLUMNS])
SCHEMAS = {"articles": ARTICLE_SCHEMA, "events": EVENT_SCHEMA, "errors": ERROR_SCHEMA}


def to_tables(results: Iterable[Result | ErrorRow | Duplicate],
              now: dt.datetime | None = None) -> tuple[pa.Table, pa.Table, pa.Table, list[str]]:
    """(articles, events, errors, article ids) for a batch of results, as Arrow tables."""
    arts, evs, errs, ids = to_columns(results, now)
    return (pa.table(arts, schema=ARTICLE_SCHEMA), pa.table(evs, schema=EVENT_SCHEMA),
            pa.table(errs, schema=ERROR_SCHEMA), ids)
