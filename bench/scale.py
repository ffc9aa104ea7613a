"""Scale figures for issue 5: throughput per core at 1 and 2 workers, peak memory as the corpus
grows, and the Spark engine (local mode) beside the local engine on the same input.

    python bench/scale.py throughput [--corpus F ...] [--workers 1 2]
    python bench/scale.py memory --sizes 10000 100000 1000000 [--workers 2] [--dedup]
    python bench/scale.py spark [--corpus F] [--master local[2]]
    python bench/scale.py steady [--corpus F ...]
    python bench/scale.py lookup [--stored 100000 1000000] [--window 0 100000]

Every run is the real command (`python -m warta ingest` / `warta spark`) in a fresh store, timed
end to end (start-up included). Memory is sampled every 0.1 s from /proc over the command and all
its children (workers, JVM). The headline is the peak PSS sum (proportional set size: each
resident page, a page shared by n processes counted 1/n), which is the memory the tree holds:
workers forked after the writer loaded the dictionaries share those pages with it, and a plain
sum of resident sizes (RSS) counts them once per process. The peak RSS sum is printed beside it,
with the writer's RSS and the largest worker's RSS and private size (USS: pages it alone holds).

`throughput` also runs the command on the corpus's first few hundred articles: the rest of the
corpus took the difference, which gives the rate after start-up (imports, dictionaries, forks:
~2 s, a quarter of IndoSum dev's run with 2 workers), the rate a long corpus approaches.

`steady` codes in this process after loading the dictionaries, and counts CPU seconds, not wall
time: articles per CPU-second is the rate one core gives on a machine shared with other work.

`memory` streams N articles into `warta ingest -` from a generator process: the shared corpora
replicated with new ids ("<id>#<k>"), texts verbatim. By default near-duplicate detection is off
(`--dedup-threshold 0`), so every article is coded. With `--dedup` it is on: the first of each text
is coded, the copies go through the near-duplicate index only (reader, signatures, LSH look-ups in
the store) and are stored as mentions. With `--distinct` it is on and no article is a copy: after
the first round each text is followed by another's, so every article is coded and its signature
stored, and the look-ups meet a store of first-seen articles as large as the run.
Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from warta.procmem import rollup

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora"
CORPORA = [SHARED / "indosum-dev.jsonl.gz", SHARED / "click-id.jsonl.gz"]


def _tree(pid: int) -> list[int]:
    """The process and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry.name))
            except (OSError, ValueError, IndexError):
                continue
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, ()))
    return out


def _sample(pid: int) -> None:
    """One sample of the tree's memory into PEAKS: sums over the tree (RSS, PSS), the command's own
    RSS, the largest child's RSS and private size; WORKERS collects the children's ids."""
    rss = pss = 0
    for p in _tree(pid):
        m = rollup(p)
        rss, pss = rss + m["rss"], pss + m["pss"]
        if p == pid:
            PEAKS["command"] = max(PEAKS["command"], m["rss"])
        else:
            WORKERS.add(p)
            PEAKS["worker"] = max(PEAKS["worker"], m["rss"])
            PEAKS["worker_uss"] = max(PEAKS["worker_uss"], m["uss"])
    PEAKS["rss"], PEAKS["pss"] = max(PEAKS["rss"], rss), max(PEAKS["pss"], pss)


# The last run's peaks (bytes): "rss" and "pss" summed over the tree, "command" (its own RSS),
# "worker" and "worker_uss" (the largest child's RSS and private size); WORKERS: children seen.
PEAKS: dict[str, int] = {}
WORKERS: set[int] = set()


