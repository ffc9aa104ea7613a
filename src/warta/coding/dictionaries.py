"""Load and validate warta's dictionaries (actors, agents, event patterns, grammar words).

The files are YAML under `warta/data/` (schema: docs/dictionaries.md). Users may add their own
folders with the same layout (`extra_dirs`), which are read after the packaged ones, so a user's
entry can add aliases or override a rule id.

`check()` returns every problem found, each naming its file, entry and what to do; the loaders
raise `DictionaryError` with the first problems when a file cannot be used at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as Date
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

from ..resources import data_path, load_yaml

ACTOR_CODE = re.compile(r"^[A-Z]{3}([A-Z]{3})*$|^IGO[A-Z]{2,12}$")
CAMEO_CODE = re.compile(r"^\d{2,4}$")
SECTORS = frozenset(
    "GOV MIL COP JUD LEG OPP REB CVL BUS MED EDU REL LAB REF HLH ELI SPY AGR ENV CRM IGO NGO "
    "MOD RAD SEP UAF INS PTY HRI".split()
)
ACTOR_KINDS = frozenset({"country", "metonym", "igo", "ngo", "group", "state", "person", "ignore"})
EVENT_KEYS = frozenset(
    {"id", "code", "verb", "word", "passive", "noun", "with", "without", "symmetric", "target", "source", "together", "reverse", "negated", "claims", "bodies", "note"}
)


class DictionaryError(ValueError):
    """A dictionary file is missing, unreadable or breaks the schema."""


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    entry: str
    message: str
    level: str = "error"  # error | warning

    def __str__(self) -> str:
        return f"{self.level}: {self.file}: {self.entry}: {self.message}"


@dataclass(frozen=True, slots=True)
class Role:
    code: str
    start: str | None  # ISO date, inclusive
    end: str | None  # ISO date, exclusive; None = open
    office: str = ""


@dataclass(frozen=True, slots=True)
class Actor:
    key: str  # "file.yaml#index", stable within a dictionary build
    code: str  # for people: "" (see roles)
    kind: str
    name: str
    aliases: dict[str, tuple[str, ...]]
    demonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    capitals: dict[str, tuple[str, ...]] = field(default_factory=dict)
    roles: tuple[Role, ...] = ()
    formerly: tuple[Role, ...] = ()  # a country's earlier codes: Juba was Sudan's until 2011-07-09

    def code_at(self, day: str | None) -> str:
        """The actor's code on an ISO date (people: the office they held then; a country formed
        later: the state its places belonged to then)."""
        if day and self.formerly:
            for old in self.formerly:
                if (old.start is None or old.start <= day) and old.end is not None and day < old.end:
                    return old.code
        if not self.roles:
            return self.code
        if day is None:
            return max(self.roles, key=lambda r: r.start or "").code
        for role in self.roles:
            if (role.start is None or role.start <= day) and (role.end is None or day < role.end):
                return role.code
        # Out of office on that day: the country of the nearest role, as an elite (CAMEO ELI).
        nearest = min(self.roles, key=lambda r: _distance(day, r))
        return nearest.code[:3] + "ELI" if not nearest.code.startswith(("IGO", "NGO")) else nearest.code

    def not_yet_public(self, day: str | None) -> bool:
        """Is `day` more than CAREER_LEAD_DAYS before this person's first office? A name (or
        "AKK") in news written long before that career began means someone else."""
        starts = [r.start for r in self.roles]
        if not day or not starts or None in starts:
            return False
        return (Date.fromisoformat(min(starts)) - Date.fromisoformat(day)).days > CAREER_LEAD_DAYS

    def days_out_of_office(self, day: str | None) -> int:
        """How far `day` lies from this person's nearest role (0: in office that day); undated
        text ranks later careers first. Decides between people who share a name ("Bush")."""
        if not self.roles:
            return 0
        if day is None:
            return -Date.fromisoformat(max(r.start or "0001-01-01" for r in self.roles)).toordinal()
        return min(_distance(day, r) for r in self.roles)


def _distance(day: str, role: Role) -> int:
    d = Date.fromisoformat(day)
    start = Date.fromisoformat(role.start) if role.start else Date.min
    end = Date.fromisoformat(role.end) if role.end else Date.max
    if d < start:
        return (start - d).days
    return (d - end).days if d >= end else 0


CAREER_LEAD_DAYS = 10 * 365  # how long before a person's first office their name is still theirs


@dataclass(frozen=True, slots=True)
class Agent:
    sector: str
    terms: tuple[str, ...]
    country: str = ""  # a role noun that implies its country ("Kapolri" -> IDN)
    only: str = ""  # "target": generic nouns ("orang") that are actors only as targets


@dataclass(frozen=True, slots=True)
class EventRule:
    id: str
    code: str
    verb: tuple[str, ...] = ()
    word: tuple[str, ...] = ()
    passive: tuple[str, ...] = ()
    noun: tuple[str, ...] = ()
    with_: tuple[str, ...] = ()
    without: tuple[str, ...] = ()
    symmetric: bool = False
    no_target: bool = False
    author_target: bool = False  # target: author -- "investigating crimes by the police": the police
    own_target: bool = False  # target: own -- "lifted the state of emergency": the doer's own country
    with_target: bool = False  # target: with -- "released the opposition leader": the actor in the `with` words
    source: str = ""  # "speaker": the source is who reports the clause ("X said Y must ...")
    together: str = ""  # code when two or more parties do it together (joint drills: 150 -> 062)
    negated: str = ""  # code when negated: "will not accept refugees" is a rejection (120)
    bodies: str = ""  # code when the target is an international body: expelling UNHCR is 166, not 174
    claims: bool = False  # "X claimed responsibility for the bombing": X did the violence named after it
    reverse: str = ""  # code of the converse event, target -> source (a visit implies a host: 042 -> 043)
    file: str = ""


@dataclass(frozen=True, slots=True)
class Grammar:
    language: str
    default_country: str
    head: str
    morphology: str
    conjunctions: frozenset[str]
    prepositions: frozenset[str]
    target_prepositions: tuple[str, ...]
    agent_markers: frozenset[str]
    passive_light_verbs: frozenset[str]
    light_verbs: frozenset[str]
    negations: tuple[str, ...]
    negation_window: int
    conditionals: frozenset[str]
    clause_boundaries: frozenset[str]
    datelines: tuple[re.Pattern, ...]
    enclitics: tuple[str, ...] = ()
    coordinators: frozenset[str] = frozenset()
    subordinators: frozenset[str] = frozenset()
    complementizers: frozenset[str] = frozenset()
    nominal_agent_markers: frozenset[str] = frozenset()
    relativizers: frozenset[str] = frozenset()
    partner_prepositions: frozenset[str] = frozenset()
    between_markers: frozenset[str] = frozenset()
    possessive_markers: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    beneficiary_prepositions: frozenset[str] = frozenset()
    private_person_sector: str = ""
    hedges: frozenset[str] = frozenset()
    hedge_window: int = 5
    adverbs: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    role_linkers: frozenset[str] = frozenset()
    possessive_suffixes: frozenset[str] = frozenset()
    modifier_window: int = 0
    locative_prepositions: frozenset[str] = frozenset()
    demonym_plural_endings: tuple[str, ...] = ()
    demonym_plural_sector: str = ""
    authors_as_targets: bool = False
    partitives: frozenset[str] = frozenset()
    gerund_prepositions: frozenset[str] = frozenset()
    gerund_endings: tuple[str, ...] = ()
    participle_endings: tuple[str, ...] = ()
    ethnic_markers: frozenset[str] = frozenset()
    ally_nouns: frozenset[str] = frozenset()
    infinitive_markers: frozenset[str] = frozenset()
    circumstance_prepositions: frozenset[str] = frozenset()
    symmetric_needs_partner: bool = False
    affiliation_prefixes: frozenset[str] = frozenset()
    leader_compounds: frozenset[str] = frozenset()
    passive_auxiliaries: frozenset[str] = frozenset()
    topic_prepositions: frozenset[str] = frozenset()
    fallback_target_window: int = 0
    fallback_target_stops: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()
    unattributed_sector: str = ""
    soldier_sectors: frozenset[str] = frozenset()
    border_nouns: frozenset[str] = frozenset()
    reciprocals: tuple[str, ...] = ()
    receiving_verbs: frozenset[str] = frozenset()
    origin_prepositions: frozenset[str] = frozenset()
    light_verb_window: int = 3
    reduced_passive_after: frozenset[str] = frozenset()
    misspelt_country_length: int = 0
    authority_roots: frozenset[str] = frozenset()
    authority_sector: str = ""
    self_target_dropped: bool = False
    own_place_no_target_roots: frozenset[str] = frozenset()
    verb_particles: frozenset[str] = frozenset()
    gazetteer_places: bool = False
    place_nouns: frozenset[str] = frozenset()
    natural_causes: frozenset[str] = frozenset()
    unconventional_weapons: frozenset[str] = frozenset()
    unconventional_code: str = ""
    affiliation_linkers: tuple[str, ...] = ()
    fallback_bare: bool = False
    region_adjectives: frozenset[str] = frozenset()
    possessive_pronouns: frozenset[str] = frozenset()
    group_country: bool = False
    domestic_guess: bool = False
    obligations: frozenset[str] = frozenset()
    obligation_code: str = ""


# --------------------------------------------------------------------------------------- reading


def _dirs(extra_dirs: Iterable[str | Path] = ()) -> list[Path]:
    return [data_path()] + [Path(d) for d in extra_dirs]


def _read_yaml(path: Path) -> Any:
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise DictionaryError(f"{path}: not valid YAML{where}: {getattr(exc, 'problem', exc)}") from None


def _as_list(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _lang_map(value: Any) -> dict[str, tuple[str, ...]]:
    if not value:
        return {}
    if isinstance(value, dict):
        return {str(k): _as_list(v) for k, v in value.items()}
    return {"any": _as_list(value)}


def _iso(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, Date):
        return value.isoformat()
    return Date.fromisoformat(str(value)).isoformat()


def actor_files(extra_dirs: Iterable[str | Path] = ()) -> list[Path]:
    files: list[Path] = []
    for d in _dirs(extra_dirs):
        files += sorted((d / "actors").glob("*.yaml"))
    return files


def _actor_from(entry: dict, key: str) -> Actor:
    roles = tuple(
        Role(str(r["code"]), _iso(r.get("from")), _iso(r.get("to")), str(r.get("office", "")))
        for r in entry.get("roles") or ()
    )
    return Actor(
        key=key,
        code=str(entry.get("code") or ""),
        kind=str(entry.get("kind", "")),
        name=str(entry.get("name", "")),
        aliases=_lang_map(entry.get("aliases")),
        demonyms=_lang_map(entry.get("demonyms")),
        capitals=_lang_map(entry.get("capitals")),
        roles=roles,
        formerly=tuple(Role(str(r["code"]), _iso(r.get("from")), _iso(r["to"]), "")
                       for r in entry.get("formerly") or ()),
    )


@lru_cache(maxsize=8)
def load_actors(extra_dirs: tuple[str, ...] = ()) -> tuple[Actor, ...]:
    actors: list[Actor] = []
    for path in actor_files(extra_dirs):
        data = _read_yaml(path) or []
        if not isinstance(data, list):
            raise DictionaryError(f"{path}: expected a YAML list of actor records")
        for i, entry in enumerate(data):
            try:
                actors.append(_actor_from(entry, f"{path.name}#{i}"))
            except (KeyError, ValueError, TypeError) as exc:
                raise DictionaryError(
                    f"{path}: entry {i} ({entry.get('name', '?') if isinstance(entry, dict) else entry!r}): "
                    f"{exc}; run `warta dict check` for every problem"
                ) from None
    return tuple(actors)


@lru_cache(maxsize=8)
def load_agents(lang: str, extra_dirs: tuple[str, ...] = ()) -> tuple[Agent, ...]:
    agents: list[Agent] = []
    for d in _dirs(extra_dirs):
        path = d / "agents" / f"{lang}.yaml"
        if not path.exists():
            continue
        for entry in _read_yaml(path) or []:
            agents.append(
                Agent(str(entry["sector"]), _as_list(entry.get("terms")), str(entry.get("country") or ""),
                      str(entry.get("only") or ""))
            )
    return tuple(agents)


def event_files(lang: str, extra_dirs: Iterable[str | Path] = ()) -> list[Path]:
    return [p for d in _dirs(extra_dirs) for p in [d / "events" / f"{lang}.yaml"] if p.exists()]


def _rule_from(entry: dict, file: str) -> EventRule:
    code = entry["code"]
    code = f"{code:02d}" if isinstance(code, int) else str(code)
    target = str(entry.get("target", "")).lower()
    return EventRule(
        id=str(entry["id"]),
        code=code,
        verb=_as_list(entry.get("verb")),
        word=_as_list(entry.get("word")),
        passive=_as_list(entry.get("passive")),
        noun=_as_list(entry.get("noun")),
        with_=_as_list(entry.get("with")),
        without=_as_list(entry.get("without")),
        symmetric=bool(entry.get("symmetric", False)),
        no_target=target == "none",
        author_target=target == "author",
        own_target=target == "own",
        with_target=target == "with",
        source=str(entry.get("source") or ""),
        together=str(entry.get("together") or ""),
        reverse=str(entry.get("reverse") or ""),
        negated=str(entry.get("negated") or ""),
        bodies=str(entry.get("bodies") or ""),
        claims=bool(entry.get("claims", False)),
        file=file,
    )


@lru_cache(maxsize=8)
def load_events(lang: str, extra_dirs: tuple[str, ...] = ()) -> tuple[EventRule, ...]:
    rules: dict[str, EventRule] = {}
    for path in event_files(lang, extra_dirs):
        for entry in _read_yaml(path) or []:
            rule = _rule_from(entry, path.name)
            rules[rule.id] = rule  # a later file (a user's) overrides a packaged rule of the same id
    return tuple(rules.values())


def lang_data(lang: str, filename: str, extra_dirs: Iterable[str | Path] = ()) -> dict:
    """A language's mapping file (`lang/<lang>/<filename>`): the packaged one, then each user
    folder's, key by key."""
    data: dict = {}
    for d in _dirs(extra_dirs):
        path = d / "lang" / lang / filename
        if path.exists():
            loaded = _read_yaml(path) or {}
            if not isinstance(loaded, dict):
                raise DictionaryError(f"{path}: expected a mapping of keys to word lists (see docs/dictionaries.md)")
            data.update(loaded)
    return data


