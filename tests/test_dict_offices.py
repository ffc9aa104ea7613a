"""`warta dict check` on people's terms: exclusive offices (data/offices.yaml) have one holder at a
time, an open term ends where a successor's starts, every role says when it ends."""

from __future__ import annotations

import subprocess
import sys

from warta.coding.dictionaries import check, load_actors


# A second President of Indonesia during Joko Widodo's term.
USURPER = """
- kind: person
  name: Test Usurper
  aliases: {any: [Test Usurper]}
  roles:
  - {code: IDNGOV, from: 2016-01-01, to: 2017-01-01, office: President of Indonesia}
"""

# A President of Russia from 2030, while Putin's term is open-ended.
SUCCESSOR = """
- kind: person
  name: Test Successor
  aliases: {any: [Test Successor]}
  roles:
  - {code: RUSGOV, from: 2030-05-07, to: null, office: President of Russia}
"""


def people_dir(tmp_path, body: str):
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "people.yaml").write_text(body, encoding="utf-8")
    return tmp_path


def errors(tmp_path) -> list[str]:
    return [str(p) for p in check([tmp_path]) if p.level == "error"]


def test_packaged_people_have_no_overlapping_office_holders():
    assert not [p for p in check() if "exclusive office" in p.message or "'to' key" in p.message]


def test_two_presidents_at_once_are_caught_with_file_entry_and_fix(tmp_path):
    people_dir(tmp_path, USURPER)
    found = [e for e in errors(tmp_path) if "President of Indonesia" in e]
    assert len(found) == 1, found
    msg = found[0]
    # Named: the packaged holder's entry (Joko Widodo), the other file and entry, and the fix.
    assert msg.startswith("error: people.yaml: entry ") and "(Joko Widodo)" in msg
    assert "2014-10-20..2024-10-20" in msg and "entry 0 (Test Usurper)" in msg
    assert "one holder at a time" in msg and "set `to: 2016-01-01`" in msg


def test_open_term_that_should_have_ended(tmp_path):
    people_dir(tmp_path, SUCCESSOR)
    found = [e for e in errors(tmp_path) if "President of Russia" in e]
    assert len(found) == 1 and "(Vladimir Putin)" in found[0], found
    assert "open-ended (to: null)" in found[0] and "set `to: 2030-05-07`" in found[0]


def test_handover_on_the_same_day_and_shared_titles_are_fine(tmp_path):
    people_dir(tmp_path, SUCCESSOR + """- kind: person
  name: Test Predecessor
  aliases: {any: [Test Predecessor]}
  roles:
  - {code: RUSGOV, from: 2029-01-01, to: 2030-05-07, office: Deputy Prime Minister of Russia}
  - {code: IDNLEG, from: 2029-01-01, to: null, office: Member of the DPR}
""")
    # Only Putin's open term clashes; a deputy title and a seat in parliament are shared offices.
    assert [e for e in errors(tmp_path) if "office" in e and "Putin" not in e] == []


def test_missing_to_and_reversed_dates(tmp_path):
    people_dir(tmp_path, """
- kind: person
  name: Test Minister
  aliases: {any: [Test Minister]}
  roles:
  - {code: IDNGOV, from: 2020-01-01, office: Test Office}
  - {code: IDNGOV, from: 2019-01-01, to: 2018-01-01, office: Other Office}
""")
    errs = errors(tmp_path)
    assert any("entry 0 (Test Minister)" in e and "no 'to' key" in e and "`to: null`" in e for e in errs), errs
    assert any("'to' 2018-01-01 is not after 'from' 2019-01-01" in e for e in errs), errs


def test_same_name_different_codes_at_different_dates():
    prabowo = next(a for a in load_actors() if a.name == "Prabowo Subianto")
    assert prabowo.code_at("2015-06-01") == "IDNOPP"  # Gerindra leader in opposition
    assert prabowo.code_at("2020-06-01") == "IDNGOV"  # defence minister
    jokowi = next(a for a in load_actors() if a.name == "Joko Widodo")
    assert [jokowi.code_at(d) for d in ("2024-10-19", "2024-10-20")] == ["IDNGOV", "IDNELI"]
    # The people the coding guide names, as it codes them.
    codes = {a.name: a.code_at("2025-06-01") for a in load_actors()}
    assert (codes["Vladimir Putin"], codes["Recep Tayyip Erdogan"]) == ("RUSGOV", "TURGOV")


def test_dict_check_cli_exits_1_and_names_the_problem(tmp_path):
    people_dir(tmp_path, USURPER)
    run = subprocess.run([sys.executable, "-m", "warta", "dict", "check", "--dict", str(tmp_path)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1 and f"overlaps {tmp_path / 'actors' / 'people.yaml'} entry 0 (Test Usurper)" in run.stdout
