"""Events as rows of the GDELT 2.0 Event table (61 tab-separated columns, no header).

Codes stay strings with their leading zeros ("041", "0256"); columns warta does not fill (ethnic and
religion codes it cannot know, AvgTone, the actors' geography, ADM2) are empty strings. ActionGeo_*
comes from the event's location (warta.geo): GDELT's type, full name, FIPS country code, ADM1 code,
latitude, longitude and feature id (a GeoNames id for cities, the ADM1 or country code for areas).
"""

from __future__ import annotations

from itertools import chain as _chain

import hashlib
import os
from collections.abc import Iterable
from datetime import date
from typing import TextIO

from warta.records import Event

from ._out import write_lines

_ACTOR_FIELDS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO_FIELDS = (
    "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"
)

GDELT_COLUMNS: tuple[str, ...] = (
    ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{f}" for f in _ACTOR_FIELDS)
    + tuple(f"Actor2{f}" for f in _ACTOR_FIELDS)
    + (
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    )
    + tuple(f"Actor1Geo_{f}" for f in _GEO_FIELDS)
    + tuple(f"Actor2Geo_{f}" for f in _GEO_FIELDS)
    + tuple(f"ActionGeo_{f}" for f in _GEO_FIELDS)
    + ("DATEADDED", "SOURCEURL")
)
assert len(GDELT_COLUMNS) == 61, len(GDELT_COLUMNS)

# CAMEO actor type (role) codes: a code that starts with one of these has no country part.
TYPE_CODES = frozenset(
    "COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED "
    "REF MOD RAD REL AMN IRC GRP UNO PKO UIS IGO IMG INT MNC NGM NGO SET".split()
)
# CAMEO religion codes, which GDELT puts in ActorNReligion1Code / Religion2Code, not in the types.
RELIGION_CODES = frozenset(
    "ADR ATH BAH BUD CHR CON CPT CTH DOX HIN HSD ITR JAN JEW JUD KAB MOS ORT PRO SHI SHN SIK SUF "
    "SUN TAO ZRO".split()
) - {"JUD"}  # JUD is the judiciary in warta's codes; Judaism is JEW
_GROUP_PREFIXES = ("IGO", "NGO")


def split_actor(code: str) -> dict[str, str]:
    """Break a CAMEO actor code into GDELT's actor columns (CountryCode, KnownGroupCode, ...).

    RUSGOV -> CountryCode RUS, Type1Code GOV; IGOUNO -> KnownGroupCode UNO, Type1Code IGO;
    CVL -> Type1Code CVL (no country).
    """
    out = {f: "" for f in _ACTOR_FIELDS[2:]}
    code = (code or "").strip().upper()
    if not code:
        return out
    types: list[str] = []
    religions: list[str] = []
    if code[:3] in _GROUP_PREFIXES:
        out["KnownGroupCode"] = code[3:]
        types.append(code[:3])
    else:
        rest = code
        head = code[:3]
        not_country = head in TYPE_CODES or head in RELIGION_CODES
        if len(head) == 3 and head.isalpha() and not not_country:
            out["CountryCode"] = code[:3]
            rest = code[3:]
        for i in range(0, len(rest), 3):
            part = rest[i : i + 3]
            if part in RELIGION_CODES:
                religions.append(part)
            else:
                types.append(part)
    for i, t in enumerate(types[:3], 1):
        out[f"Type{i}Code"] = t
    for i, r in enumerate(religions[:2], 1):
        out[f"Religion{i}Code"] = r
    return out


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    for candidate in (value.strip(), value.strip()[:10]):
        try:
            return date.fromisoformat(candidate)
        except ValueError:
            continue
    return None


def fraction_date(d: date) -> str:
    """GDELT's FractionDate, YYYY.FFFF: the year plus the day of the year over 365, 4 decimals."""
    return f"{d.year + d.timetuple().tm_yday / 365:.4f}"


def global_event_id(event_id: str) -> int:
    """A GDELT GlobalEventID from a warta event id: its hex value modulo 2**63 (sha1 if not hex)."""
    try:
        value = int(event_id, 16)
    except (TypeError, ValueError):
        value = int(hashlib.sha1(str(event_id).encode("utf-8")).hexdigest()[:16], 16)
    return value % (2**63)


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    if "\t" in text or "\n" in text or "\r" in text:
        text = " ".join(text.split())
    return text


def _actor(code: str, text: str) -> list[str]:
    parts = split_actor(code)
    head = [(code or "").strip(), (text or "").strip().upper()]
    return head + [parts[f] for f in _ACTOR_FIELDS[2:]]


def _coord(value) -> str:
    return "" if value is None else f"{float(value):.4f}".rstrip("0").rstrip(".")


def action_geo(event: Event) -> list[str]:
    """The 8 ActionGeo_* cells: Type, FullName, CountryCode (FIPS), ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    if not event.geo_type:
        return [""] * len(_GEO_FIELDS)
    adm1 = event.geo_adm1 or ""
    return [str(event.geo_type), event.geo_name or "", adm1[:2], adm1, "", _coord(event.geo_lat),
            _coord(event.geo_lon), event.geo_feature_id or ""]


def gdelt_row(
    event: Event, *, url: str = "", global_id: int | None = None, dateadded: str | None = None,
    mentions: tuple[int, int, int] = (1, 1, 1),
) -> list[str]:
    """One event as a GDELT 2.0 Event row: 61 strings in `GDELT_COLUMNS` order.

    `mentions` is (NumMentions, NumSources, NumArticles): the article and its near-duplicates.
    """
    d = _parse_date(event.date)
    code = (event.code or "").strip()
    root = (event.root or code[:2]).strip()
    row = [
        str(global_id if global_id is not None else global_event_id(event.event_id)),
        d.strftime("%Y%m%d") if d else "",
        d.strftime("%Y%m") if d else "",
        f"{d.year:04d}" if d else "",
        fraction_date(d) if d else "",
    ]
    row += _actor(event.source, event.source_text)
    row += _actor(event.target, event.target_text)
    row += [
        "1" if event.sentence == 0 else "0",
        code,
        code[:3],
        root,
        str(event.quad_class) if event.quad_class is not None else "",
        repr(float(event.goldstein)) if event.goldstein is not None else "",
        str(mentions[0]),
        str(mentions[1]),
        str(mentions[2]),
        "",  # AvgTone
    ]
    row += [""] * (2 * len(_GEO_FIELDS))  # Actor1Geo, Actor2Geo: not filled
    row += action_geo(event)
    row += [dateadded or "", url or ""]
    assert len(row) == len(GDELT_COLUMNS)
    return [_cell(v) for v in row]


def write_gdelt(
    events: Iterable[Event],
    out: str | os.PathLike | TextIO,
    *,
    urls: dict[str, str] | None = None,
    header: bool = False,
    dateadded: str | None = None,
    mentions: dict[str, tuple[int, int, int]] | None = None,
) -> int:
    """Write events as a GDELT 2.0 Event file (tab-separated, no header unless `header`).

    `urls` maps article ids to SOURCEURL, `mentions` to (NumMentions, NumSources, NumArticles)
    (default 1, 1, 1). Returns the number of rows written.
    """
    urls = urls or {}
    mentions = mentions or {}
    rows = ("\t".join(gdelt_row(e, url=urls.get(e.article_id, ""), dateadded=dateadded,
                                mentions=mentions.get(e.article_id, (1, 1, 1)))) for e in events)
    if header:
        rows = _chain(["\t".join(GDELT_COLUMNS)], rows)
    n = write_lines(rows, out)
    return n - 1 if header else n
