"""Store stage: the embedded DuckDB store (articles, events, errors)."""

from .duckdb_store import DEFAULT_DB, Store, StoreError

__all__ = ["Store", "StoreError", "DEFAULT_DB"]
