"""Issue 5, local engine at scale: parallel workers, resumable ingest (killed with SIGKILL and
rerun), near-duplicates stored as mentions. Real processes, real DuckDB files."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

import warta
from conftest import ROOT

DEMO = ROOT / "examples" / "demo-corpus.jsonl.gz"

STORY = ("Militer Israel melancarkan serangan udara ke Jalur Gaza pada Senin dini hari. "
         "Warga di sejumlah permukiman mengatakan ledakan terdengar berulang kali sejak tengah malam hingga "
         "menjelang subuh. Petugas kesehatan setempat menyebut puluhan orang dibawa ke rumah sakit terdekat untuk "
         "mendapatkan perawatan. Sejumlah bangunan tempat tinggal dan sebuah sekolah dilaporkan rusak parah akibat "
         "ledakan tersebut. Listrik padam di sebagian besar wilayah utara dan air bersih semakin sulit didapat oleh "
         "warga. Para pengungsi memadati tempat penampungan sementara yang kini kekurangan makanan, selimut dan "
         "obat-obatan. Pengamat menilai situasi di kawasan itu kemungkinan belum akan mereda dalam beberapa hari "
         "ke depan.")


def syndicated(tmp_path):
    """The same story from three outlets, each with its own title, dateline and page furniture."""
    copies = [
        ("antara-1", "antaranews", "Israel serang Gaza", "JAKARTA (ANTARA) - " + STORY + "\nBaca juga: Harga beras naik"),
        ("kompas-7", "kompas", "Serangan udara Israel hantam Gaza", STORY + "\nEditor: Rina"),
        ("detik-3", "detik", "Gaza diserang lagi", "Jakarta - " + STORY + "\n(nwk/nwy)"),
    ]
    path = tmp_path / "story.jsonl"
    path.write_text("".join(json.dumps({"id": i, "source": s, "title": t, "text": x, "date": "2023-10-09",
                                        "url": f"https://{s}.example/{i}"}) + "\n" for i, s, t, x in copies))
    return path


def test_syndicated_story_in_three_outlets_is_one_event_with_three_mentions(tmp_path):
    db = tmp_path / "w.duckdb"
    report = warta.ingest([syndicated(tmp_path)], db=db, workers=1)
    assert (report.coded, report.duplicates) == (1, 2)
    con = duckdb.connect(str(db), read_only=True)
    events = con.execute("SELECT article_id, source, target, code FROM events").fetchall()
    dups = con.execute("SELECT id, duplicate_of, outlet FROM articles WHERE status = 'duplicate' ORDER BY id").fetchall()
    con.close()
    assert events == [("antara-1", "ISRMIL", "PSE", "195")]
    assert dups == [("detik-3", "antara-1", "detik"), ("kompas-7", "antara-1", "kompas")]
    out = tmp_path / "events.tsv"
    assert warta.export(db, "gdelt", out) == 1
    from warta.export import GDELT_COLUMNS

    row = dict(zip(GDELT_COLUMNS, out.read_text().rstrip("\n").split("\t")))
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("3", "3", "3")
    assert row["SOURCEURL"] == "https://antaranews.example/antara-1"


def test_dedup_threshold_is_the_users(tmp_path):
    # A threshold above any copy's similarity codes the three copies apart: three events, one mention each.
    db = tmp_path / "w.duckdb"
    report = warta.ingest([syndicated(tmp_path)], db=db, workers=1, dedup_threshold=1.0)
    assert (report.coded, report.duplicates, report.events) == (3, 0, 3)
    # A later run deduplicates against what the store holds: a fourth copy is a mention of the closest.
    fourth = tmp_path / "more.jsonl"
    fourth.write_text(json.dumps({"id": "tempo-9", "source": "tempo", "text": STORY + "\nPenulis: Adi"}) + "\n")
    report = warta.ingest([fourth], db=db, workers=1, dedup_threshold=0.8)
    assert (report.coded, report.duplicates) == (0, 1)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT duplicate_of FROM articles WHERE id = 'tempo-9'").fetchone()[0] in {"antara-1", "kompas-7", "detik-3"}


def test_a_copy_is_looked_for_among_the_last_window_first_seen_articles(tmp_path, monkeypatch, request):
    from warta.config import load_config

    request.addfinalizer(load_config.cache_clear)  # the next test reads its own configuration
    others = tmp_path / "others.jsonl"  # three other stories, stored after the original
    _corpus(others, 3)
    copy = tmp_path / "copy.jsonl"
    copy.write_text(json.dumps({"id": "tempo-9", "source": "tempo", "text": STORY + "\nPenulis: Adi"}) + "\n")
    # the window from the configuration, from the library's argument, from the command line
    for window, found, given in ((3, False, "config"), (3, False, "api"), (3, False, "cli"), (4, True, "api")):
        db = tmp_path / f"w{window}-{given}.duckdb"
        with duckdb.connect(str(db)) as con:  # a store written before the window existed
            con.execute("CREATE TABLE dedup_bands (article_id VARCHAR, key BIGINT)")
            con.execute("CREATE TABLE dedup_signatures (article_id VARCHAR, signature BLOB)")
        first = tmp_path / "first.jsonl"
        first.write_text(syndicated(tmp_path).read_text().splitlines()[0] + "\n")
        warta.ingest([first], db=db, workers=1)
        warta.ingest([others], db=db, workers=1)
        with duckdb.connect(str(db), read_only=True) as con:
            assert con.execute("SELECT article_id, seq FROM dedup_signatures ORDER BY seq").fetchall() == [
                ("antara-1", 1), ("r0", 2), ("r1", 3), ("r2", 4)]
        # the original is the 4th-last first-seen article: a window of 3 no longer sees it
        if given == "config":
            cfg = tmp_path / "window.toml"
            cfg.write_text(f"[dedup]\nwindow = {window}\n")
            monkeypatch.setenv("WARTA_CONFIG", str(cfg))
            load_config.cache_clear()
            warta.ingest([copy], db=db, workers=1)
            monkeypatch.delenv("WARTA_CONFIG")
            load_config.cache_clear()
        elif given == "api":
            warta.ingest([copy], db=db, workers=1, dedup_window=window)
        else:
            subprocess.run([sys.executable, "-m", "warta", "ingest", str(copy), "--db", str(db), "-q",
                            "--dedup-window", str(window)], check=True, capture_output=True)
        with duckdb.connect(str(db), read_only=True) as con:
            status, of = con.execute("SELECT status, duplicate_of FROM articles WHERE id = 'tempo-9'").fetchone()
        assert (status, of) == (("duplicate", "antara-1") if found else ("coded", None)), given


def test_minhash_signatures_are_datasketchs_bit_for_bit():
    # warta computes datasketch's MinHash itself (no SciPy in the writer): stored signatures and
    # band keys must be the values datasketch gives, so stores written before stay valid.
    import numpy as np
    from datasketch import MinHash

    from warta.dedup.minhash import SHINGLE, Signer, _WORD

    with gzip.open(DEMO, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()][:40]
    texts += [STORY, "", "satu dua", "Ünïcödé — teks"]
    signer, seed = Signer(), MinHash(num_perm=64)
    for text in texts:
        words = _WORD.findall(text.lower())
        m = seed.copy()
        m.update_batch([" ".join(words[i:i + SHINGLE]).encode("utf-8")
                        for i in range(max(1, len(words) - SHINGLE + 1))])
        ours = signer.signature(text)
        assert ours.dtype == np.uint32 and ours.tolist() == m.hashvalues.astype(np.uint32).tolist()


def _corpus(path, n):
    """n distinct articles built from the demo corpus (each joins two of its texts, with a new id),
    every tenth one also copied under another id and outlet as a syndicated duplicate."""
    with gzip.open(DEMO, "rt", encoding="utf-8") as fh:
        base = [json.loads(line) for line in fh if line.strip()]
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            a, b = base[i % len(base)], base[(i * 7 + i // len(base) + 1) % len(base)]
            rec = {"id": f"r{i}", "source": a.get("source", ""), "date": a.get("date"),
                   "title": a.get("title", ""), "text": a["text"] + "\n\n" + b["text"]}
            out.write(json.dumps(rec) + "\n")
            if i % 10 == 9:
                out.write(json.dumps(dict(rec, id=f"r{i}-copy", source="syndicator")) + "\n")
    return path


def _tables(db):
    con = duckdb.connect(str(db), read_only=True)
    events = con.execute("SELECT * FROM events ORDER BY ALL").fetchall()  # events carry no timestamps
    articles = con.execute("SELECT id, status, n_sentences, n_events, outlet, duplicate_of FROM articles "
                           "ORDER BY id").fetchall()
    con.close()
    return events, articles


def test_sigkilled_ingest_rerun_ends_with_the_tables_of_a_clean_run(tmp_path):
    corpus = _corpus(tmp_path / "corpus.jsonl", 600)
    n_items = sum(1 for _ in corpus.open())
    cfg = tmp_path / "warta.toml"
    cfg.write_text("[store]\nbatch = 40\n")
    env = dict(os.environ, WARTA_CONFIG=str(cfg))

    clean = tmp_path / "clean.duckdb"
    report = warta.ingest([corpus], db=clean, workers=1)
    assert report.articles == n_items and report.duplicates >= 60  # the planted copies, and some near ones

    db = tmp_path / "killed.duckdb"
    proc = subprocess.Popen([sys.executable, "-m", "warta", "ingest", str(corpus), "--db", str(db), "-q",
                             "--workers", "2"], env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wal = db.with_name(db.name + ".wal")
    deadline = time.monotonic() + 240
    # Committed batches grow the store's write-ahead log; wait for a few, then kill the whole process group.
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > 500_000:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "ingest ended before it could be killed: " + proc.stderr.read().decode()
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()

    con = duckdb.connect(str(db), read_only=True)
    stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    half_written = con.execute("SELECT count(*) FROM events e ANTI JOIN articles a ON a.id = e.article_id"
                               ).fetchone()[0]
    con.close()
    assert 0 < stored < n_items, stored
    assert half_written == 0  # a batch is one transaction: no event without its article row

    rerun = warta.ingest([corpus], db=db, workers=2)
    assert rerun.already_stored == stored  # nothing is coded twice
    assert rerun.articles == n_items - stored
    assert _tables(db) == _tables(clean)


def test_the_writer_reconnects_to_the_store_without_changing_the_tables(tmp_path, monkeypatch):
    from warta import api
    from warta.store import Store

    corpus = _corpus(tmp_path / "corpus.jsonl", 120)
    once = tmp_path / "once.duckdb"
    warta.ingest([corpus], db=once, workers=1, batch=25)
    reconnects = []
    real = Store.reconnect

    def counted(self):
        real(self)
        reconnects.append(self.con.execute("SELECT current_setting('memory_limit')").fetchone()[0])

    monkeypatch.setattr(api, "RECONNECT_EVERY", 50)
    monkeypatch.setattr(Store, "reconnect", counted)
    again = tmp_path / "again.duckdb"
    report = warta.ingest([corpus], db=again, workers=1, batch=25)
    assert report.duplicates >= 12  # the near-duplicate index reads the signatures written before each reconnection
    assert len(reconnects) == 132 // 50  # 120 articles and 12 copies, in batches of 25
    assert all(limit == reconnects[0] and "MiB" in limit for limit in reconnects)  # the store's memory cap again
    assert _tables(again) == _tables(once)


@pytest.mark.skipif(sys.version_info < (3, 12) or not sys.platform.startswith("linux"),
                    reason="Python warns at a fork with threads from 3.12; workers are forked on Linux only")
def test_forking_beside_duckdbs_threads_gives_no_deprecation_warning(tmp_path):
    import warnings

    corpus = _corpus(tmp_path / "corpus.jsonl", 80)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        seen = []
        real = warta.Resources.preload

        def preload(self, languages=None):  # the fork follows: DuckDB's threads are there now
            seen.append(len(os.listdir("/proc/self/task")))  # threads, DuckDB's included
            real(self, languages)

        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(warta.Resources, "preload", preload)
            warta.ingest([corpus], db=tmp_path / "w.duckdb", workers=2)
    assert seen and seen[0] > 1
    assert not [w for w in caught if "fork" in str(w.message)]


# Forked workers (the default on Linux) and spawned ones (elsewhere, or `[pipeline] start = "spawn"`).
@pytest.mark.parametrize("limit, start", [("articles", "fork"), ("memory", "fork"), ("articles", "spawn")])
def test_worker_pool_is_replaced_every_recycle_articles_without_changing_results(tmp_path, monkeypatch, limit, start):
    from warta import engine
    from warta.ingest import read_inputs
    from warta.pipeline import Resources

    src = tmp_path / "corpus.jsonl"
    _corpus(src, 150)
    alone = [r.events for r in engine.run_local(read_inputs([src]), Resources(), workers=1)]
    resources = Resources()  # nothing loaded yet: a fork pool loads it here first, a spawned worker in itself
    monkeypatch.setattr(engine, "start_method", lambda: start)
    pools = []
    real = engine._one_pool
    if limit == "articles":
        monkeypatch.setattr(engine, "RECYCLE", 40)  # 80 articles per pool of 2 workers
    else:  # every worker is over the limit at once: a pool codes only the 2 chunks of 40 sent before its first result
        monkeypatch.setattr(engine, "WORKER_MEMORY", 1)
        monkeypatch.setattr(engine, "FORKED_WORKER_MEMORY", 1)
        monkeypatch.setattr(engine, "CHUNK", 40)
        monkeypatch.setattr(engine, "IN_FLIGHT", 1)
    monkeypatch.setattr(engine, "_one_pool", lambda *a: pools.append(1) or real(*a))
    pooled = [r.events for r in engine.run_local(read_inputs([src]), resources, workers=2)]
    assert len(pools) == -(-len(alone) // 80) >= 2  # 165 inputs (150 + 15 copies): three pools
    assert [[e.to_dict() for e in evs] for evs in pooled] == [[e.to_dict() for e in evs] for evs in alone]
    assert bool(resources._coders) == (start == "fork")  # forked workers share the parent's coders


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_forked_pools_load_the_languages_they_meet(tmp_path, monkeypatch):
    # The writer loads before forking only the languages of the first chunks; English met later is
    # loaded by the workers that meet it, then by the writer for the next pool. Results are unchanged.
    from warta import engine
    from warta.ingest import read_inputs
    from warta.pipeline import Resources

    src = tmp_path / "corpus.jsonl"
    _corpus(src, 60)
    english = [json.loads(line) for line in (ROOT / "tests" / "data" / "gold" / "en" / "heldout-wire.jsonl")
               .read_text(encoding="utf-8").splitlines()[:40]]
    with src.open("a", encoding="utf-8") as fh:
        for rec in english:  # no lang field: the language model decides
            fh.write(json.dumps({"id": rec["id"], "date": rec["date"], "text": rec["text"]}) + "\n")
    alone = [r.events for r in engine.run_local(read_inputs([src]), Resources(), workers=1)]
    assert any(e.lang == "en" for evs in alone for e in evs)
    monkeypatch.setattr(engine, "start_method", lambda: "fork")
    monkeypatch.setattr(engine, "RECYCLE", 25)  # pools of 50 articles: 60 Indonesian, then English
    monkeypatch.setattr(engine, "CHUNK", 5)
    loaded = []
    resources = Resources()
    real = resources.preload
    monkeypatch.setattr(resources, "preload", lambda languages=None: loaded.append(sorted(languages)) or real(languages))
    pooled = [r.events for r in engine.run_local(read_inputs([src]), resources, workers=2)]
    assert [[e.to_dict() for e in evs] for evs in pooled] == [[e.to_dict() for e in evs] for evs in alone]
    assert loaded[0] == ["id"] and loaded[-1] == ["en", "id"], loaded


def _pool_facts(_):
    """What a pool's worker sees before coding anything (run in the worker)."""
    from warta import engine

    res = engine._worker_resources
    return sorted(res._coders), engine._worker_memory.__name__, os.getpid()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_forked_workers_start_with_the_parents_dictionaries_and_measure_their_private_memory():
    from concurrent.futures import ProcessPoolExecutor
    import multiprocessing as mp

    from warta import engine
    from warta.pipeline import Resources

    assert engine.start_method() == "fork"  # the packaged default
    resources = Resources()
    resources.preload()
    with ProcessPoolExecutor(2, mp_context=mp.get_context("fork"), initializer=engine._init_worker,
                             initargs=(resources, True)) as pool, engine._forking_quietly():
        facts = list(pool.map(_pool_facts, range(4)))
    assert {tuple(f[0]) for f in facts} == {tuple(sorted(resources.languages))}
    assert {f[1] for f in facts} == {"private_bytes"} and os.getpid() not in {f[2] for f in facts}


