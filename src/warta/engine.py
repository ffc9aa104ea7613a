"""Engines run `pipeline.process` over a stream of inputs.

An engine takes the ingest stream (Articles, plus records it passes through untouched: ingest
ErrorRows, near-duplicates) and yields Results and those records in input order, so the store can
write them in batches. The local engine runs in this process (`workers=1`) or in a pool of worker
processes; at most a few chunks per worker are in flight, so memory does not grow with the size
of the corpus.

Workers start one of two ways (`[pipeline] start`, see `start_method`). "fork" (Linux, the
default there): this process loads the dictionaries once (`Resources.preload`), then forks the
workers, which start coding at once and share those pages with it until they write to them
(copy-on-write). "spawn" (elsewhere): each worker is a fresh interpreter that loads its own,
~4-5 CPU-seconds before its first article, and holds its own copy.
"""

from __future__ import annotations

import gc
import os
import sys
import warnings
from collections import deque
from contextlib import contextmanager, nullcontext
from concurrent.futures import ProcessPoolExecutor
from itertools import chain, islice
from typing import Iterable, Iterator

import multiprocessing as mp

from .pipeline import Resources, languages_of, process
from .procmem import private_bytes, resident_bytes, trim_heap
from .records import Article, Result
from .registry import engines

CHUNK = 32  # articles per task: amortises inter-process overhead, keeps the progress bar moving
IN_FLIGHT = 4  # chunks queued per worker: enough to keep workers busy, small enough to stay flat
RECYCLE = 25_000  # most articles per worker before its pool is replaced by a fresh one (see _pooled)
# Resident memory past which a spawned worker's pool is replaced (see _pooled). A worker holds
# ~280 MB once both languages' dictionaries and the gazetteer are loaded; spaCy's vocabulary (and
# the tokenizer's caches, bounded: annotate/nlp.py) then grow with every new word. At 330 MB pools
# were replaced every ~3,000 articles per worker on the replicated corpora (a restart is ~5
# CPU-seconds per worker); at 350 MB two workers and the writer (~160-200 MB since it loads neither
# pyarrow nor pandas) stay well under 1 GB together (figures: README, performance).
WORKER_MEMORY = 350 * 2**20
# Private memory past which a forked worker's pool is replaced: what the worker holds alone (new
# words, caches, the pages of the shared dictionaries it wrote to), the shared pages not counted.
# A forked worker starts at ~40 MB and reached ~100 MB after 5,000 CLICK-ID articles; at 150 MB
# the replicated corpora (10^5 articles, 2 workers) took 3 pools and peaked at 700 MiB PSS in all.
FORKED_WORKER_MEMORY = 150 * 2**20

TRIM_EVERY = 8  # chunks between returns of freed heap memory to the system (see trim_heap)
START_METHODS = ("fork", "spawn")

_worker_resources: Resources | None = None
_worker_memory = resident_bytes  # how a worker measures itself: private_bytes when forked
_chunks_done = 0
_last_memory = 0


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def start_method() -> str:
    """How worker processes start: `[pipeline] start` ("fork" by default), "spawn" where the system
    cannot fork safely (only Linux forks here: macOS's system libraries are not fork-safe)."""
    from .config import load_config

    wanted = str(load_config()["pipeline"].get("start", "fork"))
    if wanted not in START_METHODS:
        raise ValueError(f"[pipeline] start = {wanted!r}: choose one of {', '.join(START_METHODS)}")
    if wanted == "fork" and (not sys.platform.startswith("linux") or "fork" not in mp.get_all_start_methods()):
        return "spawn"
    return wanted


def _init_worker(resources: Resources, forked: bool = False) -> None:
    # Forked: `resources` is the parent's own object, its coders built (nothing was pickled).
    # Spawned: coders load lazily, per language met: a corpus in one language never pays for the others.
    global _worker_resources, _worker_memory
    _worker_resources = resources
    _worker_memory = private_bytes if forked else resident_bytes
    if forked:
        _fresh_stdio()


def _fresh_stdio() -> None:
    """New sys.stdout and sys.stderr objects on the same files, in a forked worker. A thread of the
    parent (the progress bar's, drawing on stderr) may have been inside a write when it forked:
    the worker's copy of that stream would hold the write's lock for ever, and the worker would
    hang at its first warning, or when it flushes its streams on exit."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        try:
            fd = stream.fileno()
            fresh = open(fd, "w", buffering=1, encoding=stream.encoding, errors=stream.errors, closefd=False)
        except (AttributeError, OSError, ValueError):  # not a file (captured, closed): left as it is
            continue
        setattr(sys, name, fresh)


@contextmanager
def _forking_quietly():
    """Python 3.12+ warns (DeprecationWarning) at each fork of a process that has threads. The
    writer forks with DuckDB's threads idle, and its workers never use them (see _one_pool)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*multi-threaded, use of fork\(\) may lead to deadlocks",
                                category=DeprecationWarning)
        yield


