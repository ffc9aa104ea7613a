"""What finding event dates costs: microseconds per sentence for `warta.annotate.dates.event_date`.

    python bench/dates.py [corpus.jsonl.gz] [--limit N] [--lang id]

Reads the corpus's lines as sentences (IndoSum gives one sentence a line) with each article's
date as the publication date, and prints the time per sentence and how many got a date.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

from warta.annotate.dates import event_date

DEFAULT = Path(__file__).resolve().parents[1] / "examples" / "demo-corpus.jsonl.gz"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--lang", default="id")
    args = ap.parse_args()
    sentences = []
    with gzip.open(args.corpus, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if args.limit is not None and i >= args.limit:
                break
            art = json.loads(line)
            sentences += [(s, art.get("date")) for s in art["text"].splitlines() if s.strip()]
    event_date("x", "2020-01-01", args.lang)  # load the word lists outside the timing
    best = None
    for _ in range(3):
        t = time.perf_counter()
        dated = sum(1 for s, d in sentences if event_date(s, d, args.lang))
        took = time.perf_counter() - t
        best = took if best is None else min(best, took)
    print(f"sentences         {len(sentences)}")
    print(f"with a date       {dated} ({dated / max(1, len(sentences)):.1%})")
    print(f"time per sentence {1e6 * best / max(1, len(sentences)):.1f} us (best of 3)")


if __name__ == "__main__":
    main()