@lru_cache(maxsize=8)
def load_grammar(lang: str, extra_dirs: tuple[str, ...] = ()) -> Grammar:
    data = lang_data(lang, "grammar.yaml", extra_dirs)
    if not data:
        raise DictionaryError(f"no grammar file for language {lang!r} (data/lang/{lang}/grammar.yaml)")

    def words(key: str) -> tuple[str, ...]:
        values = data.get(key) or ()
        bad = [w for w in values if not isinstance(w, str)]
        if bad:
            # YAML reads unquoted on/off/yes/no as booleans: the word would silently vanish.
            raise DictionaryError(f"lang/{lang}/grammar.yaml: {key}: {bad!r} are not strings; quote them "
                                  "(YAML reads unquoted on, off, yes, no as true/false)")
        return tuple(w.lower() for w in values)

    return Grammar(
        language=lang,
        default_country=str(data.get("default_country", "")),
        head=str(data.get("head", "first")),
        morphology=str(data.get("morphology", lang)),
        conjunctions=frozenset(words("conjunctions")),
        prepositions=frozenset(words("prepositions")),
        target_prepositions=words("target_prepositions"),
        agent_markers=frozenset(words("agent_markers")),
        passive_light_verbs=frozenset(words("passive_light_verbs")),
        light_verbs=frozenset(words("light_verbs")),
        negations=words("negations"),
        negation_window=int(data.get("negation_window", 3)),
        conditionals=frozenset(words("conditionals")),
        clause_boundaries=frozenset(words("clause_boundaries")),
        datelines=tuple(re.compile(p) for p in data.get("datelines") or ()),
        enclitics=words("enclitics"),
        coordinators=frozenset(words("coordinators")),
        subordinators=frozenset(words("subordinators")),
        complementizers=frozenset(words("complementizers")),
        nominal_agent_markers=frozenset(words("nominal_agent_markers")),
        relativizers=frozenset(words("relativizers")),
        partner_prepositions=frozenset(words("partner_prepositions")),
        between_markers=frozenset(words("between_markers")),
        possessive_markers=frozenset(words("possessive_markers")),
        determiners=frozenset(words("determiners")),
        beneficiary_prepositions=frozenset(words("beneficiary_prepositions")),
        private_person_sector=str(data.get("private_person_sector") or ""),
        hedges=frozenset(words("hedges")),
        hedge_window=int(data.get("hedge_window", 5)),
        adverbs=frozenset(words("adverbs")),
        pronouns=frozenset(words("pronouns")),
        role_linkers=frozenset(words("role_linkers")),
        possessive_suffixes=frozenset(words("possessive_suffixes")),
        modifier_window=int(data.get("modifier_window", 0)),
        locative_prepositions=frozenset(words("locative_prepositions")),
        demonym_plural_endings=words("demonym_plural_endings"),
        demonym_plural_sector=str(data.get("demonym_plural_sector") or ""),
        authors_as_targets=bool(data.get("authors_as_targets", False)),
        partitives=frozenset(words("partitives")),
        gerund_prepositions=frozenset(words("gerund_prepositions")),
        gerund_endings=words("gerund_endings"),
        participle_endings=words("participle_endings"),
        ethnic_markers=frozenset(words("ethnic_markers")),
        ally_nouns=frozenset(words("ally_nouns")),
        infinitive_markers=frozenset(words("infinitive_markers")),
        circumstance_prepositions=frozenset(words("circumstance_prepositions")),
        symmetric_needs_partner=bool(data.get("symmetric_needs_partner", False)),
        affiliation_prefixes=frozenset(words("affiliation_prefixes")),
        leader_compounds=frozenset(words("leader_compounds")),
        passive_auxiliaries=frozenset(words("passive_auxiliaries")),
        topic_prepositions=frozenset(words("topic_prepositions")),
        fallback_target_window=int(data.get("fallback_target_window", 0)),
        fallback_target_stops=frozenset(words("fallback_target_stops")),
        reporting_verbs=frozenset(words("reporting_verbs")),
        unattributed_sector=str(data.get("unattributed_sector") or "").upper(),
        soldier_sectors=frozenset(w.upper() for w in words("soldier_sectors")),
        border_nouns=frozenset(words("border_nouns")),
        reciprocals=tuple(words("reciprocals")),
        receiving_verbs=frozenset(words("receiving_verbs")),
        origin_prepositions=frozenset(words("origin_prepositions")),
        light_verb_window=int(data.get("light_verb_window", 3)),
        reduced_passive_after=frozenset(words("reduced_passive_after")),
        misspelt_country_length=int(data.get("misspelt_country_length", 0)),
        authority_roots=frozenset(str(w) for w in words("authority_roots")),
        authority_sector=str(data.get("authority_sector") or "").upper(),
        self_target_dropped=bool(data.get("self_target_dropped", False)),
        own_place_no_target_roots=frozenset(str(w) for w in words("own_place_no_target_roots")),
        verb_particles=frozenset(words("verb_particles")),
        gazetteer_places=bool(data.get("gazetteer_places", False)),
        place_nouns=frozenset(words("place_nouns")),
        natural_causes=frozenset(words("natural_causes")),
        unconventional_weapons=frozenset(words("unconventional_weapons")),
        unconventional_code=str(data.get("unconventional_code") or ""),
        affiliation_linkers=tuple(words("affiliation_linkers")),
        fallback_bare=bool(data.get("fallback_bare", False)),
        region_adjectives=frozenset(words("region_adjectives")),
        possessive_pronouns=frozenset(words("possessive_pronouns")),
        group_country=bool(data.get("group_country", False)),
        domestic_guess=bool(data.get("domestic_guess", False)),
        obligations=frozenset(words("obligations")),
        obligation_code=str(data.get("obligation_code") or ""),
    )


