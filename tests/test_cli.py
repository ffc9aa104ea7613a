"""The public CLI, run as a real process (python -m warta ...)."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

import duckdb
import pytest

from conftest import GOLD, SAMPLE
from warta.evaluate.scoring import country_part


def warta(*args, input=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "warta", *map(str, args)], capture_output=True, text=True,
                          input=input, cwd=cwd, timeout=300)


def _matches(ev, spec):
    return (country_part(ev["source"]) == country_part(spec["source"])
            and country_part(ev["target"]) in {country_part(t) for t in spec["target"]}
            and ev["code"][:2] in spec["roots"])


@pytest.fixture(scope="module")
def sample_events():
    r = warta("code", SAMPLE, "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    return [json.loads(line) for line in r.stdout.splitlines()]


def test_sample_article_gives_every_required_event_and_no_false_positive(sample_events):
    gold = json.loads((GOLD / "putin-erdogan-call.events.json").read_text())
    for req in gold["required"]:
        assert any(_matches(e, req) for e in sample_events), f"missing: {req['why']}"
    for e in sample_events:
        ok = any(_matches(e, spec) for spec in gold["required"] + gold["allowed"])
        assert ok, f"false positive: {e['source']}->{e['target']} {e['code']} in {e['text']!r}"


def test_sample_events_carry_their_evidence(sample_events):
    original = SAMPLE.read_text(encoding="utf-8")
    for e in sample_events:
        assert original[e["start"]:e["end"]] == e["text"]
        assert original[e["trigger_start"]:e["trigger_end"]] == e["trigger"]
        if e["source_text"]:
            assert original[e["source_start"]:e["source_end"]] == e["source_text"]
        assert e["rule"] and e["lang"] == "id"
        assert e["code"].isdigit() and e["root"] == e["code"][:2]
    # the comment form is not article text: nothing is coded from it
    assert not any("Tinggalkan" in e["text"] or "Ruas yang wajib" in e["text"] for e in sample_events)
    # the phone call is coded both ways from one sentence
    calls = {(e["source"], e["target"]) for e in sample_events if e["code"] == "041"}
    assert {("RUSGOV", "TURGOV"), ("TURGOV", "RUSGOV")} <= calls


def test_code_formats_and_date(tmp_path):
    r = warta("code", SAMPLE, "--format", "gdelt", "--date", "2023-10-12")
    assert r.returncode == 0, r.stderr
    rows = [line.split("\t") for line in r.stdout.splitlines()]
    assert rows and all(len(row) == 61 for row in rows)
    assert any(row[26] == "041" for row in rows)  # EventCode, leading zero kept
    assert all(row[1] == "20231012" for row in rows)
    r = warta("code", SAMPLE, "--format", "plover")
    assert r.returncode == 0 and all(json.loads(x)["cameo"] for x in r.stdout.splitlines())


def test_stdin_is_read_with_dash():
    text = "Rusia dan Turki\n\nPresiden Rusia Vladimir Putin mengecam serangan Israel terhadap Jalur Gaza.\n"
    r = warta("code", "-", "--format", "jsonl", input=text)
    assert r.returncode == 0, r.stderr
    assert any(json.loads(x)["code"].startswith("11") for x in r.stdout.splitlines())


def test_bad_input_is_one_clear_line_not_a_traceback(tmp_path):
    r = warta("code", tmp_path / "nope.txt")
    assert "Traceback" not in r.stderr and "no such file" in r.stderr.lower()
    r = warta("code", SAMPLE, "--date", "12-10-2023")
    assert r.returncode == 2 and "Traceback" not in r.stderr and "YYYY-MM-DD" in r.stderr
    r = warta("code", SAMPLE, "--format", "xml")
    assert r.returncode == 2 and "--format" in r.stderr
    r = warta("export", "--db", tmp_path / "none.duckdb", "--format", "csv", "--out", tmp_path / "x.csv")
    assert r.returncode == 2 and "no store" in r.stderr


def test_ingest_messy_batch_records_errors_and_codes_the_rest(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (tmp_path / "nav.html").write_text("<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a>"
                                       "<a href='/x'>Berita</a></nav></body></html>")
    (tmp_path / "english.txt").write_text(
        "Weather report\n\nThe weather in London will be rainy tomorrow, with strong winds expected across the "
        "south of the country and temperatures well below the seasonal average for this time of year.\n")
    (tmp_path / "sample.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "fr.txt").write_text(
        "Politique\n\nLe président de la République a rencontré hier les représentants des syndicats pour "
        "discuter de la réforme des retraites et des salaires dans la fonction publique.\n")
    db = tmp_path / "w.duckdb"
    r = warta("ingest", tmp_path, "--db", db)
    assert r.returncode == 0, r.stderr
    con = duckdb.connect(str(db), read_only=True)
    errors = dict(con.execute("SELECT origin, reason FROM errors").fetchall())
    assert any("empty" in v for k, v in errors.items() if k.endswith("empty.txt"))
    assert any("binary" in v.lower() for k, v in errors.items() if k.endswith("binary.txt"))
    assert any(k.endswith("nav.html") for k in errors)
    skipped = dict(con.execute("SELECT origin, status FROM articles WHERE status = 'skipped'").fetchall())
    assert any(k.endswith("fr.txt") for k in skipped)
    n = con.execute("SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id "
                    "WHERE a.origin LIKE '%sample.txt'").fetchone()[0]
    assert n >= 7
    con.close()
    # re-ingesting the same folder replaces, never duplicates
    before = _counts(db)
    assert warta("ingest", tmp_path, "--db", db, "-q").returncode == 0
    assert _counts(db) == before


def _counts(db):
    con = duckdb.connect(str(db), read_only=True)
    out = tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "events", "errors"))
    con.close()
    return out


def test_ingest_jsonl_gz_prints_summary_and_exports(tmp_path):
    src = tmp_path / "c.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "a1", "date": "2017-08-09", "text":
                             "Menteri Luar Negeri Rusia Sergey Lavrov menemui Menteri Luar Negeri RI Retno Marsudi di Jakarta."}) + "\n")
        fh.write("{not json\n")
        fh.write(json.dumps({"id": "a2", "date": "2023-10-12", "text":
                             "Militer Israel menyerang Jalur Gaza pada Kamis malam."}) + "\n")
    db = tmp_path / "w.duckdb"
    r = warta("ingest", src, "--db", db)
    assert r.returncode == 0, r.stderr
    assert "top dyads" in r.stdout and "top event roots" in r.stdout
    for fmt, name in (("gdelt", "e.tsv"), ("plover", "e.jsonl"), ("parquet", "e.parquet"), ("csv", "e.csv")):
        r = warta("export", "--db", db, "--format", fmt, "--out", tmp_path / name)
        assert r.returncode == 0, r.stderr
        assert (tmp_path / name).stat().st_size > 0
    con = duckdb.connect()
    codes = {row[0] for row in con.execute(f"SELECT code FROM '{tmp_path / 'e.parquet'}'").fetchall()}
    assert "190" in codes


def test_every_command_has_help():
    for cmd in ("code", "ingest", "export", "eval", "summary", "dict", "explain"):
        r = warta(cmd, "--help")
        assert r.returncode == 0 and len(r.stdout) > 100, cmd


def test_dict_check_passes_on_packaged_dictionaries_and_catches_breakage(tmp_path):
    assert warta("dict", "check").returncode == 0
    bad = tmp_path / "mine"
    (bad / "events").mkdir(parents=True)
    (bad / "events" / "id.yaml").write_text('- {id: my.rule, code: 999, word: [menyerbu]}\n')
    r = warta("dict", "check", "--dict", bad)
    assert r.returncode == 1
    assert "my.rule" in r.stdout and "999" in r.stdout


def test_explain_says_what_fired_and_why():
    r = warta("explain", "Militer Israel menyerang Jalur Gaza. Cuaca cerah hari ini.", "--date", "2023-10-12")
    assert r.returncode == 0, r.stderr
    first, second = r.stdout.strip().splitlines()[:2]
    assert "ISRMIL->PSE 190" in first and "id.190" in first
    assert "no event pattern matched" in second
