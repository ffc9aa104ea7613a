"""GDELT 2.0, PLOVER JSON Lines and Parquet/CSV export."""

from __future__ import annotations

import csv
import io
import json

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from warta.export import (
    GDELT_COLUMNS,
    gdelt_row,
    plover_record,
    write_gdelt,
    write_plover,
    write_table,
)
from warta.records import EVENT_FIELDS, Event

EXPECTED_COLUMNS = [
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]


def make_event(**kw) -> Event:
    text = "Putin dan Erdogan mengadakan percakapan telepon."
    base = dict(
        article_id="id-dev-0007",
        sentence=0,
        text=text,
        start=0,
        end=len(text),
        source="RUSGOV",
        source_text="Putin",
        target="TURGOV",
        target_text="Erdogan",
        code="041",
        root="04",
        plover="CONSULT",
        quad_class=1,
        goldstein=1.0,
        date="2017-03-22",
        lang="id",
        rule="id.consult.telepon",
        trigger="percakapan telepon",
    )
    base.update(kw)
    return Event(**base)


@pytest.fixture
def events() -> list[Event]:
    return [
        make_event(),
        make_event(
            sentence=2,
            text="Rusia menyerukan gencatan senjata segera di Gaza — kata Kremlin.",
            source="RUSGOV",
            source_text="Rusia",
            target="",
            target_text="",
            code="0256",
            root="02",
            plover="",
            quad_class=1,
            goldstein=-0.3,
            rule="id.appeal.gencatan",
        ),
        make_event(
            article_id="en-0001",
            sentence=1,
            text="The UN condemned the strikes.",
            source="IGOUNO",
            source_text="the UN",
            target="ISRMIL",
            target_text="Israeli army",
            code="111",
            root="11",
            plover="ACCUSE",
            quad_class=3,
            goldstein=-2.0,
            date="2024-12-31",
            lang="en",
            rule="en.disapprove.condemn",
        ),
    ]


def col(row: list[str], name: str) -> str:
    return row[GDELT_COLUMNS.index(name)]


# --- GDELT ----------------------------------------------------------------------------------


def test_gdelt_columns_exact():
    assert len(GDELT_COLUMNS) == 61
    assert list(GDELT_COLUMNS) == EXPECTED_COLUMNS
    assert len(set(GDELT_COLUMNS)) == 61


def test_gdelt_row_mapping(events):
    row = gdelt_row(events[0], url="https://example.org/a", dateadded="20170322120000")
    assert len(row) == 61 and all(isinstance(v, str) for v in row)
    assert col(row, "Day") == "20170322"
    assert col(row, "MonthYear") == "201703"
    assert col(row, "Year") == "2017"
    assert col(row, "FractionDate") == f"{2017 + 81 / 365:.4f}" == "2017.2219"
    assert col(row, "Actor1Code") == "RUSGOV"
    assert col(row, "Actor1Name") == "PUTIN"
    assert col(row, "Actor1CountryCode") == "RUS"
    assert col(row, "Actor1KnownGroupCode") == ""
    assert col(row, "Actor1Type1Code") == "GOV"
    assert col(row, "Actor2Code") == "TURGOV"
    assert col(row, "Actor2Name") == "ERDOGAN"
    assert col(row, "Actor2CountryCode") == "TUR"
    assert col(row, "IsRootEvent") == "1"
    assert col(row, "EventCode") == "041"
    assert col(row, "EventBaseCode") == "041"
    assert col(row, "EventRootCode") == "04"
    assert col(row, "QuadClass") == "1"
    assert col(row, "GoldsteinScale") == "1.0"
    assert [col(row, c) for c in ("NumMentions", "NumSources", "NumArticles")] == ["1", "1", "1"]
    assert col(row, "DATEADDED") == "20170322120000"
    assert col(row, "SOURCEURL") == "https://example.org/a"


def test_gdelt_row_four_digit_code_and_empty_target(events):
    row = gdelt_row(events[1])
    assert col(row, "EventCode") == "0256"
    assert col(row, "EventBaseCode") == "025"
    assert col(row, "EventRootCode") == "02"
    assert col(row, "GoldsteinScale") == "-0.3"
    assert col(row, "IsRootEvent") == "0"
    for name in GDELT_COLUMNS[15:25]:  # the 10 Actor2 columns
        assert row[GDELT_COLUMNS.index(name)] == "", name


def test_gdelt_row_igo_actor(events):
    row = gdelt_row(events[2])
    assert col(row, "Actor1Code") == "IGOUNO"
    assert col(row, "Actor1Name") == "THE UN"
    assert col(row, "Actor1CountryCode") == ""
    assert col(row, "Actor1KnownGroupCode") == "UNO"
    assert col(row, "Actor1Type1Code") == "IGO"
    assert col(row, "Actor2CountryCode") == "ISR"
    assert col(row, "Actor2Type1Code") == "MIL"
    assert col(row, "FractionDate") == f"{2024 + 366 / 365:.4f}"  # day of year over 365
    assert col(row, "QuadClass") == "3"


def test_gdelt_row_unfilled_columns_empty(events):
    row = gdelt_row(events[0])
    unfilled = ["Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
                "Actor1Type2Code", "Actor1Type3Code", "AvgTone", "DATEADDED", "SOURCEURL"]
    unfilled += [c for c in GDELT_COLUMNS if "Geo_" in c]
    for name in unfilled:
        assert col(row, name) == "", name


