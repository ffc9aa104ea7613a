"""Checks on the people dictionary (src/warta/data/actors/people.yaml).

The file is loaded with yaml.safe_load only, so these tests do not depend on the coder.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

PEOPLE_YAML = (
    Path(__file__).resolve().parents[1] / "src" / "warta" / "data" / "actors" / "people.yaml"
)
CODE_RE = re.compile(r"^[A-Z]{3}([A-Z]{3})*$|^IGO[A-Z]{2,12}$")  # IGO codes follow the gold sets (IGOAFRAU)
ISO_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FAR_FUTURE = dt.date(9999, 12, 31)


def _to_date(value) -> dt.date | None:
    """YAML gives dates as datetime.date; accept ISO strings too."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and ISO_RE.match(value):
        return dt.date.fromisoformat(value)
    raise ValueError(f"not an ISO date: {value!r}")


@pytest.fixture(scope="module")
def people() -> list[dict]:
    data = yaml.safe_load(PEOPLE_YAML.read_text(encoding="utf-8"))
    assert isinstance(data, list) and data, "people.yaml must be a non-empty YAML list"
    return data


@pytest.fixture(scope="module")
def by_alias(people) -> dict[str, list[dict]]:
    index: dict[str, list[dict]] = defaultdict(list)
    for person in people:
        for alias in person["aliases"]["any"]:
            index[alias].append(person)
    return index


def find(people: list[dict], name: str) -> dict:
    hits = [p for p in people if p["name"] == name or name in p["aliases"]["any"]]
    assert len(hits) == 1, f"expected one person for {name!r}, found {[p['name'] for p in hits]}"
    return hits[0]


def role_at(person: dict, date: str | dt.date) -> str | None:
    """Code of the role covering `date` ([from, to) with to=None open); else the nearest
    role's country + ELI, as the coder resolves it; None if the person has no roles."""
    day = _to_date(date)
    roles = person.get("roles") or []
    for role in roles:
        start = _to_date(role["from"])
        end = _to_date(role["to"]) or FAR_FUTURE
        if start <= day < end:
            return role["code"]
    if not roles:
        return None

    def distance(role) -> int:
        start = _to_date(role["from"])
        end = _to_date(role["to"]) or FAR_FUTURE
        return (start - day).days if day < start else (day - end).days

    return min(roles, key=distance)["code"][:3] + "ELI"


# --- structure ----------------------------------------------------------------


def test_every_entry_is_a_well_formed_person(people):
    problems = []
    for i, person in enumerate(people):
        where = f"entry {i} ({person.get('name')!r})"
        if person.get("kind") != "person":
            problems.append(f"{where}: kind must be 'person'")
        if not isinstance(person.get("name"), str) or not person["name"].strip():
            problems.append(f"{where}: missing name")
        aliases = person.get("aliases")
        if not isinstance(aliases, dict) or not aliases.get("any"):
            problems.append(f"{where}: aliases.any must be a non-empty list")
        elif not all(isinstance(a, str) and a.strip() == a and a for a in aliases["any"]):
            problems.append(f"{where}: aliases must be non-empty trimmed strings")
        elif len(set(aliases["any"])) != len(aliases["any"]):
            problems.append(f"{where}: duplicate alias")
        if not isinstance(person.get("roles"), list) or not person["roles"]:
            problems.append(f"{where}: roles must be a non-empty list")
        if "note" in person and not isinstance(person["note"], str):
            problems.append(f"{where}: note must be text")
    assert not problems, "\n".join(problems)


def test_names_are_unique(people):
    seen = set()
    dupes = [p["name"] for p in people if p["name"] in seen or seen.add(p["name"])]
    assert not dupes, dupes


def test_roles_have_valid_codes_and_dates(people):
    problems = []
    for person in people:
        for role in person["roles"]:
            where = f"{person['name']}: {role}"
            if set(role) - {"code", "from", "to", "office"} or not {"code", "from", "to"} <= set(role):
                problems.append(f"{where}: role keys must be code, from, to, office")
                continue
            if not isinstance(role["code"], str) or not CODE_RE.match(role["code"]):
                problems.append(f"{where}: bad code")
            if not isinstance(role.get("office"), str) or not role["office"]:
                problems.append(f"{where}: office must be text")
            try:
                start, end = _to_date(role["from"]), _to_date(role["to"])
            except ValueError as exc:
                problems.append(f"{where}: {exc}")
                continue
            if start is None:
                problems.append(f"{where}: from is required")
            elif end is not None and not start < end:
                problems.append(f"{where}: from must be before to")
    assert not problems, "\n".join(problems)


