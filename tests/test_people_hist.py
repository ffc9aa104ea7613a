"""Historical political actors (1975-2005) resolve by the event's date, through the public API,
and people who share a name are told apart by who held office on that date."""

from __future__ import annotations

import pytest

from warta.api import code_text
from warta.coding.dictionaries import check


def sources(text: str, date: str) -> set[str]:
    return {e.source for e in code_text(text, lang="en", date=date)}


@pytest.mark.parametrize(
    "text, date, source",
    [
        ("Milosevic accused Croatia of aggression.", "1995-06-01", "SRBGOV"),  # President of Serbia
        ("Sharon criticized the government of Israel.", "1995-06-01", "ISROPP"),  # Likud, in opposition
        ("Sharon criticized the government of Egypt.", "2003-06-01", "ISRGOV"),  # Prime Minister
        ("Gorbachev met Thatcher in London.", "1989-04-06", "RUSGOV"),  # the Soviet Union is coded RUS
        ("Karadzic rejected the peace plan.", "1993-05-06", "BIHREB"),  # wartime Bosnian Serb leader
        ("Savimbi accused the government of Angola of violating the truce.", "1993-01-10", "AGOREB"),
        ("Arafat met Mubarak in Cairo.", "1988-06-01", "PSEGOV"),  # PLO chairman before the PA existed
    ],
)
def test_historical_people_resolve_by_date(text, date, source):
    assert source in sources(text, date)


def test_same_person_changes_code_with_the_date():
    # Sharon: Likud opposition member of the Knesset in 1995, Prime Minister in 2003.
    assert sources("Sharon criticized the government of Egypt.", "1995-06-01") == {"ISROPP"}
    assert sources("Sharon criticized the government of Egypt.", "2003-06-01") == {"ISRGOV"}


@pytest.mark.parametrize(
    "date, source",
    [
        ("1976-06-01", "USASPY"),  # George H. W. Bush, Director of Central Intelligence
        ("1990-06-01", "USAGOV"),  # George H. W. Bush, President
        ("2003-06-01", "USAGOV"),  # George W. Bush, President
    ],
)
def test_a_shared_name_means_whoever_held_office_that_day(date, source):
    assert sources("Bush criticized the government of Cuba.", date) == {source}


def test_shared_name_across_countries():
    # "Herzog": Chaim Herzog (Israel, 1983-1993), Roman Herzog (Germany, 1994-1999), Isaac Herzog.
    assert sources("Herzog criticized the government of Iran.", "1990-06-01") == {"ISRGOV"}
    assert sources("Herzog criticized the government of Iran.", "1996-06-01") == {"DEUGOV"}
    assert sources("Herzog criticized the government of Iran.", "2023-06-01") == {"ISRGOV"}


def test_a_name_shared_by_people_in_office_together_is_an_error(tmp_path):
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "people.yaml").write_text("""
- kind: person
  name: Test Namesake
  aliases: {any: [Test Namesake, Milosevic]}
  roles:
  - {code: SRBLEG, from: 1996-01-01, to: 1998-01-01, office: Member of the Assembly}
""", encoding="utf-8")
    found = [str(p) for p in check([tmp_path]) if p.level == "error" and "'Milosevic'" in p.message]
    assert len(found) == 1 and "Slobodan Milosevic" in found[0] and "entry 0 (Test Namesake)" in found[0], found
    assert "1996-01-01..1998-01-01" in found[0]
