"""The embedded store: one DuckDB file with articles, events and errors.

The store owns its schema. Writes are idempotent per article: re-ingesting an article replaces
its row, its events and its errors in one transaction, so events are never duplicated.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterable

import duckdb
import pyarrow as pa

from ..records import EVENT_FIELDS, ErrorRow, Result

SCHEMA_VERSION = "2"  # 2: event location columns (geo_*)
DEFAULT_DB = "warta.duckdb"

_EVENT_TYPES = {
    "sentence": "INTEGER", "start": "INTEGER", "end": "INTEGER", "quad_class": "INTEGER",
    "goldstein": "DOUBLE", "trigger_start": "INTEGER", "trigger_end": "INTEGER",
    "source_start": "INTEGER", "source_end": "INTEGER", "target_start": "INTEGER", "target_end": "INTEGER",
    "geo_type": "INTEGER", "geo_lat": "DOUBLE", "geo_lon": "DOUBLE",
}
_ARROW = {"INTEGER": pa.int32(), "DOUBLE": pa.float64(), "VARCHAR": pa.string()}
ARTICLE_COLUMNS = ("id", "title", "date", "url", "lang", "origin", "status", "n_sentences", "n_events",
                   "text", "coded_at", "date_source")
ERROR_COLUMNS = ("article_id", "stage", "kind", "reason", "origin", "at")


def _q(name: str) -> str:
    return f'"{name}"'


class StoreError(RuntimeError):
    """The database file cannot be opened or written."""


class Store:
    """A DuckDB file holding warta's tables. Use as a context manager or call close()."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False):
        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except (duckdb.IOException, duckdb.Error) as exc:
            raise StoreError(f"cannot open the store {self.path!r}: {exc}. Is another warta process "
                             "writing to it, or is the path a directory?") from None
        if not read_only:
            self._migrate()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- schema ---------------------------------------------------------------------------------
    def _migrate(self) -> None:
        ev_cols = ", ".join(f"{_q(f)} {_EVENT_TYPES.get(f, 'VARCHAR')}" for f in EVENT_FIELDS)
        self.con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS articles (id VARCHAR, title VARCHAR, date VARCHAR, url VARCHAR, "
            "lang VARCHAR, origin VARCHAR, status VARCHAR, n_sentences INTEGER, n_events INTEGER, "
            "text VARCHAR, coded_at TIMESTAMP, date_source VARCHAR)"
        )
        # Stores written before articles said where their date came from.
        self.con.execute("ALTER TABLE articles ADD COLUMN IF NOT EXISTS date_source VARCHAR")
        self.con.execute(f"CREATE TABLE IF NOT EXISTS events ({ev_cols})")
        # A store written by an older warta gains the new event columns (empty for its old rows).
        for f in EVENT_FIELDS:
            self.con.execute(f"ALTER TABLE events ADD COLUMN IF NOT EXISTS {_q(f)} {_EVENT_TYPES.get(f, 'VARCHAR')}")
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS errors (article_id VARCHAR, stage VARCHAR, kind VARCHAR, "
            "reason VARCHAR, origin VARCHAR, \"at\" TIMESTAMP)"
        )
        self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])

    # -- writing --------------------------------------------------------------------------------
    def write(self, results: Iterable[Result | ErrorRow]) -> tuple[int, int, int]:
        """Store a batch; returns (articles, events, errors) written."""
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        arts = {c: [] for c in ARTICLE_COLUMNS}
        evs = {f: [] for f in EVENT_FIELDS}
        errs = {c: [] for c in ERROR_COLUMNS}
        ids: list[str] = []

        def add_error(e: ErrorRow) -> None:
            for c, v in zip(ERROR_COLUMNS, (e.article_id, e.stage, e.kind, e.reason, e.origin, now)):
                errs[c].append(v)

        for item in results:
            if isinstance(item, ErrorRow):
                ids.append(item.article_id)
                add_error(item)
                continue
            a = item.article
            ids.append(a.id)
            row = (a.id, a.title, a.date, a.url, a.lang, a.origin, item.status, item.n_sentences,
                   len(item.events), a.text, now, a.date_source)
            for c, v in zip(ARTICLE_COLUMNS, row):
                arts[c].append(v)
            for e in item.events:
                for f in EVENT_FIELDS:
                    evs[f].append(getattr(e, f))
            if item.error is not None:
                add_error(item.error)
        if not ids:
            return 0, 0, 0
        art_tbl = pa.table({c: arts[c] for c in ARTICLE_COLUMNS},
                           schema=pa.schema([(c, pa.timestamp("us") if c == "coded_at" else
                                              (pa.int32() if c.startswith("n_") else pa.string()))
                                             for c in ARTICLE_COLUMNS]))
        ev_tbl = pa.table({f: evs[f] for f in EVENT_FIELDS},
                          schema=pa.schema([(f, _ARROW[_EVENT_TYPES.get(f, "VARCHAR")]) for f in EVENT_FIELDS]))
        err_tbl = pa.table({c: errs[c] for c in ERROR_COLUMNS},
                           schema=pa.schema([(c, pa.timestamp("us") if c == "at" else pa.string())
                                             for c in ERROR_COLUMNS]))
        id_tbl = pa.table({"id": pa.array(sorted(set(ids)), pa.string())})
        con = self.con
        con.begin()
        try:
            con.register("_ids", id_tbl)
            con.register("_arts", art_tbl)
            con.register("_evs", ev_tbl)
            con.register("_errs", err_tbl)
            con.execute("DELETE FROM events WHERE article_id IN (SELECT id FROM _ids)")
            con.execute("DELETE FROM errors WHERE article_id IN (SELECT id FROM _ids)")
            con.execute("DELETE FROM articles WHERE id IN (SELECT id FROM _ids)")
            cols = ", ".join(_q(c) for c in ARTICLE_COLUMNS)
            # An article may appear twice in one batch (the same file given twice): keep the last.
            con.execute(f"INSERT INTO articles ({cols}) SELECT {cols} FROM _arts "
                        "QUALIFY row_number() OVER (PARTITION BY id ORDER BY coded_at) = 1")
            ecols = ", ".join(_q(f) for f in EVENT_FIELDS)
            con.execute(f"INSERT INTO events ({ecols}) SELECT DISTINCT ON (event_id) {ecols} FROM _evs")
            rcols = ", ".join(_q(c) for c in ERROR_COLUMNS)
            con.execute(f"INSERT INTO errors ({rcols}) SELECT {rcols} FROM _errs")
            con.commit()
        except Exception:
            con.rollback()
            raise
        finally:
            for name in ("_ids", "_arts", "_evs", "_errs"):
                con.unregister(name)
        return len(art_tbl), len(ev_tbl), len(err_tbl)

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