def run_measured(cmd: list[str], stdin=None) -> tuple[float, int, float]:
    """(wall seconds, peak tree PSS in bytes, CPU seconds of the command and its children);
    the other peaks are left in PEAKS."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    PEAKS.update(rss=0, pss=0, command=0, worker=0, worker_uss=0)
    WORKERS.clear()
    err: list[str] = []
    reader = threading.Thread(target=lambda: err.extend(proc.stderr), daemon=True)
    reader.start()
    while proc.poll() is None:
        _sample(proc.pid)
        time.sleep(0.1)
    reader.join(5)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # workers are reaped by the command: counted
    if proc.returncode != 0:
        sys.exit(f"error: {' '.join(cmd)} failed ({proc.returncode}): {''.join(err[-5:])}")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return elapsed, PEAKS["pss"], cpu


def _mib(n: int) -> str:
    return f"{n / 2**20:.0f} MiB"


def _load() -> str:
    return "load average %.1f %.1f %.1f" % os.getloadavg()


def _count(db: Path) -> tuple[int, int, int]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    n, coded = con.execute("SELECT count(*), count(*) FILTER (status = 'coded') FROM articles").fetchone()
    events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    return n, coded, events


def _warta(*args: str) -> list[str]:
    return [sys.executable, "-m", "warta", *args]


# Articles of the short run that measures start-up: a few chunks per worker, so workers are forked
# and the dictionaries loaded as in the full run.
HEAD = 256


def _head(corpus: Path, n: int) -> Path:
    """The corpus's first n lines as a JSONL file of their own."""
    opener = gzip.open if corpus.suffix == ".gz" else open
    out = Path(tempfile.mkdtemp()) / f"head-{n}.jsonl"
    with opener(corpus, "rt", encoding="utf-8") as fh, out.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(fh):
            if i >= n:
                break
            dst.write(line)
    return out


def throughput(args) -> None:
    print("# throughput: python -m warta ingest CORPUS --db fresh.duckdb -q --workers N (dedup on, default)")
    print(f"# machine: {os.cpu_count()} cores; the figure per core is articles/s / N")
    print(f"# after start-up: the same command on the corpus's first {HEAD} articles gives the start-up (imports,"
          " dictionaries, forks, plus those articles); the rest of the corpus took the difference")
    for corpus in args.corpus:
        head = _head(corpus, HEAD)
        for n in args.workers:
            db = Path(tempfile.mkdtemp()) / "bench.duckdb"
            secs, pss, cpu = run_measured(_warta("ingest", str(corpus), "--db", str(db), "-q", "--workers", str(n)))
            total, coded, events = _count(db)
            rss = PEAKS["rss"]  # (the short run below measures its own)
            short = Path(tempfile.mkdtemp()) / "head.duckdb"
            head_secs = run_measured(_warta("ingest", str(head), "--db", str(short), "-q", "--workers", str(n)))[0]
            rate = (total - HEAD) / (secs - head_secs)
            print(f"{corpus.name:24} workers={n}  {total} articles ({coded} coded, {events} events) in {secs:6.1f} s"
                  f"  = {total / secs:6.1f} articles/s = {total / secs / n:6.1f} per core;"
                  f"  after start-up ({head_secs:.1f} s for the first {HEAD}) {rate:6.1f} articles/s = {rate / n:6.1f}"
                  f" per core;  CPU {cpu:6.1f} s = {total / cpu:6.1f} articles per CPU-second;"
                  f"  peak PSS sum {_mib(pss)} (RSS sum {_mib(rss)});  {_load()}", flush=True)


def _base_records() -> list[dict]:
    recs = []
    for corpus in CORPORA:
        opener = gzip.open if corpus.suffix == ".gz" else open
        with opener(corpus, "rt", encoding="utf-8") as fh:
            recs += [json.loads(line) for line in fh if line.strip()]
    return recs


def generate(n: int, distinct: bool = False) -> None:
    """Write n replicated articles as JSONL to stdout (the `memory` generator process). `distinct`:
    after the first round, each article's text is followed by another's (a different one in each
    round), so that no two are near-duplicates and every one is a first-seen article."""
    base = _base_records()
    out = sys.stdout
    for i in range(n):
        k, j = divmod(i, len(base))
        rec = dict(base[j], id=f"{base[j].get('id', j)}#{k}")
        if distinct and k:
            rec["text"] = rec.get("text", "") + "\n\n" + base[(j * 7 + k) % len(base)].get("text", "")
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    out.flush()


