"""Throughput of the whole pipeline against a bare spaCy tokenizer, on the same articles.

    python bench/throughput.py [CORPUS.jsonl.gz] [--limit N] [--lang id]

Codes the corpus (default ../shared/corpora/indosum-dev.jsonl.gz, else the bundled demo corpus)
into a fresh DuckDB and prints articles/s, sentences/s, events/s and peak memory; then tokenizes
the same texts with `spacy.blank(lang)` alone and prints its articles/s and the ratio of the two.
Start-up (loading dictionaries, compiling the matcher) is timed apart from coding.
Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _default_corpus() -> Path:
    shared = ROOT.parent / "shared" / "corpora" / "indosum-dev.jsonl.gz"
    return shared if shared.exists() else ROOT / "examples" / "demo-corpus.jsonl.gz"


def _texts(path: Path, limit: int | None) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    out = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line).get("text", ""))
                if limit and len(out) >= limit:
                    break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--lang", default="id")
    args = ap.parse_args()
    corpus = args.corpus or _default_corpus()
    if not corpus.exists():
        sys.exit(f"error: no corpus at {corpus}")

    import spacy

    import warta
    from warta.annotate import langid
    from warta.store import Store

    # 1. start-up: dictionaries -> matcher, spaCy pipeline, language model
    t0 = time.perf_counter()
    warta.Resources().coder(args.lang)
    langid.detect("warm up")
    from warta.geo import get_gazetteer

    get_gazetteer()  # the place index (data/places), loaded once per worker like the dictionaries
    startup = time.perf_counter() - t0

    src = corpus
    if args.limit:
        tmp_src = Path(tempfile.mkdtemp()) / "subset.jsonl"
        opener = gzip.open if corpus.suffix == ".gz" else open
        with opener(corpus, "rt", encoding="utf-8") as fh, tmp_src.open("w", encoding="utf-8") as out:
            for i, line in enumerate(fh):
                if i >= args.limit:
                    break
                out.write(line)
        src = tmp_src

    # 2. the whole pipeline, into a fresh store
    db = Path(tempfile.mkdtemp()) / "bench.duckdb"
    t1 = time.perf_counter()
    report = warta.ingest([src], db=db)
    elapsed = time.perf_counter() - t1
    with Store(db, read_only=True) as store:
        n_sent = store.con.execute("SELECT coalesce(sum(n_sentences), 0) FROM articles").fetchone()[0]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    # 3. the baseline: spaCy's blank tokenizer alone over the same texts
    texts = _texts(src, None)
    nlp = spacy.blank(args.lang)
    t2 = time.perf_counter()
    n_tok = 0
    for doc in nlp.tokenizer.pipe(texts, batch_size=256):
        n_tok += len(doc)
    base = time.perf_counter() - t2

    aps = report.articles / elapsed
    base_aps = len(texts) / base
    print(f"corpus            {corpus}{' (first %d)' % args.limit if args.limit else ''}")
    print(f"articles          {report.articles} ({report.coded} coded, {report.skipped} skipped, {report.failed} failed)")
    print(f"start-up          {startup:.2f} s (dictionaries, matcher, language model)")
    print(f"pipeline time     {elapsed:.2f} s")
    print(f"articles/s        {aps:.1f}")
    print(f"sentences/s       {n_sent / elapsed:.1f}")
    print(f"events/s          {report.events / elapsed:.1f}  ({report.events} events)")
    print(f"peak memory       {peak_mb:.0f} MB (max RSS of this process)")
    print(f"tokenizer only    {base_aps:.1f} articles/s  (spacy.blank({args.lang!r}).tokenizer, {n_tok} tokens)")
    print(f"ratio             {aps / base_aps:.2f}  (pipeline articles/s / tokenizer articles/s; goal >= 0.5)")


if __name__ == "__main__":
    main()
