"""The store's three tables: column names and types shared by the DuckDB store and the Parquet
tables `warta spark` writes, and the columns one batch of results gives (plain lists, which the
DuckDB store inserts as query parameters; `arrow_tables` makes Arrow tables of them for Spark)."""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from ..records import EVENT_FIELDS, Duplicate, ErrorRow, Result, outlet_of

EVENT_TYPES = {
    "sentence": "INTEGER", "start": "INTEGER", "end": "INTEGER", "quad_class": "INTEGER",
    "goldstein": "DOUBLE", "trigger_start": "INTEGER", "trigger_end": "INTEGER",
    "source_start": "INTEGER", "source_end": "INTEGER", "target_start": "INTEGER", "target_end": "INTEGER",
    "geo_type": "INTEGER", "geo_lat": "DOUBLE", "geo_lon": "DOUBLE",
}
ARTICLE_COLUMNS = ("id", "title", "date", "url", "lang", "origin", "status", "n_sentences", "n_events",
                   "text", "coded_at", "date_source")
# Added for near-duplicates (issue 5): the publisher, and for a copy the id of the first-seen article.
ARTICLE_COLUMNS_DEDUP = ("outlet", "duplicate_of")
ARTICLE_COLUMNS += ARTICLE_COLUMNS_DEDUP
ERROR_COLUMNS = ("article_id", "stage", "kind", "reason", "origin", "at")
# Per-article side tables, written with their article in one transaction and replaced with it.
# seq numbers first-seen articles in the order they were stored: a look-up reads only the last
# `[dedup] window` of them, and DuckDB skips older row groups by their min/max (see dedup/near.py).
SIDE_TABLES = {
    "dedup_bands": "article_id VARCHAR, key BIGINT, seq BIGINT",  # LSH band keys of first-seen articles
    "dedup_signatures": "article_id VARCHAR, signature BLOB, seq BIGINT",  # their MinHash signatures (uint32s)
}

Columns = dict[str, list]  # column name -> its values, one per row


def to_columns(results: Iterable[Result | ErrorRow | Duplicate],
               now: dt.datetime | None = None) -> tuple[Columns, Columns, Columns, list[str]]:
    """(articles, events, errors, article ids) for a batch of results."""
    now = now or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
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
        if isinstance(item, Duplicate):
            row = (a.id, a.title, a.date, a.url, a.lang, a.origin, "duplicate", 0, 0, a.text, now,
                   a.date_source, outlet_of(a), item.duplicate_of)
        else:
            row = (a.id, a.title, a.date, a.url, a.lang, a.origin, item.status, item.n_sentences,
                   len(item.events), a.text, now, a.date_source, outlet_of(a), None)
        for c, v in zip(ARTICLE_COLUMNS, row):
            arts[c].append(v)
        if isinstance(item, Duplicate):
            continue
        for e in item.events:
            for f in EVENT_FIELDS:
                evs[f].append(getattr(e, f))
        if item.error is not None:
            add_error(item.error)
    return arts, evs, errs, ids