def test_roles_of_one_person_do_not_overlap(people):
    problems = []
    for person in people:
        spans = sorted(
            (_to_date(r["from"]), _to_date(r["to"]) or FAR_FUTURE) for r in person["roles"]
        )
        for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
            if s2 < e1:
                problems.append(f"{person['name']}: {s1}..{e1} overlaps {s2}..{e2}")
    assert not problems, "\n".join(problems)


def test_no_alias_shared_by_people_in_office_at_the_same_time(by_alias):
    """Two people may share an alias only if no role of one overlaps a role of the other."""
    problems = []
    # compare case-insensitively: stricter than the matcher, which is case-sensitive for people
    folded: dict[str, list[dict]] = defaultdict(list)
    for alias, persons in by_alias.items():
        for p in persons:
            if p not in folded[alias.casefold()]:
                folded[alias.casefold()].append(p)
    for alias, persons in folded.items():
        for i, a in enumerate(persons):
            for b in persons[i + 1 :]:
                for ra in a["roles"]:
                    for rb in b["roles"]:
                        sa, ea = _to_date(ra["from"]), _to_date(ra["to"]) or FAR_FUTURE
                        sb, eb = _to_date(rb["from"]), _to_date(rb["to"]) or FAR_FUTURE
                        if sa < eb and sb < ea:
                            problems.append(f"{alias!r}: {a['name']} and {b['name']}")
    assert not problems, "\n".join(sorted(set(problems)))


def test_common_words_are_not_bare_aliases(by_alias):
    banned = {
        "May", "Rice", "Brown", "Lee", "Kim", "Park", "Moon", "Sun", "Li", "Wang", "Khan",
        "Singh", "Sharif", "Kirchner", "Marcos", "Aoun", "Salam", "Salman",
        "Abdullah", "Johnson", "Hague", "Barak", "Albanese", "Miller", "Smith", "Ivanov",
        # Indonesian words or abbreviations, and names that are also other things in the news
        "Sisi", "Abadi", "Akar", "Prodi", "BBM", "Golani", "Solana", "Bondi", "Tenet",
        "Garland", "Gallant", "Downer",
    }
    assert not banned & set(by_alias)


def test_coverage_is_broad(people):
    assert len(people) >= 300
    countries = {r["code"][:3] for p in people for r in p["roles"]}
    g20 = {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "MEX",
           "RUS", "SAU", "ZAF", "KOR", "TUR", "GBR", "USA"}
    asean = {"BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM", "TLS"}
    mideast = {"ISR", "PSE", "IRN", "SYR", "LBN", "JOR", "EGY", "IRQ", "QAT", "ARE", "YEM",
               "BHR", "KWT", "OMN"}
    assert (g20 | asean | mideast | {"IGO", "PRK", "UKR", "PAK", "AFG", "VEN", "BLR"}) <= countries