def test_start_method_comes_from_the_configuration(tmp_path, monkeypatch):
    from warta import engine
    from warta.config import load_config

    cfg = tmp_path / "warta.toml"
    monkeypatch.setenv("WARTA_CONFIG", str(cfg))
    try:
        cfg.write_text('[pipeline]\nstart = "spawn"\n')
        load_config.cache_clear()
        assert engine.start_method() == "spawn"
        cfg.write_text('[pipeline]\nstart = "thread"\n')
        load_config.cache_clear()
        with pytest.raises(ValueError, match="start"):
            engine.start_method()
    finally:
        monkeypatch.delenv("WARTA_CONFIG")
        load_config.cache_clear()


def test_private_memory_is_part_of_resident_memory():
    from warta.procmem import private_bytes, resident_bytes

    if not os.path.exists("/proc/self/smaps_rollup"):
        pytest.skip("no /proc/self/smaps_rollup here")
    assert 0 < private_bytes() <= resident_bytes()



HELD_STDERR = '''
import multiprocessing as mp, multiprocessing.util, os, sys, threading, time
from concurrent.futures import ProcessPoolExecutor
from warta import engine
from warta.pipeline import Resources

def speak():
    print("from the worker", file=sys.stderr)
    return "spoke"

if __name__ == "__main__":
    multiprocessing.util._flush_std_streams = lambda: None  # so that the fork comes while the lock is held
    r, w = os.pipe()
    sys.stderr = open(w, "w", buffering=1, closefd=False)
    # A thread blocked in a write bigger than the pipe holds the stream's lock (a progress bar, drawing).
    threading.Thread(target=lambda: sys.stderr.write("x" * 300_000 + "\\n"), daemon=True).start()
    time.sleep(0.3)
    with ProcessPoolExecutor(1, mp_context=mp.get_context("fork"), initializer=engine._init_worker,
                             initargs=(Resources(), True)) as pool:
        done = pool.submit(speak)
        threading.Thread(target=lambda: [os.read(r, 65536) for _ in iter(int, 1)], daemon=True).start()
        print(done.result(timeout=30), file=sys.__stdout__)
'''


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_a_forked_worker_writes_to_stderr_even_if_a_parent_thread_held_it_at_the_fork(tmp_path):
    script = tmp_path / "held_stderr.py"
    script.write_text(HELD_STDERR)
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=90)
    assert out.stdout.strip() == "spoke", out.stderr[-2000:]