def _process_chunk(chunk: list) -> tuple[list, int]:
    """The chunk's results and the worker's memory (resident, or private when forked), measured
    after every TRIM_EVERY chunks (private memory costs ~1 ms to read) and on the first."""
    global _chunks_done, _last_memory
    assert _worker_resources is not None
    out = [process(item, _worker_resources) if isinstance(item, Article) else item for item in chunk]
    _chunks_done += 1
    if _chunks_done % TRIM_EVERY == 0:
        trim_heap()
    if _chunks_done % TRIM_EVERY == 0 or _chunks_done == 1:
        _last_memory = _worker_memory()
    return out, _last_memory


def _in_process(items: Iterable, resources: Resources) -> Iterator:
    for item in items:
        yield process(item, resources) if isinstance(item, Article) else item


def _pooled(items: Iterable, resources: Resources, workers: int) -> Iterator:
    # A pool lives for RECYCLE articles per worker, or until a worker holds more than WORKER_MEMORY,
    # then a fresh one takes over: what a worker accumulates (spaCy's vocabulary and tokenizer
    # cache grow with every new word, allocator fragmentation) is given back, so memory stays
    # flat however long the corpus; a restart costs nothing when forked (the dictionaries are
    # loaded in this process), a few seconds of dictionary loading per worker when spawned.
    it = iter(items)
    met: set[str] = set()  # languages coded so far, or seen at the start of a pool
    while True:
        head = list(islice(it, 1))
        if not head:
            return
        yield from _one_pool(chain(head, it), resources, workers, met)


def _one_pool(items: Iterator, resources: Resources, workers: int, met: set[str]) -> Iterator:
    """Code from `items` until RECYCLE articles per worker were sent or a worker grew past its
    memory limit; what is not sent stays in `items` for the next pool."""
    method = start_method()
    forked = method == "fork"
    limit = FORKED_WORKER_MEMORY if forked else WORKER_MEMORY
    if forked:
        # Only the languages of the first chunks, and of the articles earlier pools coded, are
        # loaded before the fork: a corpus in one language does not wait for the others' (~0.45 s
        # for English, ~1.1 s for Indonesian); a worker that meets another loads it itself.
        # The workers are forked from this process, which has other threads: DuckDB's (idle
        # between two store queries), and maybe a progress bar's or fetchers'. A worker only
        # inherits their memory: it never calls DuckDB or touches their objects, and its standard
        # streams are made afresh (_fresh_stdio), so no lock they held at the fork is ever waited on.
        if not met.issuperset(resources.languages):  # (once every language was met, no need to look)
            head = list(islice(items, CHUNK * workers))
            items = chain(head, items)
            met.update(languages_of(head, resources))
        resources.preload(met)
        # Objects alive now stay out of the cycle collector's passes, here and in the workers: a
        # pass writes to every object it visits, which copies each page of the shared dictionaries
        # into the process that collects. Cyclic garbage alive now is never freed: little (the
        # writer's objects are rows, freed by reference counting), once per pool.
        gc.freeze()
    pending: deque = deque()
    budget, full = RECYCLE * workers, False
    with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context(method), initializer=_init_worker,
                             initargs=(resources, forked)) as pool:
        while True:
            while not full and len(pending) < workers * IN_FLIGHT:
                chunk = list(islice(items, min(CHUNK, budget)))
                if not chunk:
                    break
                budget -= len(chunk)
                full = budget <= 0
                with _forking_quietly() if forked else nullcontext():  # (a submit forks the workers)
                    pending.append(pool.submit(_process_chunk, chunk))
            if not pending:
                break
            results, memory = pending.popleft().result()
            full = full or memory > limit  # send no more: this pool drains, a fresh one follows
            met.update(r.article.lang for r in results if isinstance(r, Result) and r.status == "coded")
            yield from results


@engines.register("local")
def run_local(items: Iterable, resources: Resources, workers: int = 1) -> Iterator[Result | object]:
    """Process articles in order; `workers` > 1 spreads them over that many processes."""
    workers = workers or default_workers()
    it = iter(items)
    # Workers are only worth it past a few chunks: a pool costs processes, and a spawned worker
    # seconds of loading its own dictionaries.
    head = list(islice(it, CHUNK * workers)) if workers > 1 else []
    if workers <= 1 or len(head) < CHUNK * workers:
        yield from _in_process(chain(head, it), resources)
    else:
        yield from _pooled(chain(head, it), resources, workers)


def get_engine(name: str):
    return engines.get(name)