# --- spot checks ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "date", "code"),
    [
        ("Putin", "2023-10-10", "RUSGOV"),
        ("Erdogan", "2023-10-10", "TURGOV"),
        ("Erdoğan", "2017-03-22", "TURGOV"),
        ("Joko Widodo", "2017-03-22", "IDNGOV"),
        ("Jokowi", "2025-01-01", "IDNELI"),
        ("Prabowo", "2017-01-01", "IDNOPP"),
        ("Prabowo", "2020-01-01", "IDNGOV"),
        ("Prabowo", "2025-01-01", "IDNGOV"),
        ("Retno Marsudi", "2017-08-09", "IDNGOV"),
        ("Lavrov", "2017-08-09", "RUSGOV"),
        ("Lavrov", "2025-06-01", "RUSGOV"),
        ("Trump", "2017-08-26", "USAGOV"),
        ("Trump", "2025-06-01", "USAGOV"),
        ("Netanyahu", "2017-12-21", "ISRGOV"),
        ("Netanyahu", "2022-01-01", "ISROPP"),
        ("Guterres", "2020-06-01", "IGOUNO"),
        ("Aung San Suu Kyi", "2017-09-07", "MMRGOV"),
        ("Aung San Suu Kyi", "2022-01-01", "MMROPP"),
        ("Min Aung Hlaing", "2017-08-27", "MMRMIL"),
        ("Min Aung Hlaing", "2022-01-01", "MMRGOV"),
        ("Bashar al-Assad", "2017-04-05", "SYRGOV"),
        ("al-Julani", "2020-01-01", "SYRREB"),
        ("Ahmed al-Sharaa", "2025-03-01", "SYRGOV"),
        ("Haniyeh", "2020-01-01", "PSEREB"),
        ("Mahmoud Abbas", "2017-12-09", "PSEGOV"),
        ("Nasrallah", "2017-01-01", "LBNREB"),
        ("Khamenei", "2020-01-01", "IRNGOV"),
        ("Hibatullah Akhundzada", "2020-01-01", "AFGREB"),
        ("Hibatullah Akhundzada", "2022-01-01", "AFGGOV"),
        ("Nguyen Phu Trong", "2017-08-22", "VNMGOV"),
        ("Megawati", "2003-01-01", "IDNGOV"),
        ("SBY", "2010-01-01", "IDNGOV"),
        ("SBY", "2016-01-01", "IDNELI"),
        ("JK", "2017-01-01", "IDNGOV"),
        ("Ma'ruf Amin", "2020-01-01", "IDNGOV"),
        ("Gibran", "2022-01-01", "IDNGOV"),
        ("Anies Baswedan", "2015-06-01", "IDNGOV"),
        ("Anies Baswedan", "2023-06-01", "IDNOPP"),
        ("Sandiaga Uno", "2019-01-01", "IDNOPP"),
        ("Zulkifli Hasan", "2018-02-19", "IDNLEG"),
        ("Fahri Hamzah", "2017-08-25", "IDNLEG"),
        ("Oesman Sapta Odang", "2017-08-22", "IDNLEG"),
        ("Zumi Zola", "2018-01-31", "IDNGOV"),
        ("Gatot Nurmantyo", "2017-10-21", "IDNMIL"),
        ("Moeldoko", "2019-01-01", "IDNGOV"),
        ("Tito Karnavian", "2017-01-01", "IDNCOP"),
        ("Listyo Sigit Prabowo", "2022-01-01", "IDNCOP"),
        ("Firli Bahuri", "2021-01-01", "IDNJUD"),
        ("ST Burhanuddin", "2021-01-01", "IDNJUD"),
        ("Susi Pudjiastuti", "2017-07-11", "IDNGOV"),
        ("Ryamizard Ryacudu", "2017-10-24", "IDNGOV"),
        ("Mattis", "2017-10-24", "USAGOV"),
        ("Tillerson", "2017-08-08", "USAGOV"),
        ("Nikki Haley", "2017-12-21", "USAGOV"),
        ("Kim Darroch", "2017-12-02", "GBRGOV"),
        ("Rycroft", "2017-12-08", "GBRGOV"),
        ("Theresa May", "2017-12-02", "GBRGOV"),
        ("Yoshihide Suga", "2017-08-26", "JPNGOV"),
        ("Faisal Mekdad", "2017-04-05", "SYRGOV"),
        ("Payne", "2017-01-04", "AUSGOV"),
        ("Malcolm Turnbull", "2017-07-08", "AUSGOV"),
        ("Moon Jae-in", "2017-08-08", "KORGOV"),
        ("Kim Jong-un", "2017-11-17", "PRKGOV"),
        ("Duterte", "2017-12-20", "PHLGOV"),
        ("Macron", "2017-09-12", "FRAGOV"),
        ("Salman bin Abdulaziz Al Saud", "2017-10-04", "SAUGOV"),
        ("MBS", "2023-01-01", "SAUGOV"),
        ("Zelensky", "2023-01-01", "UKRGOV"),
        ("Marcos Jr.", "2023-01-01", "PHLGOV"),
    ],
)
def test_role_at(people, name, date, code):
    assert role_at(find(people, name), date) == code


def test_trump_out_of_office_between_terms(people):
    assert role_at(find(people, "Trump"), "2022-01-01") != "USAGOV"


def test_role_at_helper_semantics():
    person = {
        "roles": [
            {"code": "AAAGOV", "from": dt.date(2000, 1, 1), "to": dt.date(2001, 1, 1)},
            {"code": "AAAOPP", "from": dt.date(2005, 1, 1), "to": None},
        ]
    }
    assert role_at(person, "2000-06-01") == "AAAGOV"
    assert role_at(person, "2001-01-01") == "AAAELI"  # `to` is exclusive
    assert role_at(person, "1990-01-01") == "AAAELI"
    assert role_at(person, "2030-01-01") == "AAAOPP"  # null = still in office