def memory(args) -> None:
    mode = ("dedup on, every article a first-seen one (texts joined with another's after the first round)"
            if args.distinct else "dedup on: copies stored as mentions" if args.dedup else "dedup off: every article coded")
    print(f"# peak memory: generator | python -m warta ingest - -q --workers {args.workers} ({mode})")
    for n in args.sizes:
        db = Path(tempfile.mkdtemp()) / "bench.duckdb"
        gen = subprocess.Popen([sys.executable, __file__, "_generate", str(n), *(["distinct"] if args.distinct else [])],
                               stdout=subprocess.PIPE)
        extra = [] if args.dedup or args.distinct else ["--dedup-threshold", "0"]
        secs, pss, cpu = run_measured(_warta("ingest", "-", "--db", str(db), "-q", "--workers", str(args.workers),
                                             *extra), stdin=gen.stdout)
        gen.wait()
        total, coded, events = _count(db)
        size = db.stat().st_size
        pools = len(WORKERS) / max(1, args.workers)
        print(f"{n:>8} articles: peak PSS sum {_mib(pss)} = {pss / 1e9:.3f} GB; peak RSS sum {_mib(PEAKS['rss'])} "
              f"(writer RSS {_mib(PEAKS['command'])}, largest worker RSS {_mib(PEAKS['worker'])}, private "
              f"{_mib(PEAKS['worker_uss'])}; {len(WORKERS)} workers seen = {pools:.0f} pools)  ({total} stored, "
              f"{coded} coded, {events} events, {secs:7.1f} s, {total / secs:6.1f} articles/s, {total / cpu:6.1f} per "
              f"CPU-second, store {size / 2**20:.0f} MB; {_load()})", flush=True)


def spark(args) -> None:
    corpus = args.corpus[0]
    print(f"# Spark local mode beside the local engine on {corpus.name} (both end to end, start-up included)")
    out = Path(tempfile.mkdtemp()) / "tables"
    secs, pss, cpu = run_measured(_warta("spark", str(corpus), "--out", str(out), "-q", "--master", args.master))
    from warta.store import Store

    with Store(out, read_only=True) as s:
        summ = s.summary()
    cores = int(args.master.strip("local[]") or os.cpu_count()) if args.master != "local[*]" else os.cpu_count()
    print(f"spark {args.master:10}  {summ['articles']} articles ({summ['events']} events) in {secs:6.1f} s"
          f"  = {summ['articles'] / secs:6.1f} articles/s = {summ['articles'] / secs / cores:6.1f} per core;"
          f"  CPU {cpu:6.1f} s (the driver; JVM and workers when reaped);"
          f"  peak PSS sum {_mib(pss)} (RSS sum {_mib(PEAKS['rss'])}; JVM and Python workers);  {_load()}", flush=True)
    args.workers = [cores]
    throughput(args)


def steady(args) -> None:
    import warta
    from warta.annotate import langid

    res = warta.Resources()
    for lang in res.languages:
        res.coder(lang)  # the lexicons are cached: the ingest below reuses them
    langid.detect("warm up")
    print("# steady state, one process: warta.ingest(corpus, workers=1) after the dictionaries are loaded")
    for corpus in args.corpus:
        db = Path(tempfile.mkdtemp()) / "bench.duckdb"
        c0, t0 = time.process_time(), time.perf_counter()
        rep = warta.ingest([corpus], db=db, workers=1)
        cpu, wall = time.process_time() - c0, time.perf_counter() - t0
        print(f"{corpus.name:24} {rep.articles} articles: CPU {cpu:6.1f} s = {rep.articles / cpu:6.1f} articles per "
              f"CPU-second (reading, near-duplicates, coding, DuckDB); wall {wall:6.1f} s; {_load()}", flush=True)