def languages(extra_dirs: Iterable[str | Path] = ()) -> list[str]:
    """Languages with a grammar file: the languages warta can code."""
    found = set()
    for d in _dirs(extra_dirs):
        found |= {p.parent.name for p in (d / "lang").glob("*/grammar.yaml")}
    return sorted(found)


# ------------------------------------------------------------------------------------ validation


def _check_actor_entry(entry: Any, where: str, file: str, problems: list[Problem]) -> None:
    def err(msg: str, level: str = "error") -> None:
        problems.append(Problem(file, where, msg, level))

    if not isinstance(entry, dict):
        err("an actor record must be a mapping with code, kind, name, aliases")
        return
    kind = entry.get("kind")
    if kind not in ACTOR_KINDS:
        err(f"kind {kind!r} is not one of {', '.join(sorted(ACTOR_KINDS))}")
    if not entry.get("name"):
        err("missing name (the English display name)")
    aliases = entry.get("aliases")
    if not aliases or not isinstance(aliases, dict) or not any(aliases.values()):
        err("missing aliases: give a map of language -> list of names, e.g. {id: [Rusia], en: [Russia]}")
    elif any(not isinstance(v, list) for v in aliases.values()):
        err("aliases: each language must map to a list of strings")
    if kind == "person":
        roles = entry.get("roles")
        if not roles:
            err("a person needs roles: [{code, from, to, office}]")
        for j, role in enumerate(roles or ()):
            if not isinstance(role, dict) or not ACTOR_CODE.match(str(role.get("code", ""))):
                err(f"role {j}: code {role.get('code') if isinstance(role, dict) else role!r} is not an actor code like RUSGOV")
                continue
            try:
                start, end = _iso(role.get("from")), _iso(role.get("to"))
            except ValueError as exc:
                err(f"role {j}: bad date ({exc}); use YYYY-MM-DD")
                continue
            if start and end and end <= start:
                err(f"role {j}: 'to' {end} is not after 'from' {start}; swap them or correct the dates")
            if "to" not in role:
                err(f"role {j} ({role.get('office') or role.get('code')}): no 'to' key; give the end date, "
                    "or write `to: null` if the office is still held")
            if start is None:
                err(f"role {j}: no 'from' date; an open start makes the role match any past date", "warning")
        _check_role_overlaps(entry, where, file, problems)
    elif kind != "ignore":
        code = str(entry.get("code", ""))
        if not ACTOR_CODE.match(code):
            err(f"code {code!r} is not an actor code (3 letters + optional 3-letter sectors, e.g. RUSGOV)")
    for j, old in enumerate(entry.get("formerly") or ()):
        if kind != "country":
            err("formerly: only a country has earlier codes (a person's offices are roles)")
            break
        if not isinstance(old, dict) or not ACTOR_CODE.match(str(old.get("code", ""))):
            err(f"formerly {j}: give {{code, to}}: the code its places had until the date `to`")
            continue
        try:
            if _iso(old.get("to")) is None:
                err(f"formerly {j}: no 'to' date: until when were its places {old.get('code')}'s?")
        except ValueError as exc:
            err(f"formerly {j}: bad date ({exc}); use YYYY-MM-DD")


