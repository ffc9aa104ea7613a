"""warta: political event data (CAMEO, PLOVER, Goldstein) from Indonesian and English news.

The library is the product; the `warta` command is a thin layer over these functions:

    import warta
    events = warta.code_text("Rusia menyerang Ukraina.", date="2024-02-24")
    report = warta.ingest(["news/"], db="warta.duckdb")
    warta.export("warta.duckdb", "gdelt", "events.tsv")
    reports = warta.evaluate(["../shared/gold"])
"""

from __future__ import annotations

# The subpackages named like functions load first: loading one later would rebind `warta.ingest`
# (or `warta.export`) from the function to the subpackage.
from . import export as _export_stage, ingest as _ingest_stage  # noqa: F401
from .api import check_dictionaries, code, code_text, evaluate, export, ingest
from .pipeline import Resources, process
from .records import Article, ErrorRow, Event, Result

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ErrorRow",
    "Event",
    "Resources",
    "Result",
    "check_dictionaries",
    "code",
    "code_text",
    "evaluate",
    "export",
    "ingest",
    "process",
]
