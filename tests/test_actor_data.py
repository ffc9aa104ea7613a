"""The actor and agent dictionaries (src/warta/data/actors, agents) against docs/dictionaries.md.

These tests read the YAML files directly (yaml.safe_load), independent of the loader, so a broken
file is reported here with the file and entry that is wrong.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "warta" / "data"
ACTOR_FILES = ["countries.yaml", "metonyms.yaml", "igos.yaml", "groups.yaml", "idn_state.yaml", "companies.yaml",
               "idn_civil.yaml"]
AGENT_LANGS = ["id", "en"]
LANGS = ("id", "en")

CODE = re.compile(r"^[A-Z]{3}([A-Z]{3})*$|^IGO[A-Z]{2,12}$")  # IGO codes follow the gold sets (IGOAFRAU)
KINDS = {"country", "metonym", "igo", "ngo", "group", "state", "person"}
SECTORS = set("GOV MIL COP JUD LEG OPP REB CVL BUS MED EDU REL LAB REF HLH ELI SPY ENV NGO PTY".split())  # NGO: a domestic non-governmental organisation (IDNNGO); PTY: a political party (RWAPTY)
ISO3 = {c.alpha_3 for c in pycountry.countries}
COUNTRY_PREFIXES = ISO3 | {"XKX"}
NON_STATE_PREFIXES = {"IGO", "NGO", "IMG"}
ENTRY_KEYS = {"formerly", "code", "kind", "name", "aliases", "demonyms", "capitals", "roles", "note"}

# The 193 UN member states (ISO alpha-3), as of 2011 (South Sudan).
UN_MEMBERS = set("""
AFG AGO ALB AND ARE ARG ARM ATG AUS AUT AZE BDI BEL BEN BFA BGD BGR BHR BHS BIH BLR BLZ BOL BRA BRB
BRN BTN BWA CAF CAN CHE CHL CHN CIV CMR COD COG COL COM CPV CRI CUB CYP CZE DEU DJI DMA DNK DOM DZA
ECU EGY ERI ESP EST ETH FIN FJI FRA FSM GAB GBR GEO GHA GIN GMB GNB GNQ GRC GRD GTM GUY HND HRV HTI
HUN IDN IND IRL IRN IRQ ISL ISR ITA JAM JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA
LIE LKA LSO LTU LUX LVA MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MOZ MRT MUS MWI MYS NAM
NER NGA NIC NLD NOR NPL NRU NZL OMN PAK PAN PER PHL PLW PNG POL PRK PRT PRY QAT ROU RUS RWA SAU SDN
SEN SGP SLB SLE SLV SMR SOM SRB SSD STP SUR SVK SVN SWE SWZ SYC SYR TCD TGO THA TJK TKM TLS TON TTO
TUN TUR TUV TZA UGA UKR URY USA UZB VCT VEN VNM VUT WSM YEM ZAF ZMB ZWE
""".split())
# Members with no demonym of their own: "Dominican" is the Dominican Republic's, "Congolese" the DRC's.
NO_DEMONYM = {"DMA", "COG"}


def _load(path: Path):
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def actors() -> dict[str, list[dict]]:
    out = {}
    for name in ACTOR_FILES:
        data = _load(DATA / "actors" / name)
        assert isinstance(data, list) and data, f"actors/{name}: expected a non-empty YAML list"
        out[name] = data
    return out


@pytest.fixture(scope="module")
def countries(actors) -> dict[str, dict]:
    return {e["code"]: e for e in actors["countries.yaml"]}


def _lang_forms(entry: dict, field: str) -> dict[str, list[str]]:
    """{lang: [forms]} for id and en, with `any` forms counted in both."""
    value = entry.get(field) or {}
    return {lang: list(value.get(lang) or []) + list(value.get("any") or []) for lang in LANGS}


def _code_of(actors, lang: str, alias: str) -> set[str]:
    codes = set()
    for entries in actors.values():
        for e in entries:
            for field in ("aliases", "capitals"):
                if alias in _lang_forms(e, field)[lang]:
                    codes.add(e["code"])
    return codes


# ------------------------------------------------------------------------------------- schema


@pytest.mark.parametrize("name", ACTOR_FILES)
def test_actor_entries_have_required_fields(actors, name):
    problems = []
    for i, e in enumerate(actors[name]):
        where = f"{name} entry {i} ({e.get('name') if isinstance(e, dict) else e!r})"
        if not isinstance(e, dict):
            problems.append(f"{where}: not a mapping")
            continue
        unknown = set(e) - ENTRY_KEYS
        if unknown:
            problems.append(f"{where}: unknown fields {sorted(unknown)}")
        if e.get("kind") not in KINDS:
            problems.append(f"{where}: kind {e.get('kind')!r}")
        if e.get("kind") == "person":
            problems.append(f"{where}: people belong in people.yaml")
        if not isinstance(e.get("name"), str) or not e["name"].strip():
            problems.append(f"{where}: missing name")
        code = e.get("code")
        if not isinstance(code, str) or not CODE.match(code):
            problems.append(f"{where}: code {code!r} is not CCC + 3-letter parts")
        aliases = e.get("aliases")
        if not isinstance(aliases, dict) or not aliases:
            problems.append(f"{where}: aliases must be a non-empty map of language -> list")
            continue
        for field in ("aliases", "demonyms", "capitals"):
            value = e.get(field)
            if value is None:
                continue
            if not isinstance(value, dict):
                problems.append(f"{where}: {field} must be a map of language -> list")
                continue
            for lang, forms in value.items():
                if lang not in (*LANGS, "any"):
                    problems.append(f"{where}: {field} has unknown language {lang!r}")
                if not isinstance(forms, list) or not forms:
                    problems.append(f"{where}: {field}.{lang} must be a non-empty list")
                    continue
                for form in forms:
                    if not isinstance(form, str) or form != form.strip() or not form:
                        problems.append(f"{where}: {field}.{lang} has a bad form {form!r}")
                    elif len(form) <= 2 and not form.isupper():
                        problems.append(f"{where}: {field}.{lang}: short lower-case alias {form!r}")
        if "demonyms" in e and set(e["demonyms"]) - {"en"}:
            problems.append(f"{where}: demonyms are English only ({sorted(e['demonyms'])})")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", ACTOR_FILES)
def test_codes_have_a_known_country_or_organisation(actors, name):
    bad = []
    for e in actors[name]:
        code = e["code"]
        prefix, sector = code[:3], code[3:6]
        if e["kind"] == "country":
            if code not in COUNTRY_PREFIXES:
                bad.append(f"{e['name']}: {code} is not an ISO alpha-3 code (or XKX)")
        elif prefix in NON_STATE_PREFIXES:
            if e["kind"] in ("metonym", "state"):
                bad.append(f"{e['name']}: {code}: a state body cannot be {prefix}")
        elif prefix not in COUNTRY_PREFIXES:
            bad.append(f"{e['name']}: {code}: {prefix} is not an ISO alpha-3 code, XKX, IGO, NGO or IMG")
        elif not sector and e["kind"] in ("metonym", "group"):
            pass  # a place or people standing for its country (Rakhine, Rohingya -> MMR, as Gaza -> PSE)
        elif not sector or sector not in SECTORS:
            bad.append(f"{e['name']}: {code}: sector {sector!r} is not a CAMEO sector")
    assert not bad, "\n".join(bad)


def test_countries_file_holds_only_countries(actors):
    kinds = {e["kind"] for e in actors["countries.yaml"]}
    assert kinds == {"country"}
    codes = [e["code"] for e in actors["countries.yaml"]]
    assert len(codes) == len(set(codes)), "a country appears twice"
    for name in ACTOR_FILES[1:]:
        assert all(e["kind"] != "country" for e in actors[name]), f"{name} holds a country record"


def test_no_alias_means_two_codes(actors):
    """Within one language, a surface form (alias, capital or demonym) gives one code.

    Forms are compared case-insensitively, as they are matched; a form written in capitals only
    (an acronym: AS, PBB, TNI) matches only in capitals and is compared exactly.
    """
    owners: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for fname, entries in actors.items():
        for e in entries:
            for field in ("aliases", "capitals", "demonyms"):
                for lang, forms in _lang_forms(e, field).items():
                    for form in forms:
                        key = (lang, form if form.isupper() else form.casefold())
                        owners[key][e["code"]].add(f"{fname}:{e['name']}:{field}")
    # An all-capitals acronym and a mixed-case form that folds to it also collide: the mixed-case
    # one matches the acronym's text too.
    for (lang, form), codes in list(owners.items()):
        if form.isupper() and (lang, form.casefold()) in owners:
            for code, where in owners[(lang, form.casefold())].items():
                owners[(lang, form)][code] |= where
    clashes = [f"{lang} {form!r}: " + "; ".join(f"{c} ({', '.join(sorted(w))})" for c, w in codes.items())
               for (lang, form), codes in sorted(owners.items()) if len(codes) > 1]
    assert not clashes, "\n".join(clashes)


# ------------------------------------------------------------------------------------ countries


def test_every_un_member_has_indonesian_and_english_names(countries):
    assert len(UN_MEMBERS) == 193
    assert UN_MEMBERS <= ISO3
    missing = sorted(UN_MEMBERS - set(countries))
    assert not missing, f"UN members without an entry: {missing}"
    for code in UN_MEMBERS:
        aliases = _lang_forms(countries[code], "aliases")
        assert aliases["id"] and aliases["en"], f"{code}: needs id and en aliases"


def test_every_un_member_has_a_demonym(countries):
    missing = sorted(c for c in UN_MEMBERS - NO_DEMONYM if not (countries[c].get("demonyms") or {}).get("en"))
    assert not missing, f"UN members without an English demonym: {missing}"


def test_non_members_kept(countries):
    for code in ("TWN", "PSE", "XKX"):
        assert code in countries, code


def test_no_jakarta_and_no_one_letter_aliases(countries):
    for e in countries.values():
        for field in ("aliases", "capitals"):
            for lang, forms in _lang_forms(e, field).items():
                if e["code"] != "IDN":  # Jakarta is Indonesia's capital; the coder skips datelines
                    assert "jakarta" not in {f.casefold() for f in forms}, f"{e['code']}: Jakarta in {field}"
                for form in forms:
                    assert len(form) > 2 or form.isupper(), f"{e['code']}: alias {form!r}"


def test_countries_yaml_is_up_to_date():
    """countries.yaml is what scripts/build_countries.py generates from the overrides."""
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_countries.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# ----------------------------------------------------------------------------------- facts


@pytest.mark.parametrize("lang, alias, code", [
    ("id", "Rusia", "RUS"),
    ("id", "Turki", "TUR"),
    ("id", "AS", "USA"),
    ("id", "Korut", "PRK"),
    ("id", "Jalur Gaza", "PSE"),
    ("id", "Tiongkok", "CHN"),
    ("id", "Kremlin", "RUSGOV"),
    ("id", "Hamas", "PSEREB"),
    ("id", "PBB", "IGOUNO"),
    ("id", "ASEAN", "IGOSEAASN"),
    ("id", "TNI", "IDNMIL"),
    ("id", "Polri", "IDNCOP"),
    ("id", "KPK", "IDNJUD"),
    ("id", "DPR", "IDNLEG"),
    ("en", "Gaza Strip", "PSE"),
    ("en", "US", "USA"),
    ("en", "Kremlin", "RUSGOV"),
    ("en", "White House", "USAGOV"),
    ("id", "Gedung Putih", "USAGOV"),
    ("en", "Pentagon", "USAMIL"),
    ("id", "Istana", "IDNGOV"),
    ("en", "United Nations", "IGOUNO"),
    ("en", "European Union", "IGOEUREEC"),
    ("en", "NATO", "IGOWSTNAT"),
    ("en", "Amnesty International", "NGOHRI"),
    ("en", "Red Cross", "NGOHLH"),
    ("en", "Hezbollah", "LBNREB"),
    ("id", "OPM", "IDNREB"),
    ("id", "Washington", "USA"),
    ("id", "Beijing", "CHN"),
    ("id", "Moskow", "RUS"),
])
def test_known_facts(actors, lang, alias, code):
    assert _code_of(actors, lang, alias) == {code}


def test_demonyms(countries):
    for code, dem in [("RUS", "Russian"), ("ISR", "Israeli"), ("PSE", "Palestinian"), ("TUR", "Turkish"),
                      ("USA", "American"), ("GBR", "British"), ("CHN", "Chinese"), ("PRK", "North Korean"),
                      ("IDN", "Indonesian")]:
        assert dem in countries[code]["demonyms"]["en"], (code, dem)


def test_capitals_have_both_languages(countries):
    assert countries["RUS"]["capitals"]["id"][:2] == ["Moskow", "Moskwa"]
    assert "Moscow" in countries["RUS"]["capitals"]["en"]
    assert countries["IDN"]["capitals"]["id"] == ["Jakarta"]


# ------------------------------------------------------------------------------------- agents


@pytest.mark.parametrize("lang", AGENT_LANGS)
def test_agents(lang):
    data = _load(DATA / "agents" / f"{lang}.yaml")
    assert isinstance(data, list) and data
    seen: dict[str, str] = {}
    problems = []
    for i, entry in enumerate(data):
        if not isinstance(entry, dict) or set(entry) - {"sector", "terms", "country", "only", "note"}:
            problems.append(f"entry {i}: must be a mapping of sector, terms (optional country, only, note)")
            continue
        sector = entry.get("sector")
        if sector not in SECTORS:
            problems.append(f"entry {i}: sector {sector!r}")
        terms = entry.get("terms")
        if not isinstance(terms, list) or not terms:
            problems.append(f"entry {i} ({sector}): no terms")
            continue
        for term in terms:
            if not isinstance(term, str) or not term.strip() or term != term.strip():
                problems.append(f"{sector}: bad term {term!r}")
                continue
            key = term if term.isupper() else term.casefold()
            if key in seen:
                problems.append(f"{term!r} is in {seen[key]} and {sector}")
            seen[key] = sector
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang, term, sector", [
    ("id", "presiden", "GOV"), ("id", "militer", "MIL"), ("id", "polisi", "COP"), ("id", "hakim", "JUD"),
    ("id", "parlemen", "LEG"), ("id", "oposisi", "OPP"), ("id", "pemberontak", "REB"), ("id", "warga", "CVL"),
    ("id", "mahasiswa", "EDU"), ("id", "buruh", "LAB"), ("id", "wartawan", "MED"), ("id", "ulama", "REL"),
    ("id", "pengungsi", "REF"), ("id", "dokter", "HLH"), ("id", "intelijen", "SPY"),
    ("id", "mantan presiden", "ELI"),
    ("en", "president", "GOV"), ("en", "troops", "MIL"), ("en", "police", "COP"), ("en", "court", "JUD"),
    ("en", "lawmakers", "LEG"), ("en", "opposition", "OPP"), ("en", "militants", "REB"),
    ("en", "civilians", "CVL"), ("en", "students", "EDU"), ("en", "workers", "LAB"),
    ("en", "companies", "BUS"), ("en", "journalists", "MED"), ("en", "clerics", "REL"),
    ("en", "refugees", "REF"), ("en", "doctors", "HLH"), ("en", "spies", "SPY"),
])
def test_agent_facts(lang, term, sector):
    data = _load(DATA / "agents" / f"{lang}.yaml")
    assert [e["sector"] for e in data if term in e["terms"]] == [sector]