def _check_role_overlaps(entry: dict, where: str, file: str, problems: list[Problem]) -> None:
    roles = []
    for role in entry.get("roles") or ():
        try:
            roles.append((_iso(role.get("from")) or "0000-01-01", _iso(role.get("to")) or "9999-12-31", role))
        except (ValueError, AttributeError):
            continue
    roles.sort(key=lambda r: r[0])
    open_roles = [r for r in roles if r[2].get("to") in (None, "")]
    if len(open_roles) > 1:
        problems.append(Problem(file, where, f"{len(open_roles)} open-ended roles (to: null); at most one can still be held", "warning"))
    for a, b in zip(roles, roles[1:]):
        if b[0] < a[1] and a[2].get("code") != b[2].get("code"):
            problems.append(
                Problem(file, where,
                        f"roles overlap: {a[2].get('office') or a[2].get('code')} ({a[0]}..{a[1]}) and "
                        f"{b[2].get('office') or b[2].get('code')} (from {b[0]}) give different codes on the same days; "
                        "the earlier one wins", "warning")
            )


_BRACKETS = re.compile(r"\s*\([^)]*\)")


def load_offices(extra_dirs: Iterable[str | Path] = ()) -> tuple[re.Pattern, re.Pattern | None]:
    """The exclusive-office patterns of `data/offices.yaml` (and the user's), and the shared ones."""
    exclusive, shared = [], []
    for d in _dirs(extra_dirs):
        path = d / "offices.yaml"
        if path.exists():
            data = _read_yaml(path) or {}
            exclusive += [str(p) for p in data.get("exclusive") or ()]
            shared += [str(p) for p in data.get("shared") or ()]
    never = r"(?!x)x"
    return (re.compile("|".join(f"(?:{p})" for p in exclusive) or never, re.I),
            re.compile("|".join(f"(?:{p})" for p in shared)) if shared else None)


