"""`warta actors unknown`: names a corpus uses that no dictionary knows, read from a real DuckDB
store written by `warta ingest` (tests/data/unknown-corpus.jsonl: made-up people and bodies)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warta import api
from warta.cli import app

CORPUS = Path(__file__).parent / "data" / "unknown-corpus.jsonl"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("unknown") / "w.duckdb"
    report = api.ingest([CORPUS], db=path)
    assert report.coded == 8
    return path


def test_lists_unknown_people_and_organisations_first(db):
    found = api.unknown_actors(db, top=10)
    names = [c.name for c in found]
    assert names[:4] == ["Darmawan Sukirno", "Partai Rakyat Bersatu", "LKSN", "Wulan Prasetyaningsih"]
    by_name = {c.name: c for c in found}
    assert by_name["Partai Rakyat Bersatu"].kind == "organisation"
    assert by_name["LKSN"].kind == "organisation"  # defined as "Lembaga Kajian Strategis Nusantara (LKSN)"
    assert by_name["Wulan Prasetyaningsih"].kind == "person"  # "Direktur LKSN Wulan ..."
    d = by_name["Darmawan Sukirno"]
    assert d.count >= 5 and d.articles == 4 and len(d.examples) == 2
    assert all("Darmawan" in s for s in d.examples)


def test_known_names_places_outlets_and_ordinary_words_are_left_out(db):
    names = {c.name.lower() for c in api.unknown_actors(db, top=50, all_articles=True, min_articles=1)}
    for word in ("joko widodo", "presiden", "israel", "gaza", "polisi", "pbb",  # dictionaries know them
                 "sleman", "kabupaten sleman",  # a place ("di Sleman")
                 "kompas.com", "liputan6.com", "cnn indonesia",  # outlets and bylines
                 "namun", "selain", "senin", "maret", "januari", "selasa", "ketua", "direktur"):  # ordinary words
        assert word not in names, word


def test_only_articles_with_events_unless_asked(db):
    # The sports articles have no event: their coach appears only with --all-articles.
    assert "Ronny Halim" not in {c.name for c in api.unknown_actors(db, top=50)}
    assert "Ronny Halim" in {c.name for c in api.unknown_actors(db, top=50, all_articles=True)}


def test_new_dictionary_entry_removes_the_name(db, tmp_path):
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "parties.yaml").write_text(
        "- {code: IDNOPP, kind: group, name: Partai Rakyat Bersatu, aliases: {id: [Partai Rakyat Bersatu]}}\n",
        encoding="utf-8")
    names = [c.name for c in api.unknown_actors(db, top=10, dict_dirs=[str(tmp_path)])]
    assert "Partai Rakyat Bersatu" not in names and "Darmawan Sukirno" in names


def test_cli_table_and_json(db, tmp_path):
    runner = CliRunner()
    res = runner.invoke(app, ["actors", "unknown", "--db", str(db), "--top", "3", "--json"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert [r["name"] for r in rows] == ["Darmawan Sukirno", "Partai Rakyat Bersatu", "LKSN"]
    assert set(rows[0]) == {"name", "kind", "count", "articles", "examples", "hint"}
    table = runner.invoke(app, ["actors", "unknown", "--db", str(db), "--top", "2"])
    assert table.exit_code == 0 and "Darmawan Sukirno" in table.output and "LKSN" not in table.output


def test_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="run `warta ingest"):
        api.unknown_actors(tmp_path / "none.duckdb")
