"""The embedded store: one DuckDB file with articles, events and errors.

The store owns its schema. Writes are idempotent per article: re-ingesting an article replaces
its row, its events and its errors in one transaction, so events are never duplicated.

Rows go in as query parameters, one typed list per column (`unnest(?::TYPE[])`), not as Arrow
tables: DuckDB imports pandas (~45 MB) to scan any Python object it is given as a table, and
pyarrow itself is ~60 MB more, both resident in the ingest's writer for the whole run. Lists
were also ~3x faster per batch (500 articles: 7 ms against 19 ms).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import duckdb

from ..records import EVENT_FIELDS, Duplicate, ErrorRow, Result
from .tables import ARTICLE_COLUMNS, ARTICLE_COLUMNS_DEDUP, ERROR_COLUMNS, EVENT_TYPES, SIDE_TABLES, Columns, to_columns

SCHEMA_VERSION = "2"  # 2: event location columns (geo_*)
DEFAULT_DB = "warta.duckdb"

def _q(name: str) -> str:
    return f'"{name}"'


# SQL type of each column written (VARCHAR where not named), as the tables declare them.
_TYPES = {**EVENT_TYPES, "n_sentences": "INTEGER", "n_events": "INTEGER", "coded_at": "TIMESTAMP",
          "at": "TIMESTAMP", **{c.split()[0]: c.split()[1] for cols in SIDE_TABLES.values() for c in cols.split(", ")}}


def _rows(columns: Columns) -> tuple[str, list]:
    """A subquery giving the columns' rows, and its parameters (one typed list per column)."""
    sel = ", ".join(f"unnest(?::{_TYPES.get(c, 'VARCHAR')}[]) AS {_q(c)}" for c in columns)
    return f"(SELECT {sel})", list(columns.values())


class StoreError(RuntimeError):
    """The database file cannot be opened or written."""


