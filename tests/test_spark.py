"""The Spark engine in local mode (a real SparkSession, Java 17): the same tables as the local engine
on the same input, Parquet output that `warta` commands query. One session for the module."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

import duckdb
import pytest

from conftest import DATA, ROOT
from test_scale import syndicated

pytest.importorskip("pyspark")

import warta  # noqa: E402
from warta.store import Store  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    from warta.spark.job import session

    s = session("local[2]")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """Messy JSONL (bad lines, no ids, odd dates), a syndicated story, demo articles and a text file."""
    tmp = tmp_path_factory.mktemp("spark-in")
    with gzip.open(ROOT / "examples" / "demo-corpus.jsonl.gz", "rt", encoding="utf-8") as fh:
        demo = [line for line, _ in zip(fh, range(30))]
    corpus = tmp / "corpus.jsonl"
    corpus.write_text((DATA / "articles.jsonl").read_text(encoding="utf-8") + syndicated(tmp).read_text()
                      + "".join(demo), encoding="utf-8")
    return [str(corpus.resolve()), str((DATA / "putin-erdogan-call.txt").resolve())]


def _tables(db):
    with Store(db, read_only=True) as s:
        con = s.con
        return {
            "events": con.execute("SELECT * FROM events ORDER BY ALL").fetchall(),
            "articles": con.execute("SELECT id, title, date, url, lang, origin, status, n_sentences, n_events, text, "
                                    "outlet, duplicate_of FROM articles ORDER BY id").fetchall(),
            "errors": con.execute("SELECT article_id, stage, kind, reason, origin FROM errors ORDER BY ALL").fetchall(),
        }


@pytest.fixture(scope="module")
def both(spark, inputs, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("spark-out")
    warta.ingest(inputs, db=tmp / "local.duckdb", workers=1)
    out = warta.api.spark(inputs, tmp / "tables", session=spark)
    return tmp / "local.duckdb", out


def test_spark_and_local_engines_give_the_same_tables(both):
    local, parquet = both
    a, b = _tables(local), _tables(parquet)
    assert a["events"] and len(a["events"]) == len(b["events"])
    assert a["events"] == b["events"]
    assert a["articles"] == b["articles"]
    assert a["errors"] == b["errors"]


def test_parquet_tables_have_the_store_schema(both):
    local, parquet = both
    with Store(local, read_only=True) as s, Store(parquet, read_only=True) as p:
        for table in ("articles", "events", "errors"):
            assert (s.con.execute(f"DESCRIBE {table}").fetchall() == p.con.execute(f"DESCRIBE {table}").fetchall())


def test_warta_commands_query_the_parquet_output(both, tmp_path):
    _, parquet = both
    r = subprocess.run([sys.executable, "-m", "warta", "summary", "--db", str(parquet)], capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "ISRMIL" in r.stdout
    out = tmp_path / "events.tsv"
    n = warta.export(parquet, "gdelt", out)
    from warta.export import GDELT_COLUMNS

    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"))) for line in out.read_text().splitlines()]
    assert len(rows) == n
    story = [r for r in rows if r["SOURCEURL"] == "https://antaranews.example/antara-1"]
    assert [(r["NumMentions"], r["NumSources"], r["NumArticles"]) for r in story] == [("3", "3", "3")]
    with pytest.raises(warta.store.StoreError, match="Parquet"):
        Store(parquet)  # not writable


def test_spark_reads_parquet_input_like_jsonl(spark, both, inputs, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    _, from_jsonl = both
    recs = []
    for line in open(inputs[0], encoding="utf-8"):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(obj, dict) and isinstance(obj.get("text"), str):
            recs.append({k: None if obj.get(k) is None else str(obj[k])
                         for k in ("id", "text", "title", "date", "url", "lang", "source")})
    pq.write_table(pa.Table.from_pylist(recs), tmp_path / "corpus.parquet")
    out = warta.api.spark([str(tmp_path / "corpus.parquet")], tmp_path / "tables", session=spark)
    with Store(out, read_only=True) as p, Store(from_jsonl, read_only=True) as j:
        q = "SELECT * EXCLUDE (article_id, event_id) FROM events WHERE article_id NOT LIKE 'sha1:%' ORDER BY ALL"
        assert p.con.execute(q).fetchall() == j.con.execute(q).fetchall()


def test_spark_connect_gives_the_same_tables(both, inputs, tmp_path):
    """Spark Connect, not only the classic API: `--remote local[2]` starts a Connect server and the
    job reaches it over gRPC (DataFrame plans, mapInArrow; an RDD call would fail there). Its own
    process, since one process cannot hold a classic session and a Connect one."""
    local, _ = both
    out = tmp_path / "connect"
    run = subprocess.run([sys.executable, "-m", "warta", "spark", *inputs, "--out", str(out),
                          "--remote", "local[2]", "-q"], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    a, b = _tables(local), _tables(out)
    assert a["events"] and a["events"] == b["events"]
    assert a["articles"] == b["articles"]
    assert a["errors"] == b["errors"]
