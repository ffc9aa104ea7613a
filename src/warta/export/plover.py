"""Events as PLOVER-style JSON records (one object per line)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import TextIO

from warta import cameo
from warta.records import Event

from ._out import write_lines

PLOVER_FIELDS: tuple[str, ...] = (
    "id",
    "date",
    "event_type",
    "mode",
    "context",
    "actor1",
    "actor1_text",
    "actor2",
    "actor2_text",
    "cameo",
    "goldstein",
    "quad_class",
    "source_text",
    "article_id",
    "sentence",
    "rule",
    "lang",
    "location",
)


def plover_record(event: Event) -> dict:
    """One event as a PLOVER-style dict. `source_text` is the sentence the event was coded from.

    The event type is the event's own `plover` (else the table's); mode and context come from the
    CAMEO→PLOVER table when the code is known and its type agrees, else they are empty.
    """
    try:
        entry: cameo.CameoCode | None = cameo.lookup(event.code)
    except (KeyError, TypeError):
        entry = None
    event_type = event.plover or (entry.plover if entry else "")
    same = entry is not None and entry.plover == event_type
    return {
        "id": event.event_id,
        "date": event.date,
        "event_type": event_type,
        "mode": entry.plover_mode if same else "",
        "context": entry.plover_context if same else "",
        "actor1": event.source,
        "actor1_text": event.source_text,
        "actor2": event.target,
        "actor2_text": event.target_text,
        "cameo": event.code,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "source_text": event.text,
        "article_id": event.article_id,
        "sentence": event.sentence,
        "rule": event.rule,
        "lang": event.lang,
        "location": _location(event),
    }


def _location(event: Event) -> dict | None:
    """Where it happened, or None: name, country (ISO alpha-3), admin1, lat, lon, GDELT type, feature id,
    and how it was found (sentence | article | actor)."""
    if not event.geo_type:
        return None
    return {"name": event.geo_name, "country": event.geo_country, "admin1": event.geo_adm1,
            "lat": event.geo_lat, "lon": event.geo_lon, "geo_type": event.geo_type,
            "feature_id": event.geo_feature_id, "source": event.geo_source}


def write_plover(events: Iterable[Event], out: str | os.PathLike | TextIO) -> int:
    """Write events as PLOVER JSON Lines (UTF-8, not ASCII-escaped). Returns the count written."""

    return write_lines((json.dumps(plover_record(e), ensure_ascii=False) for e in events), out)
