"""Dictionary loading and validation (warta dict check), on small user folders."""

import pytest

from warta.coding.dictionaries import Actor, Role, check


def test_unquoted_yaml_booleans_in_grammar_are_reported(tmp_path):
    (tmp_path / "lang" / "xx").mkdir(parents=True)
    (tmp_path / "lang" / "xx" / "grammar.yaml").write_text("language: xx\nnegations: [not, no]\n")
    problems = [str(p) for p in check([tmp_path])]
    assert any("quote them" in p and "negations" in p for p in problems)


def test_event_rule_errors_name_the_rule_and_the_fix(tmp_path):
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "id.yaml").write_text(
        "- {id: mine.1, code: 41, word: [menelepon]}\n- {id: mine.2, code: \"9999\", word: [x]}\n- {id: mine.3, code: \"190\"}\n")
    problems = [str(p) for p in check([tmp_path]) if p.level == "error"]
    assert any("mine.1" in p and 'code: "041"' in p for p in problems)
    assert any("mine.2" in p and "not in the CAMEO table" in p for p in problems)
    assert any("mine.3" in p and "no trigger" in p for p in problems)


def test_person_code_at_date_and_out_of_office():
    a = Actor(key="k", code="", kind="person", name="X", aliases={"any": ("X",)},
              roles=(Role("IDNGOV", "2014-10-20", "2024-10-20", "President"),))
    assert a.code_at("2017-01-01") == "IDNGOV"
    assert a.code_at("2025-01-01") == "IDNELI"
    assert a.code_at(None) == "IDNGOV"


def test_a_broken_user_dictionary_stops_coding_with_its_error(tmp_path):
    # A dictionary error is no bad article: recorded per article it would fail every one (and an
    # evaluation would silently score zero), so it is raised with the file and line.
    from warta.api import code_text
    from warta.coding.dictionaries import DictionaryError
    from warta.pipeline import Resources

    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "en.yaml").write_text("- id: x.bad\n  code: \"190\"\n  note: a: b\n")
    with pytest.raises(DictionaryError, match=r"en\.yaml"):
        code_text("Israel attacked Gaza.", lang="en", resources=Resources(extra_dirs=(str(tmp_path),)))


def test_a_country_formed_later_has_its_earlier_code_before_the_date():
    a = Actor(key="k", code="SSD", kind="country", name="South Sudan", aliases={"any": ("South Sudan",)},
              formerly=(Role("SDN", None, "2011-07-09", ""),))
    assert a.code_at("2000-01-01") == "SDN"
    assert a.code_at("2011-07-09") == "SSD"
    assert a.code_at(None) == "SSD"


def test_formerly_errors_are_reported(tmp_path):
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "mine.yaml").write_text(
        "- {code: SSD, kind: country, name: South Sudan, aliases: {en: [South Sudan]}, formerly: [{code: SDN}]}\n"
        "- {code: IGOXYZ, kind: igo, name: Body, aliases: {en: [Body]}, formerly: [{code: IGO, to: 2001-01-01}]}\n")
    problems = [str(p) for p in check([tmp_path]) if p.level == "error"]
    assert any("no 'to' date" in p for p in problems)
    assert any("only a country" in p for p in problems)
