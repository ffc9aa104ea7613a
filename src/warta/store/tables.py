"""The store's three tables as Arrow: column names and types shared by the DuckDB store and the
Parquet tables `warta spark` writes, and the rows one batch of results gives."""

from __future__ import annotations

import datetime as dt
from typing import Iterable

import pyarrow as pa

from ..records import EVENT_FIELDS, Duplicate, ErrorRow, Result, outlet_of

EVENT_TYPES = {
    "sentence": "INTEGER", "start": "INTEGER", "end": "INTEGER", "quad_class": "INTEGER",
    "goldstein": "DOUBLE", "trigger_start": "INTEGER", "trigger_end": "INTEGER",
    "source_start": "INTEGER", "source_end": "INTEGER", "target_start": "INTEGER", "target_end": "INTEGER",
    "geo_type": "INTEGER", "geo_lat": "DOUBLE", "geo_lon": "DOUBLE",
}
_ARROW = {"INTEGER": pa.int32(), "DOUBLE": pa.float64(), "VARCHAR": pa.string()}
ARTICLE_COLUMNS = ("id", "title", "date", "url", "lang", "origin", "status", "n_sentences", "n_events",
                   "text", "coded_at", "date_source")
# Added for near-duplicates (issue 5): the publisher, and for a copy the id of the first-seen article.
ARTICLE_COLUMNS_DEDUP = ("outlet", "duplicate_of")
ARTICLE_COLUMNS += ARTICLE_COLUMNS_DEDUP
ERROR_COLUMNS = ("article_id", "stage", "kind", "reason", "origin", "at")
# Per-article side tables, written with their article in one transaction and replaced with it.
SIDE_TABLES = {
    "dedup_bands": "article_id VARCHAR, key BIGINT",  # LSH band keys of first-seen articles
    "dedup_signatures": "article_id VARCHAR, signature BLOB",  # their MinHash signatures (uint32s)
}

ARTICLE_SCHEMA = pa.schema([(c, pa.timestamp("us") if c == "coded_at" else
                             (pa.int32() if c.startswith("n_") else pa.string())) for c in ARTICLE_COLUMNS])
EVENT_SCHEMA = pa.schema([(f, _ARROW[EVENT_TYPES.get(f, "VARCHAR")]) for f in EVENT_FIELDS])
ERROR_SCHEMA = pa.schema([(c, pa.timestamp("us") if c == "at" else pa.string()) for c in ERROR_COLUMNS])
SCHEMAS = {"articles": ARTICLE_SCHEMA, "events": EVENT_SCHEMA, "errors": ERROR_SCHEMA}


def to_tables(results: Iterable[Result | ErrorRow | Duplicate],
              now: dt.datetime | None = None) -> tuple[pa.Table, pa.Table, pa.Table, list[str]]:
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
    return (pa.table(arts, schema=ARTICLE_SCHEMA), pa.table(evs, schema=EVENT_SCHEMA),
            pa.table(errs, schema=ERROR_SCHEMA), ids)