def parquet_views(folder: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB whose articles, events and errors are views over folder/<table>/*.parquet."""
    from .arrow_tables import SCHEMAS

    con = duckdb.connect()
    for name, schema in SCHEMAS.items():
        files = sorted((folder / name).glob("*.parquet"))
        if files:
            listed = ", ".join("'" + str(f).replace("'", "''") + "'" for f in files)
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet([{listed}])")
        else:  # an empty table may have been written as no file at all
            con.register(f"_{name}", schema.empty_table())
            con.execute(f"CREATE TABLE {name} AS SELECT * FROM _{name}")
    if not any((folder / name).is_dir() for name in SCHEMAS):
        raise StoreError(f"{folder} holds no warta tables (articles/, events/, errors/); "
                         "give a .duckdb file or a folder written by `warta spark`")
    return con


class Store:
    """A DuckDB file holding warta's tables. Use as a context manager or call close()."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        if Path(path).is_dir():  # Parquet tables written by `warta spark`: read through views
            if not read_only:
                raise StoreError(f"{self.path} is a folder of Parquet tables (from `warta spark`); it can be "
                                 "queried (summary, export) but not written; give a .duckdb file to ingest into")
            self.con = parquet_views(Path(path))
            return
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except (duckdb.IOException, duckdb.Error) as exc:
            raise StoreError(f"cannot open the store {self.path!r}: {exc}. Is another warta process "
                             "writing to it, or is the path a directory?") from None
        self._limit_memory()
        if not read_only:
            self._migrate()

    def _limit_memory(self) -> None:
        # DuckDB keeps written pages cached up to 80% of RAM by default, so a long ingest would grow
        # with the store; a cap makes it evict them (they are on disk) and keeps memory flat.
        from ..config import load_config

        limit = load_config()["store"].get("memory_limit", "")
        if limit:
            try:
                self.con.execute(f"SET memory_limit = '{limit}'")
            except duckdb.Error as exc:
                raise StoreError(f"[store] memory_limit = {limit!r} is not a size DuckDB understands "
                                 f"(e.g. \"256MB\", \"1GB\"): {exc}") from None

    def reconnect(self) -> None:
        """Close the connection and open the file again, between two writes. DuckDB holds memory for
        an open database beyond its capped page cache and gives it back only on close: a writer
        that kept one connection measured ~40 MiB more after 4x10^5 articles than one that
        reconnected every 50,000 (an explicit CHECKPOINT gave back about half)."""
        self.con.close()
        try:
            self.con = duckdb.connect(self.path, read_only=self.read_only)
        except (duckdb.IOException, duckdb.Error) as exc:
            raise StoreError(f"cannot open the store {self.path!r} again: {exc}. Did another process "
                             "take it while this one was writing?") from None
        self._limit_memory()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- schema ---------------------------------------------------------------------------------
    def _migrate(self) -> None:
        ev_cols = ", ".join(f"{_q(f)} {EVENT_TYPES.get(f, 'VARCHAR')}" for f in EVENT_FIELDS)
        self.con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS articles (id VARCHAR, title VARCHAR, date VARCHAR, url VARCHAR, "
            "lang VARCHAR, origin VARCHAR, status VARCHAR, n_sentences INTEGER, n_events INTEGER, "
            "text VARCHAR, coded_at TIMESTAMP, date_source VARCHAR)"
        )
        # Stores written before articles said where their date came from.
        self.con.execute("ALTER TABLE articles ADD COLUMN IF NOT EXISTS date_source VARCHAR")
        for col in ARTICLE_COLUMNS_DEDUP:  # stores made before these columns existed gain them
            self.con.execute(f"ALTER TABLE articles ADD COLUMN IF NOT EXISTS {col} VARCHAR")
        for name, cols in SIDE_TABLES.items():
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({cols})")
            # Stores written before the near-duplicate window: their first-seen articles come first.
            self.con.execute(f"ALTER TABLE {name} ADD COLUMN IF NOT EXISTS seq BIGINT DEFAULT 0")
        self.con.execute(f"CREATE TABLE IF NOT EXISTS events ({ev_cols})")
        # A store written by an older warta gains the new event columns (empty for its old rows).
        for f in EVENT_FIELDS:
            self.con.execute(f"ALTER TABLE events ADD COLUMN IF NOT EXISTS {_q(f)} {EVENT_TYPES.get(f, 'VARCHAR')}")
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS errors (article_id VARCHAR, stage VARCHAR, kind VARCHAR, "
            "reason VARCHAR, origin VARCHAR, \"at\" TIMESTAMP)"
        )
        self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])

    # -- writing --------------------------------------------------------------------------------
    def write(self, results: Iterable[Result | ErrorRow | Duplicate],
              side: dict[str, Columns] | None = None) -> tuple[int, int, int]:
        """Store a batch in one transaction; returns (articles, events, errors) written.

        `side` holds rows for SIDE_TABLES (columns, with an article_id column) written with the batch.
        """
        arts, evs, errs, ids = to_columns(results)
        if not ids:
            return 0, 0, 0
        batch_ids, ids_param = _rows({"id": sorted(set(ids))})
        side = side or {}
        con = self.con
        con.begin()
        try:
            # Only ids with an article row can have events or side rows to replace. In a resumed or
            # fresh ingest there are none, and one look-up in articles.id spares a scan of each big
            # table (events, dedup_bands: 16 rows an article) per batch, which grew with the store.
            old = [r[0] for r in con.execute(f"SELECT id FROM articles SEMI JOIN {batch_ids} USING (id)",
                                             ids_param).fetchall()]
            if old:
                old_ids, old_param = _rows({"id": old})
                for name in SIDE_TABLES:
                    con.execute(f"DELETE FROM {name} WHERE article_id IN (SELECT id FROM {old_ids})", old_param)
                con.execute(f"DELETE FROM events WHERE article_id IN (SELECT id FROM {old_ids})", old_param)
                con.execute(f"DELETE FROM articles WHERE id IN (SELECT id FROM {old_ids})", old_param)
            # Ingest error rows (an unreadable line) have no article row: always replaced by id.
            con.execute(f"DELETE FROM errors WHERE article_id IN (SELECT id FROM {batch_ids})", ids_param)
            for name in SIDE_TABLES:
                if name in side and side[name]["article_id"]:
                    rows, params = _rows(side[name])
                    con.execute(f"INSERT INTO {name} ({', '.join(side[name])}) SELECT * FROM {rows}", params)
            cols = ", ".join(_q(c) for c in ARTICLE_COLUMNS)
            rows, params = _rows(arts)
            # An article may appear twice in one batch (the same file given twice): keep the last.
            con.execute(f"INSERT INTO articles ({cols}) SELECT {cols} FROM {rows} "
                        "QUALIFY row_number() OVER (PARTITION BY id ORDER BY coded_at) = 1", params)
            if evs["event_id"]:
                ecols = ", ".join(_q(f) for f in EVENT_FIELDS)
                rows, params = _rows(evs)
                con.execute(f"INSERT INTO events ({ecols}) SELECT DISTINCT ON (event_id) {ecols} FROM {rows}", params)
            if errs["article_id"]:
                rcols = ", ".join(_q(c) for c in ERROR_COLUMNS)
                rows, params = _rows(errs)
                con.execute(f"INSERT INTO errors ({rcols}) SELECT {rcols} FROM {rows}", params)
            con.commit()
        except Exception:
            con.rollback()
            raise
        return len(arts["id"]), len(evs["event_id"]), len(errs["article_id"])

    # -- resuming and near-duplicates --------------------------------------------------------------
    def stored_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids the store already holds (coded, skipped, failed or duplicate)."""
        probe, params = _rows({"id": list(ids)})
        return {r[0] for r in self.con.execute(f"SELECT id FROM articles SEMI JOIN {probe} USING (id)", params).fetchall()}

    def dedup_last_seq(self) -> int:
        """The seq of the last first-seen article stored (0 for none)."""
        return self.con.execute("SELECT coalesce(max(seq), 0) FROM dedup_signatures").fetchone()[0]

    def dedup_candidates(self, keys: Iterable[int], after: int = 0) -> dict[int, list]:
        """Stored first-seen articles sharing an LSH band key, of those numbered above `after`:
        key -> [(article_id, signature)]."""
        import numpy as np

        keys = list(keys)
        if not keys:
            return {}
        probe, params = _rows({"key": keys})
        # The band keys scanned, then only the matching articles' signatures: as one join DuckDB
        # could build its hash table on the signatures (256 bytes an article), past the store's
        # memory cap at ~3x10^6 articles. The filter on seq (which grows with every batch) lets
        # DuckDB skip whole row groups outside the window, so the cost stays flat as the store grows.
        hits = self.con.execute(f"SELECT key, article_id, seq FROM dedup_bands SEMI JOIN {probe} USING (key) "
                                "WHERE seq > ?", params + [after]).fetchall()
        if not hits:
            return {}
        ids, ids_param = _rows({"article_id": sorted({aid for _, aid, _ in hits})})
        lo, hi = min(q for *_, q in hits), max(q for *_, q in hits)
        signatures = {aid: np.frombuffer(sig, dtype=np.uint32) for aid, sig in self.con.execute(
            f"SELECT article_id, signature FROM dedup_signatures SEMI JOIN {ids} USING (article_id) "
            "WHERE seq BETWEEN ? AND ?", ids_param + [lo, hi]).fetchall()}
        out: dict[int, list] = {}
        for key, aid, _ in hits:
            if aid in signatures:
                out.setdefault(key, []).append((aid, signatures[aid]))
        return out

    def mentions(self) -> dict[str, tuple[int, int, int]]:
        """Per first-seen article: (NumMentions, NumSources, NumArticles) counting its near-duplicates."""
        rows = self.con.execute(
            "SELECT coalesce(duplicate_of, id), count(*), greatest(count(DISTINCT nullif(outlet, '')), 1), "
            "count(DISTINCT id) FROM articles GROUP BY 1").fetchall()
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    # -- reading --------------------------------------------------------------------------------
    def events(self, where: str = "", params=()) -> list[dict]:
        cur = self.con.execute(f"SELECT * FROM events {where} ORDER BY article_id, sentence, code", params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def summary(self, top: int = 10) -> dict:
        con = self.con
        counts = dict(con.execute("SELECT status, count(*) FROM articles GROUP BY status").fetchall())
        n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
        n_errors = con.execute("SELECT count(*) FROM errors WHERE kind = 'error'").fetchone()[0]
        dyads = con.execute(
            "SELECT source, target, count(*) AS n FROM events GROUP BY source, target "
            "ORDER BY n DESC, source, target LIMIT ?", [top]).fetchall()
        roots = con.execute(
            "SELECT root, plover, count(*) AS n FROM events GROUP BY root, plover ORDER BY n DESC, root LIMIT ?",
            [top]).fetchall()
        return {
            "articles": sum(counts.values()),
            "coded": counts.get("coded", 0),
            "skipped": counts.get("skipped", 0),
            "failed": counts.get("error", 0) + con.execute(
                "SELECT count(DISTINCT article_id) FROM errors WHERE stage = 'ingest'").fetchone()[0],
            "events": n_events,
            "errors": n_errors,
            "top_dyads": dyads,
            "top_roots": roots,
        }
