"""The offline gazetteer: generated places (data/places/gazetteer.tsv) plus curated ones and names
(data/places/curated.yaml), indexed by normalised name. Loaded once per worker (`get_gazetteer`).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ..procmem import collector_paused
from ..resources import data_path, load_yaml

TSV_COLUMNS = ("id", "kind", "type", "name", "full_name", "country", "fips", "adm1", "lat", "lon",
               "population", "feature_id", "names", "names_en")
KINDS = frozenset({"country", "territory", "region", "us_state", "adm1", "adm2", "city"})
WORD_KEYS = ("locative", "prefixes", "topic")
_WORD = re.compile(r"\w+")


def name_key(text: str) -> str:
    """How names are compared: lower case, words only ("Toli-Toli" -> "toli toli")."""
    return " ".join(_WORD.findall(text.casefold()))


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    kind: str
    type: int  # GDELT geographic type: 1 country, 2 US state, 3 US city, 4 world city, 5 world ADM1
    name: str
    full_name: str
    country: str  # ISO alpha-3 ("" for seas between countries)
    adm1: str  # GDELT ADM1 code: FIPS country code + admin1 code; the FIPS code alone for countries
    lat: float
    lon: float
    population: int
    feature_id: str
    curated: bool = False


@dataclass
class Gazetteer:
    places: dict[str, Place] = field(default_factory=dict)
    # name key -> [(place, language)]; language "" means any
    index: dict[str, list[tuple[Place, str]]] = field(default_factory=dict)
    words: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)
    needs_cue: frozenset[str] = frozenset()
    countries: dict[str, Place] = field(default_factory=dict)
    max_words: int = 1
    first_words: set[str] = field(default_factory=set)  # first word of every name: most words are none
    partials: set[str] = field(default_factory=set)  # every proper prefix of a name: where to stop reading
    _prefix_re: dict = field(default_factory=dict)

    def add_name(self, place: Place, name: str, lang: str = "") -> None:
        key = name_key(name)
        if not key:
            return
        bucket = self.index.get(key)
        if bucket is None:  # most names are new: no scan of a bucket (~130k names at every start)
            self.index[key] = [(place, lang)]
        elif not any(p is place and lg == lang for p, lg in bucket):
            bucket.append((place, lang))
        if " " not in key:
            self.first_words.add(key)
            return
        words = key.split(" ")
        self.max_words = max(self.max_words, len(words))
        self.first_words.add(words[0])
        for n in range(1, len(words)):
            self.partials.add(" ".join(words[:n]))

    def candidates(self, key: str, lang: str) -> list[Place]:
        seen, out = set(), []
        for place, lg in self.index.get(key, ()):
            if (not lg or lg == lang) and place.id not in seen:
                seen.add(place.id)
                out.append(place)
        return out

    def word_set(self, lang: str, what: str) -> frozenset[str]:
        return self.words.get(lang, {}).get(what, frozenset())

    def prefix_pattern(self, lang: str) -> re.Pattern:
        """Admin prefixes written in lower case ("kabupaten Poso"): they may start a name too."""
        if lang not in self._prefix_re:
            words = sorted(self.word_set(lang, "prefixes"), key=len, reverse=True)
            self._prefix_re[lang] = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)") if words else re.compile(r"(?!)")
        return self._prefix_re[lang]


def _lang_names(value) -> list[tuple[str, str]]:
    """{id: [...], en: [...], any: [...]} -> [(name, lang)] with lang "" for `any`."""
    out = []
    for lang, names in (value or {}).items():
        for n in names or ():
            out.append((str(n), "" if lang == "any" else str(lang)))
    return out


def read_tsv(path: Path):
    with path.open(encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _place(row: dict, curated: bool = False) -> Place:
    adm1 = row.get("adm1") or row.get("fips") or ""
    return Place(id=row["id"], kind=row["kind"], type=int(row["type"]), name=row["name"],
                 full_name=row.get("full_name") or row["name"], country=row.get("country") or "",
                 adm1=adm1, lat=float(row["lat"]), lon=float(row["lon"]),
                 population=int(float(row.get("population") or 0)), feature_id=str(row.get("feature_id") or ""),
                 curated=curated)


def load(tsv: Path | None = None, curated: Path | None = None) -> Gazetteer:
    tsv = tsv or data_path("places", "gazetteer.tsv")
    curated = curated or data_path("places", "curated.yaml")
    gz = Gazetteer()
    cur = load_yaml(curated.read_text(encoding="utf-8")) or {}
    # Places given more names in curated.yaml are curated ones from the start: no pass over the
    # whole index afterwards to swap them in.
    aliased = {e.get("place") for e in cur.get("aliases") or () if isinstance(e, dict)}
    for row in read_tsv(tsv):
        place = _place(row, curated=row["id"] in aliased)
        gz.places[place.id] = place
        if place.kind == "country":
            gz.countries[place.country] = place
        for name in (row.get("names") or "").split("|"):
            gz.add_name(place, name)
        for name in (row.get("names_en") or "").split("|"):
            gz.add_name(place, name, "en")
    replaced = set()  # ids whose Place object changed after names were indexed
    for entry in cur.get("places") or ():
        place = _place({**entry, "full_name": entry.get("name"), "feature_id": entry.get("id")}, curated=True)
        if place.id in gz.places:  # an id used twice (`warta dict check` reports it): the curated one wins
            replaced.add(place.id)
        gz.places[place.id] = place
        for name, lang in _lang_names(entry.get("names")):
            gz.add_name(place, name, lang)
    for entry in cur.get("aliases") or ():
        place = gz.places.get(entry.get("place"))
        if place is None:
            continue  # reported by `warta dict check`
        curated_place = gz.places[place.id] = _replace_curated(place)
        if curated_place is not place:
            replaced.add(place.id)
        for name, lang in _lang_names(entry.get("names")):
            gz.add_name(curated_place, name, lang)
    # A place whose names were curated is the curated one everywhere in the index.
    if replaced:
        for key, bucket in gz.index.items():
            if any(p.id in replaced for p, _ in bucket):
                gz.index[key] = [(gz.places[p.id], lg) for p, lg in bucket]
    for lang, groups in (cur.get("words") or {}).items():
        gz.words[lang] = {k: frozenset(str(w).casefold() for w in groups.get(k) or ()) for k in WORD_KEYS}
    gz.needs_cue = frozenset(name_key(str(n)) for n in cur.get("needs_cue") or ())
    for name in cur.get("not_places") or ():
        gz.index.pop(name_key(str(name)), None)
    return gz


def _replace_curated(place: Place) -> Place:
    from dataclasses import replace

    return place if place.curated else replace(place, curated=True)


@lru_cache(maxsize=2)
def get_gazetteer() -> Gazetteer:
    # loaded at the first article with events when not preloaded (one worker): paused there too
    with collector_paused():
        return load()


def check(tsv: Path | None = None, curated: Path | None = None) -> list[tuple[str, str, str]]:
    """Problems in the place files (the packaged ones unless given) as (file, entry, message)."""
    problems: list[tuple[str, str, str]] = []
    tsv = tsv or data_path("places", "gazetteer.tsv")
    ids: set[str] = set()
    try:
        rows = list(read_tsv(tsv))
    except (OSError, csv.Error) as exc:
        return [("places/gazetteer.tsv", "-", f"cannot read: {exc}")]
    if rows and tuple(rows[0].keys()) != TSV_COLUMNS:
        problems.append(("places/gazetteer.tsv", "header", f"columns must be {', '.join(TSV_COLUMNS)}"))
        return problems
    for i, row in enumerate(rows, 1):
        where = f"row {i} ({row.get('id')})"
        problems += [("places/gazetteer.tsv", where, m) for m in _row_problems(row, ids)]
    path = curated or data_path("places", "curated.yaml")
    try:
        cur = load_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        return problems + [("places/curated.yaml", "-", f"cannot read: {exc}")]
    if not isinstance(cur, dict):
        return problems + [("places/curated.yaml", "-", "must be a mapping with places, aliases, words, needs_cue")]
    for i, entry in enumerate(cur.get("places") or ()):
        where = f"places[{i}] ({entry.get('id') if isinstance(entry, dict) else entry!r})"
        if not isinstance(entry, dict):
            problems.append(("places/curated.yaml", where, "must be a mapping"))
            continue
        missing = [k for k in ("id", "kind", "type", "name", "lat", "lon", "names") if k not in entry]
        if missing:
            problems.append(("places/curated.yaml", where, f"missing {', '.join(missing)}"))
            continue
        problems += [("places/curated.yaml", where, m) for m in _row_problems(
            {k: "" if entry.get(k) is None else str(entry[k]) for k in TSV_COLUMNS}, ids)]
        problems += [("places/curated.yaml", where, m) for m in _names_problems(entry.get("names"))]
    for i, entry in enumerate(cur.get("aliases") or ()):
        where = f"aliases[{i}] ({entry.get('place') if isinstance(entry, dict) else entry!r})"
        if not isinstance(entry, dict) or entry.get("place") not in ids:
            problems.append(("places/curated.yaml", where, "place must be an id in gazetteer.tsv or places"))
            continue
        problems += [("places/curated.yaml", where, m) for m in _names_problems(entry.get("names"))]
    for lang, groups in (cur.get("words") or {}).items():
        if not isinstance(groups, dict) or set(groups) - set(WORD_KEYS):
            problems.append(("places/curated.yaml", f"words.{lang}", f"keys must be among {', '.join(WORD_KEYS)}"))
    for key in ("needs_cue", "not_places"):
        if not isinstance(cur.get(key) or [], list):
            problems.append(("places/curated.yaml", key, "must be a list of names"))
    return problems


def _row_problems(row: dict, ids: set[str]) -> list[str]:
    out = []
    pid = row.get("id") or ""
    if not pid:
        out.append("no id")
    elif pid in ids:
        out.append(f"id {pid} is used twice")
    ids.add(pid)
    if row.get("kind") not in KINDS:
        out.append(f"kind {row.get('kind')!r} is not one of {', '.join(sorted(KINDS))}")
    if row.get("type") not in ("1", "2", "3", "4", "5"):
        out.append(f"type {row.get('type')!r} must be GDELT's 1-5")
    try:
        lat, lon = float(row.get("lat")), float(row.get("lon"))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            out.append(f"lat/lon {lat}, {lon} out of range")
    except (TypeError, ValueError):
        out.append(f"lat/lon {row.get('lat')!r}, {row.get('lon')!r} are not numbers")
    country = row.get("country") or ""
    if country and not re.fullmatch(r"[A-Z]{3}", country):
        out.append(f"country {country!r} must be an ISO alpha-3 code")
    return out


def _names_problems(names) -> list[str]:
    if not isinstance(names, dict) or not names:
        return ["names must map languages (id, en, any) to lists of names"]
    out = []
    for lang, lst in names.items():
        if lang not in ("id", "en", "any"):
            out.append(f"names: language {lang!r} must be id, en or any")
        if not isinstance(lst, list) or not all(isinstance(n, str) and name_key(n) for n in lst):
            out.append(f"names.{lang} must be a list of non-empty strings")
    return out