def test_gdelt_global_id(events):
    e = events[0]
    row = gdelt_row(e)
    assert int(col(row, "GlobalEventID")) == int(e.event_id, 16) % 2**63
    assert 0 <= int(col(row, "GlobalEventID")) < 2**63
    assert gdelt_row(e) == row  # pure
    assert col(gdelt_row(e, global_id=42), "GlobalEventID") == "42"
    odd = make_event(event_id="not-hex!")
    assert 0 <= int(col(gdelt_row(odd), "GlobalEventID")) < 2**63


def test_gdelt_no_date(events):
    row = gdelt_row(make_event(date=None, date_source="none"))
    assert [col(row, c) for c in ("Day", "MonthYear", "Year", "FractionDate")] == ["", "", "", ""]


def test_write_gdelt_round_trip(tmp_path, events):
    out = tmp_path / "events.gdelt.tsv"
    n = write_gdelt(events, out, urls={"id-dev-0007": "https://example.org/a"})
    assert n == 3
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) == 3  # no header
    assert all(len(r) == 61 for r in rows)
    urls = {"id-dev-0007": "https://example.org/a"}
    assert rows == [gdelt_row(e, url=urls.get(e.article_id, "")) for e in events]
    assert [col(r, "EventCode") for r in rows] == ["041", "0256", "111"]
    assert col(rows[2], "SOURCEURL") == ""


def test_write_gdelt_header_and_text_file(events):
    buf = io.StringIO()
    write_gdelt(events, buf, header=True)
    lines = buf.getvalue().splitlines()
    assert lines[0].split("\t") == EXPECTED_COLUMNS
    assert len(lines) == 4
    reader = csv.DictReader(io.StringIO(buf.getvalue()), delimiter="\t", quoting=csv.QUOTE_NONE)
    assert [r["EventRootCode"] for r in reader] == ["04", "02", "11"]


# --- PLOVER ---------------------------------------------------------------------------------

PLOVER_KEYS = {"id", "date", "event_type", "mode", "context", "actor1", "actor1_text", "actor2",
               "actor2_text", "cameo", "goldstein", "quad_class", "source_text", "article_id",
               "sentence", "rule", "lang", "location"}


def test_plover_record(events):
    rec = plover_record(events[0])
    assert set(rec) == PLOVER_KEYS
    assert rec["event_type"] == "CONSULT"
    assert rec["mode"] == "phone"
    assert rec["cameo"] == "041"
    assert rec["actor1"] == "RUSGOV" and rec["actor2"] == "TURGOV"
    assert rec["source_text"] == events[0].text
    assert rec["id"] == events[0].event_id


def test_write_plover_jsonl(tmp_path, events):
    out = tmp_path / "events.jsonl"
    assert write_plover(events, out) == 3
    raw = out.read_text(encoding="utf-8")
    assert "—" in raw  # ensure_ascii=False
    recs = [json.loads(line) for line in raw.splitlines()]
    assert len(recs) == 3
    for rec in recs:
        assert set(rec) == PLOVER_KEYS
    assert recs[1]["cameo"] == "0256" and recs[1]["actor2"] == ""
    assert recs[2]["event_type"] == "ACCUSE" and recs[2]["mode"] == "disapprove"


# --- Parquet / CSV --------------------------------------------------------------------------


def test_parquet_keeps_codes_as_strings(tmp_path, events):
    out = tmp_path / "events.parquet"
    assert write_table(events, out, "parquet") == 3
    table = pq.read_table(out)
    assert table.column_names == list(EVENT_FIELDS)
    assert table.schema.field("code").type == pa.string()
    assert table.schema.field("root").type == pa.string()
    assert table.column("code").to_pylist() == ["041", "0256", "111"]
    assert table.column("root").to_pylist() == ["04", "02", "11"]
    assert table.column("sentence").to_pylist() == [0, 2, 1]
    assert table.column("goldstein").to_pylist() == [1.0, -0.3, -2.0]


def test_parquet_from_dicts(tmp_path):
    rows = [{"cameo": "0256", "goldstein": -0.3}, {"cameo": "190", "goldstein": -10.0, "x": "a"}]
    out = tmp_path / "rows.parquet"
    write_table(rows, out)  # format from the suffix
    table = pq.read_table(out)
    assert table.column_names == ["cameo", "goldstein", "x"]
    assert table.column("cameo").to_pylist() == ["0256", "190"]
    assert table.schema.field("cameo").type == pa.string()


def test_csv_keeps_codes_as_strings(tmp_path, events):
    out = tmp_path / "events.csv"
    assert write_table(events, out, "csv") == 3
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(EVENT_FIELDS)
    assert [r["code"] for r in rows] == ["041", "0256", "111"]
    assert rows[1]["target"] == ""
    types = {"code": pa.string(), "root": pa.string()}
    table = pacsv.read_csv(out, convert_options=pacsv.ConvertOptions(column_types=types))
    assert table.column("code").to_pylist() == ["041", "0256", "111"]


def test_write_table_bad_format(tmp_path, events):
    with pytest.raises(ValueError):
        write_table(events, tmp_path / "events.xlsx")
    with pytest.raises(ValueError):
        write_table(events, tmp_path / "events.out", "feather")