def _office_slot(role: dict, patterns) -> tuple[str, str] | None:
    """(office, country) of a role in an exclusive office, else None."""
    exclusive, shared = patterns
    office = _BRACKETS.sub("", str(role.get("office") or "")).strip()
    if not office or not exclusive.fullmatch(office) or (shared and shared.fullmatch(office)):
        return None
    return office.lower(), str(role.get("code", ""))[:3]


def _collect_terms(entry: dict, where: str, file: str, offices, terms: dict) -> None:
    for role in entry.get("roles") or ():
        if not isinstance(role, dict):
            continue
        slot = _office_slot(role, offices)
        try:
            start, end = _iso(role.get("from")), _iso(role.get("to"))
        except ValueError:
            continue  # reported by _check_actor_entry
        if slot and start:
            terms.setdefault(slot, []).append((start, end or "9999-12-31", file, where, str(entry.get("name")), role))


def _check_exclusive_offices(terms: dict, problems: list[Problem]) -> None:
    """Two holders of one exclusive office at once: the earlier term must end (or a date is wrong)."""
    for (office, country), held in terms.items():
        held.sort(key=lambda t: (t[0], t[1]))
        latest = None  # the earlier term that ends last
        for term in held:
            start, end, file, where, name, role = term
            if latest is not None and start < latest[1] and latest[4] != name:
                p_start, p_end, p_file, p_where, p_name, p_role = latest
                is_open = p_role.get("to") in (None, "")
                term_text = f"from {p_start}, open-ended (to: null)" if is_open else f"{p_start}..{p_end}"
                problems.append(Problem(
                    p_file, p_where,
                    f"office {p_role.get('office')!r} ({country}) {term_text} overlaps {file} {where}, who holds it "
                    f"from {start}; an exclusive office (data/offices.yaml) has one holder at a time: "
                    f"set `to: {start}` on this role, or correct the later 'from'"))
            if latest is None or end > latest[1]:
                latest = term