def lookup(args) -> None:
    """Near-duplicate look-up time against a store holding N first-seen articles (synthetic rows)."""
    import random

    from warta.dedup.minhash import BANDS
    from warta.store import Store

    print(f"# near-duplicate look-up: one chunk's band keys (256 articles x {BANDS}, 20 of them of stored articles)"
          " against a store of N first-seen articles' synthetic bands and signatures, appended 50,000 at a time"
          " as ingest does; best of 3")
    rng = random.Random(1)
    keys = {rng.getrandbits(62) for _ in range(256 * BANDS)}
    for n in args.stored:
        db = Path(tempfile.mkdtemp()) / "lookup.duckdb"
        with Store(db) as store:
            for lo in range(0, n, 50_000):
                hi = min(n, lo + 50_000)
                store.con.execute(f"INSERT INTO dedup_bands SELECT 'a' || (i // {BANDS})::VARCHAR, (hash(i) >> 1)::BIGINT, "
                                  f"i // {BANDS} + 1 FROM range({lo * BANDS}, {hi * BANDS}) t(i)")
                store.con.execute(f"INSERT INTO dedup_signatures SELECT 'a' || i::VARCHAR, repeat('x', 256)::BLOB, "
                                  f"i + 1 FROM range({lo}, {hi}) t(i)")
            store.con.execute("CHECKPOINT")
            # 20 copies among them (a band key each of 20 recent articles): their signatures are read too
            hits = [r[0] for r in store.con.execute(
                f"SELECT min(key) FROM dedup_bands WHERE seq > {n - 2000} GROUP BY seq ORDER BY seq LIMIT 20").fetchall()]
            for window in args.window:
                after = max(0, n - window) if window else 0
                times = []
                for _ in range(3):
                    t0 = time.perf_counter()
                    found = store.dedup_candidates(keys | set(hits), after)
                    times.append(time.perf_counter() - t0)
                assert len(found) == len(hits), "the planted copies must be found"
                label = f"window {window:,}" if window else "no window"
                print(f"{n:>10,} stored, {label:>15}: {min(times) * 1e3:6.0f} ms a look-up = "
                      f"{min(times) / 256 * 1e3:.3f} ms an article", flush=True)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_generate":
        generate(int(sys.argv[2]), distinct=sys.argv[3:] == ["distinct"])
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="what", required=True)
    t = sub.add_parser("throughput")
    t.add_argument("--corpus", nargs="+", type=Path, default=[c for c in CORPORA if c.exists()])
    t.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    m = sub.add_parser("memory")
    m.add_argument("--sizes", nargs="+", type=int, default=[10_000, 100_000])
    m.add_argument("--workers", type=int, default=2)
    m.add_argument("--dedup", action="store_true")
    m.add_argument("--distinct", action="store_true")
    s = sub.add_parser("spark")
    s.add_argument("--corpus", nargs="+", type=Path, default=[CORPORA[0]])
    s.add_argument("--master", default="local[2]")
    lk = sub.add_parser("lookup")
    lk.add_argument("--stored", nargs="+", type=int, default=[100_000, 1_000_000])
    lk.add_argument("--window", nargs="+", type=int, default=[0, 100_000])
    st = sub.add_parser("steady")
    st.add_argument("--corpus", nargs="+", type=Path, default=[c for c in CORPORA if c.exists()])
    args = ap.parse_args()
    wanted = getattr(args, "corpus", None) or (CORPORA if args.what == "memory" else [])
    missing = [str(c) for c in wanted if not Path(c).exists()]
    if missing or not wanted and args.what not in ("memory", "lookup"):
        # (a run with no corpus would print a line of zeros and exit 0)
        sys.exit(f"error: corpus not found: {', '.join(missing) or 'none given'}; the shared corpora are "
                 f"looked for in {SHARED} (give --corpus FILE ...)")
    {"throughput": throughput, "memory": memory, "spark": spark, "steady": steady, "lookup": lookup}[args.what](args)


if __name__ == "__main__":
    main()
