"""Places: the gazetteer, place mentions and event locations, through the real pipeline."""

from __future__ import annotations

import json
import math
from pathlib import Path

import duckdb
import pytest

from warta.evaluate.places import distance_km, evaluate_places
from warta.export import GDELT_COLUMNS, gdelt_row, plover_record
from warta.geo import get_gazetteer
from warta.geo.gazetteer import check as check_places
from warta.pipeline import process
from warta.records import Article, EVENT_FIELDS
from warta.store import Store

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def sample_events(resources, sample_path):
    art = Article(id="sample", text=sample_path.read_text(encoding="utf-8"), lang="id")
    return process(art, resources).events


def _places(resources, text: str, lang: str = "id"):
    from dataclasses import replace

    result = process(Article(id="t", text=text, lang=lang), replace(resources, all_places=True))
    return {m.text: m.place for m in result.places}, result.events


def test_sample_israel_gaza_event_in_gaza_strip(sample_events):
    ev = next(e for e in sample_events if e.source == "ISRMIL" and e.target.startswith("PSE"))
    assert ev.geo_source == "sentence"
    assert ev.geo_country == "PSE" and ev.geo_type == 1
    assert distance_km(ev.geo_lat, ev.geo_lon, 31.4, 34.4) < 50


def test_sample_phone_call_has_no_invented_place(sample_events):
    calls = [e for e in sample_events if e.code.startswith("04") and {e.source, e.target} == {"RUSGOV", "TURGOV"}]
    assert calls
    for e in calls:
        # "percakapan telepon untuk membahas situasi ... di Israel dan Jalur Gaza": Gaza is the topic.
        assert e.geo_source == "none"
        assert e.geo_type == 0 and e.geo_lat is None and e.geo_name == ""


def test_sample_statement_falls_back_to_its_actor(sample_events):
    ev = next(e for e in sample_events if e.source == "RUSGOV" and e.code == "0256")
    assert ev.geo_source == "actor" and ev.geo_country == "RUS" and ev.geo_type == 1


def test_place_accuracy_on_indonesian_test_set():
    rep = evaluate_places(DATA / "places_id.jsonl")
    assert rep.total >= 60
    print(f"place accuracy {rep.correct}/{rep.total} = {rep.accuracy:.3f}")
    assert rep.accuracy >= 0.90, rep.wrong


def test_padang_the_word_is_no_place(resources):
    found, _ = _places(resources, "Sapi merumput di padang rumput. Warga berangkat dari Padang ke Bukittinggi.")
    assert "padang" not in found
    assert found["Padang"].name == "Kota Padang"


def test_georgia_by_context(resources):
    found, _ = _places(resources, "Tank Rusia memasuki Georgia.")
    assert found["Georgia"].country == "GEO" and found["Georgia"].type == 1
    found, _ = _places(resources, "Gubernur Georgia di Amerika Serikat berbicara di Atlanta.")
    assert found["Georgia"].country == "USA" and found["Georgia"].type == 2


def test_foreign_homonym_without_context_is_left_out(resources):
    # "Sari" is a city in Iran and a common Indonesian name: nothing in the text points to Iran.
    found, _ = _places(resources, "Sari mengatakan harga beras naik.")
    assert found.get("Sari") is None


def test_lower_case_prefix_and_exonyms(resources):
    found, _ = _places(resources, "Banjir melanda kabupaten Sleman. Delegasi tiba di Moskwa dan Yerusalem.")
    assert found["kabupaten Sleman"].name == "Kabupaten Sleman"
    assert found["Moskwa"].country == "RUS" and found["Yerusalem"].country == "ISR"


def test_place_in_sentence_with_locative(resources):
    _, events = _places(resources, "Polisi menangkap tiga tersangka teroris di Kabupaten Poso.", "id")
    assert events
    ev = events[0]
    assert ev.geo_source == "sentence" and ev.geo_adm1 == "ID21"
    assert "Poso" in ev.geo_name and ev.geo_type == 4


def test_english_place_in_sentence(resources):
    _, events = _places(resources, "Israeli troops raided a refugee camp in the West Bank on Monday.", "en")
    ev = next(e for e in events if e.source.startswith("ISR"))
    assert ev.geo_source == "sentence" and ev.geo_name == "West Bank" and ev.geo_adm1 == "WE"


def test_gdelt_action_geo_columns(sample_events):
    ev = next(e for e in sample_events if e.source == "ISRMIL")
    row = dict(zip(GDELT_COLUMNS, gdelt_row(ev)))
    assert row["ActionGeo_Type"] == "1"
    assert row["ActionGeo_FullName"] == "Gaza Strip"
    assert row["ActionGeo_CountryCode"] == "GZ"
    assert math.isclose(float(row["ActionGeo_Lat"]), ev.geo_lat, abs_tol=1e-4)
    assert math.isclose(float(row["ActionGeo_Long"]), ev.geo_lon, abs_tol=1e-4)
    assert row["ActionGeo_FeatureID"]
    call = next(e for e in sample_events if e.code.startswith("04"))
    crow = dict(zip(GDELT_COLUMNS, gdelt_row(call)))
    assert all(crow[c] == "" for c in GDELT_COLUMNS if c.startswith("ActionGeo_"))
    assert plover_record(ev)["location"]["country"] == "PSE"
    assert plover_record(call)["location"] is None


def test_store_keeps_locations_and_migrates_old_stores(tmp_path, resources, sample_path):
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))  # a store written before events had places
    old = [f for f in EVENT_FIELDS if not f.startswith("geo_")]
    con.execute("CREATE TABLE events (" + ", ".join(f'"{f}" VARCHAR' for f in old) + ")")
    con.close()
    art = Article(id="sample", text=sample_path.read_text(encoding="utf-8"), lang="id")
    with Store(db) as store:
        store.write([process(art, resources)])
        rows = store.events("WHERE source = 'ISRMIL'")
    assert rows and rows[0]["geo_source"] == "sentence"
    assert distance_km(rows[0]["geo_lat"], rows[0]["geo_lon"], 31.4, 34.4) < 50


def test_place_files_are_valid_and_errors_are_found(tmp_path):
    assert check_places() == []
    bad = tmp_path / "curated.yaml"
    bad.write_text("places:\n  - {id: 'cur:x', kind: moon, type: 9, name: X, lat: 100, lon: 0, names: {xx: [X]}}\n"
                   "aliases:\n  - {place: 'gn:0', names: {id: [Nowhere]}}\n", encoding="utf-8")
    problems = check_places(curated=bad)
    text = " | ".join(m for _, _, m in problems)
    assert "kind 'moon'" in text and "type '9'" in text and "out of range" in text
    assert "language 'xx'" in text and "place must be an id" in text


def test_gazetteer_has_indonesian_admin_areas():
    gz = get_gazetteer()
    provinces = [p for p in gz.places.values() if p.kind == "adm1" and p.country == "IDN"]
    regencies = [p for p in gz.places.values() if p.kind == "adm2"]
    assert len(provinces) == 38 and len(regencies) == 514
    assert all(p.adm1.startswith("ID") and len(p.adm1) == 4 for p in provinces)


def test_cli_eval_places(tmp_path):
    from typer.testing import CliRunner

    from warta.cli import app

    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "a", "text": "Banjir melanda Kota Bandung.", "mention": "Kota Bandung",
                                "expect": {"country": "IDN", "lat": -6.92, "lon": 107.61, "kind": "adm2"}}) + "\n",
                    encoding="utf-8")
    res = CliRunner().invoke(app, ["eval-places", str(gold)])
    assert res.exit_code == 0, res.output
    assert "1/1 place mentions resolved correctly" in res.output