def _collect_person_names(entry: dict, where: str, file: str, names: dict) -> None:
    spans = []
    for role in entry.get("roles") or ():
        try:
            spans.append((_iso(role.get("from")) or "0000-01-01", _iso(role.get("to")) or "9999-12-31"))
        except (ValueError, AttributeError):
            continue  # reported by _check_actor_entry
    for name in {n for forms in _lang_map(entry.get("aliases")).values() for n in forms}:
        names.setdefault(name, []).append((file, where, str(entry.get("name")), spans))


def _check_shared_person_names(names: dict, problems: list[Problem]) -> None:
    """People may share a name ("Bush") only where their roles never overlap: the coder takes the
    one in office on the event's date, which must be a single person."""
    for name, owners in names.items():
        for i, (file, where, person, spans) in enumerate(owners):
            for o_file, o_where, other, o_spans in owners[i + 1:]:
                if person == other:
                    continue
                clash = next(((a, b) for a in spans for b in o_spans if a[0] < b[1] and b[0] < a[1]), None)
                if clash:
                    problems.append(Problem(
                        o_file, o_where,
                        f"name {name!r} is also {person} ({file} {where}), and their roles overlap "
                        f"({clash[0][0]}..{clash[0][1]} and {clash[1][0]}..{clash[1][1]}); the coder could not tell "
                        "them apart: drop the name from one of them or correct the dates"))


