"""Engines run `pipeline.process` over a stream of inputs.

An engine takes the ingest stream (Articles, plus records it passes through untouched: ingest
ErrorRows, near-duplicates) and yields Results and those records in input order, so the store can
write them in batches. The local engine runs in this process (`workers=1`) or in a pool of worker
processes, each of which builds its `Resources` once; at most a few chunks per worker are in
flight, so memory does not grow with the size of the corpus.
"""

from __future__ import annotations

import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from itertools import chain, islice
from typing import Iterable, Iterator

import multiprocessing as mp

from .pipeline import Resources, process
from .records import Article, Result
from .registry import engines

CHUNK = 32  # articles per task: amortises inter-process overhead, keeps the progress bar moving
IN_FLIGHT = 4  # chunks queued per worker: enough to keep workers busy, small enough to stay flat
RECYCLE = 25_000  # most articles per worker before its pool is replaced by a fresh one (see _pooled)
# Resident memory past which a worker's pool is replaced (see _pooled). A worker holds ~280 MB once
# both languages' dictionaries and the gazetteer are loaded; spaCy's vocabulary (and the tokenizer's
# memo of affix searches, bounded: annotate/nlp.py) then grow with every new word. At 330 MB pools
# were replaced every ~3,000 articles per worker on the replicated corpora (a restart is ~5
# CPU-seconds per worker); at 350 MB two workers and the writer (~160-200 MB since it loads neither
# pyarrow nor pandas) stay well under 1 GB together (figures: README, performance).
WORKER_MEMORY = 350 * 2**20

TRIM_EVERY = 8  # chunks between returns of freed heap memory to the system (see trim_heap)

_worker_resources: Resources | None = None
_chunks_done = 0
_libc = None  # glibc, loaded by the first trim_heap (False where there is none)


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _init_worker(resources: Resources) -> None:
    # Coders load lazily, per language met: a corpus in one language never pays for the others.
    global _worker_resources
    _worker_resources = resources


def trim_heap() -> None:
    """Give the C heap's free pages back to the system (glibc's malloc_trim; elsewhere nothing).

    Tokenizing leaves the heap fragmented: each Doc's arrays are freed, but the words spaCy adds
    to its vocabulary stay, interleaved with them, so freed pages stay resident. Coding 3,000
    articles in one process, a trim gave back ~40 MB; in pooled runs a few MB. A trim takes ~4 ms.
    """
    global _libc
    if _libc is None:
        try:
            import ctypes

            _libc = ctypes.CDLL("libc.so.6")
            _libc.malloc_trim  # noqa: B018 (raises AttributeError where libc has none)
        except (OSError, AttributeError):
            _libc = False
    if _libc:
        _libc.malloc_trim(0)


def resident_bytes() -> int:
    """This process's resident memory (Linux /proc; 0 where unknown)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return 0


def _process_chunk(chunk: list) -> tuple[list, int]:
    """The chunk's results and the worker's resident memory after it."""
    global _chunks_done
    assert _worker_resources is not None
    out = [process(item, _worker_resources) if isinstance(item, Article) else item for item in chunk]
    _chunks_done += 1
    if _chunks_done % TRIM_EVERY == 0:
        trim_heap()
    return out, resident_bytes()


def _in_process(items: Iterable, resources: Resources) -> Iterator:
    for item in items:
        yield process(item, resources) if isinstance(item, Article) else item


def _pooled(items: Iterable, resources: Resources, workers: int) -> Iterator:
    # A pool lives for RECYCLE articles per worker, or until a worker holds more than WORKER_MEMORY,
    # then a fresh one takes over: what a worker accumulates (spaCy's vocabulary and tokenizer
    # cache grow with every new word, allocator fragmentation) is given back, so memory stays
    # flat however long the corpus; a restart costs a few seconds of dictionary loading.
    it = iter(items)
    while True:
        head = list(islice(it, 1))
        if not head:
            return
        yield from _one_pool(chain(head, it), resources, workers)


def _one_pool(items: Iterator, resources: Resources, workers: int) -> Iterator:
    """Code from `items` until RECYCLE articles per worker were sent or a worker grew past
    WORKER_MEMORY; what is not sent stays in `items` for the next pool."""
    # spawn, not fork: the parent holds a DuckDB connection and threads that a fork would copy.
    # Not forkserver either: a fork server preloaded with the dictionaries would start workers in
    # no time, but it is a third process holding them (~280 MB), and a forked worker's resident
    # size counts the pages it shares with it: the sum over the processes would grow by that much.
    ctx = mp.get_context("spawn")
    pending: deque = deque()
    budget, full = RECYCLE * workers, False
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                             initargs=(resources,)) as pool:
        while True:
            while not full and len(pending) < workers * IN_FLIGHT:
                chunk = list(islice(items, min(CHUNK, budget)))
                if not chunk:
                    break
                budget -= len(chunk)
                full = budget <= 0
                pending.append(pool.submit(_process_chunk, chunk))
            if not pending:
                break
            results, resident = pending.popleft().result()
            full = full or resident > WORKER_MEMORY  # send no more: this pool drains, a fresh one follows
            yield from results


@engines.register("local")
def run_local(items: Iterable, resources: Resources, workers: int = 1) -> Iterator[Result | object]:
    """Process articles in order; `workers` > 1 spreads them over that many processes."""
    workers = workers or default_workers()
    it = iter(items)
    # Starting workers costs seconds (each loads the dictionaries): only worth it past a few chunks.
    head = list(islice(it, CHUNK * workers)) if workers > 1 else []
    if workers <= 1 or len(head) < CHUNK * workers:
        yield from _in_process(chain(head, it), resources)
    else:
        yield from _pooled(chain(head, it), resources, workers)


def get_engine(name: str):
    return engines.get(name)
