"""The DuckDB store: schema, idempotent re-ingest, errors table."""

import duckdb

from warta.records import Article, ErrorRow, Event, Result
from warta.store import Store


def _event(article_id, sentence=0, code="190"):
    return Event(article_id=article_id, sentence=sentence, text="t", start=0, end=1, source="ISRMIL",
                 source_text="militer Israel", target="PSE", target_text="Gaza", code=code, root=code[:2],
                 plover="ASSAULT", quad_class=4, goldstein=-10.0, date="2023-10-12", lang="id", rule="r")


def _result(aid, n_events=2):
    return Result(article=Article(id=aid, text="x", lang="id"),
                  events=[_event(aid, i) for i in range(n_events)], n_sentences=n_events)


def test_write_and_reingest_replaces_never_duplicates(tmp_path):
    db = tmp_path / "w.duckdb"
    with Store(db) as s:
        s.write([_result("a"), _result("b", 1)])
        s.write([_result("a", 1)])  # re-ingest a: one event now
        rows = s.con.execute("SELECT article_id, count(*) FROM events GROUP BY 1 ORDER BY 1").fetchall()
        assert rows == [("a", 1), ("b", 1)]
        assert s.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT code FROM events LIMIT 1").fetchone()[0] == "190"
    con.close()


def test_errors_are_rows_with_stage_and_reason(tmp_path):
    with Store(tmp_path / "w.duckdb") as s:
        bad = Result(article=Article(id="c", text=""), status="error",
                     error=ErrorRow("c", "clean", "article has no text", "c.txt"))
        s.write([bad, ErrorRow("path:x", "ingest", "empty file", "x.txt")])
        errs = s.con.execute("SELECT article_id, stage, reason FROM errors ORDER BY 1").fetchall()
        assert errs == [("c", "clean", "article has no text"), ("path:x", "ingest", "empty file")]
        summary = s.summary()
        assert summary["failed"] == 2 and summary["events"] == 0


def test_codes_keep_leading_zeros(tmp_path):
    with Store(tmp_path / "w.duckdb") as s:
        r = _result("a", 0)
        r.events = [_event("a", 0, "0256"), _event("a", 1, "041")]
        s.write([r])
        assert sorted(x[0] for x in s.con.execute("SELECT code FROM events").fetchall()) == ["0256", "041"]