def _check_event_entry(entry: Any, where: str, file: str, ids: dict[str, str], problems: list[Problem]) -> None:
    from .. import cameo

    def err(msg: str, level: str = "error") -> None:
        problems.append(Problem(file, where, msg, level))

    if not isinstance(entry, dict):
        err("an event rule must be a mapping with id, code and at least one of verb/word/passive/noun")
        return
    unknown = set(entry) - EVENT_KEYS
    if unknown:
        err(f"unknown field(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(EVENT_KEYS))}")
    rid = entry.get("id")
    if not rid:
        err("missing id (e.g. id.190.serang)")
    elif rid in ids:
        err(f"duplicate id {rid!r}, also in {ids[rid]}")
    else:
        ids[rid] = f"{file} {where}"
    code = entry.get("code")
    if isinstance(code, int):
        err(f"code {code} must be a quoted string so leading zeros survive: code: \"{code:03d}\"")
    elif not code or not CAMEO_CODE.match(str(code)):
        err(f"code {code!r} is not a CAMEO code (2-4 digits as a string)")
    elif not cameo.is_valid(str(code)):
        err(f"code {code!r} is not in the CAMEO table (warta/data/cameo.tsv)")
    if not any(entry.get(k) for k in ("verb", "word", "passive", "noun")):
        err("no trigger: give at least one of verb, word, passive, noun")
    for k in ("verb", "word", "passive", "noun", "with", "without"):
        v = entry.get(k)
        if v is not None and not (isinstance(v, list) and all(isinstance(x, str) and x.strip() for x in v)):
            err(f"{k} must be a list of non-empty strings")
    if entry.get("target") not in (None, "none", "author", "own", "with"):
        err("target may only be 'none' (no target), 'author' (the author of what the act is about: "
            "\"investigated crimes by the police\") or 'own' (with no target found, the source's own "
            "country: \"lifted the state of emergency\") or 'with' (the actor the `with` words name: "
            "\"released the opposition leader\")")
    if entry.get("source") not in (None, "speaker"):
        err("source may only be 'speaker' (the source is who reports the clause: \"X said Y must ...\")")
    tog = entry.get("together")
    if tog is not None and (not isinstance(tog, str) or not cameo.is_valid(tog)):
        err(f"together {tog!r} must be a quoted CAMEO code, e.g. together: \"062\"")
    neg = entry.get("negated")
    if neg is not None and (not isinstance(neg, str) or not cameo.is_valid(neg)):
        err(f"negated {neg!r} must be a quoted CAMEO code, e.g. negated: \"120\"")
    bod = entry.get("bodies")
    if bod is not None and (not isinstance(bod, str) or not cameo.is_valid(bod)):
        err(f"bodies {bod!r} must be a quoted CAMEO code, e.g. bodies: \"166\"")
    rev = entry.get("reverse")
    if rev is not None and (not isinstance(rev, str) or not cameo.is_valid(rev)):
        err(f"reverse {rev!r} must be a quoted CAMEO code, e.g. reverse: \"043\"")


def _list_or_problem(path: Path, problems: list[Problem]) -> list | None:
    """A dictionary file's YAML list, or None after recording why it cannot be read."""
    try:
        data = _read_yaml(path) or []
    except DictionaryError as exc:
        problems.append(Problem(path.name, "-", str(exc)))
        return None
    if not isinstance(data, list):
        problems.append(Problem(path.name, "-", "expected a YAML list of entries"))
        return None
    return data


def check(extra_dirs: Iterable[str | Path] = ()) -> list[Problem]:
    """Validate every dictionary file; return all problems (errors and warnings)."""
    problems: list[Problem] = []
    extra = tuple(str(d) for d in extra_dirs)
    alias_owner: dict[tuple[str, str], tuple[str, str]] = {}
    try:
        offices = load_offices(extra)
    except (DictionaryError, re.error, AttributeError) as exc:
        problems.append(Problem("offices.yaml", "-", f"{exc}; give exclusive: and shared: lists of regular expressions"))
        offices = (re.compile(r"(?!x)x"), None)
    terms: dict[tuple[str, str], list] = {}
    person_names: dict[str, list] = {}
    for path in actor_files(extra):
        data = _list_or_problem(path, problems)
        for i, entry in enumerate(data or ()):
            where = f"entry {i} ({entry.get('name') if isinstance(entry, dict) else '?'})"
            _check_actor_entry(entry, where, path.name, problems)
            if isinstance(entry, dict) and entry.get("kind") == "person":
                # A user's file is named by its path: "people.yaml" alone could be either.
                label = path.name if path.is_relative_to(data_path()) else str(path)
                _collect_terms(entry, where, label, offices, terms)
                _collect_person_names(entry, where, label, person_names)
            if not isinstance(entry, dict) or entry.get("kind") in ("person", "ignore"):
                continue
            for lang, names in _lang_map(entry.get("aliases")).items():
                for name in names:
                    key = (lang, name if name.isupper() else name.lower())
                    code = str(entry.get("code"))
                    if key in alias_owner and alias_owner[key][0] != code:
                        problems.append(Problem(path.name, where,
                                                f"alias {name!r} ({lang}) also means {alias_owner[key][0]} in {alias_owner[key][1]}; "
                                                "the first one loaded wins", "warning"))
                    alias_owner.setdefault(key, (code, path.name))
    _check_exclusive_offices(terms, problems)
    _check_shared_person_names(person_names, problems)
    for lang in languages(extra):
        ids: dict[str, str] = {}
        for path in event_files(lang, extra):
            data = _list_or_problem(path, problems)
            for i, entry in enumerate(data or ()):
                where = f"rule {entry.get('id', i) if isinstance(entry, dict) else i}"
                _check_event_entry(entry, where, f"events/{path.name}", ids, problems)
        for d in _dirs(extra):
            path = d / "agents" / f"{lang}.yaml"
            if not path.exists():
                continue
            for i, entry in enumerate(_list_or_problem(path, problems) or ()):
                if not isinstance(entry, dict) or entry.get("sector") not in SECTORS:
                    problems.append(Problem(f"agents/{path.name}", f"entry {i}",
                                            f"sector {entry.get('sector') if isinstance(entry, dict) else entry!r} "
                                            f"is not a CAMEO sector ({', '.join(sorted(SECTORS))})"))
                elif not entry.get("terms"):
                    problems.append(Problem(f"agents/{path.name}", f"entry {i}", "no terms"))
        try:
            load_grammar(lang, extra)
        except (DictionaryError, re.error) as exc:
            problems.append(Problem(f"lang/{lang}/grammar.yaml", "-", str(exc)))
        from ..annotate.dates import check_date_words
        from .unknown import check_name_words

        problems += [Problem(f"lang/{lang}/dates.yaml", "-", msg) for msg in check_date_words(lang, extra)]
        problems += [Problem(f"lang/{lang}/names.yaml", "-", msg) for msg in check_name_words(lang, extra)]
    from ..geo.gazetteer import check as check_places

    problems += [Problem(f, e, m) for f, e, m in check_places()]
    return problems
