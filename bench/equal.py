"""Check that a change leaves every result equal: dump every field of every result, then compare.

    python bench/equal.py dump OUT.jsonl.gz [--limit 3000] [--workers 1] [--corpus F ...]
    python bench/equal.py diff A.jsonl.gz B.jsonl.gz

`dump` codes the first `--limit` articles of each corpus (default: CLICK-ID's first 3,000 and all
of IndoSum dev) through `warta.api.results` (the stream `warta ingest` stores, without near-duplicate
marking, so every article is coded) and writes one JSON line per result: the article as coded
(id, language, date and where it came from), status, sentence count, error row and every field
of every event. `diff` reports how many lines differ and the first differing fields. Run it on
the code before and after a change, with 1 and with several workers. Figures are never asserted
by the test suite: this is a tool for the person changing the engine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from dataclasses import asdict
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora"
DEFAULT = [(SHARED / "click-id.jsonl.gz", 3000), (SHARED / "indosum-dev.jsonl.gz", None)]


def _head(corpus: Path, limit: int | None, tmp: Path) -> Path:
    """The corpus itself, or a JSONL file of its first `limit` lines."""
    if limit is None:
        return corpus
    out = tmp / f"{corpus.name.split('.')[0]}-{limit}.jsonl"
    with gzip.open(corpus, "rt", encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        dst.writelines(islice(src, limit))
    return out


def _row(item) -> dict:
    from warta.records import Result

    if not isinstance(item, Result):  # an ingest error row or a duplicate
        return {"record": type(item).__name__, **asdict(item)}
    return {"article": asdict(item.article), "status": item.status, "n_sentences": item.n_sentences,
            "error": asdict(item.error) if item.error else None, "events": [asdict(e) for e in item.events]}


def dump(args) -> None:
    from warta.api import results

    corpora = [(Path(c), args.limit) for c in args.corpus] if args.corpus else \
        [(c, args.limit if args.limit is not None else lim) for c, lim in DEFAULT]
    # One fixed folder for the corpus heads: an article's origin (its path) is part of its result.
    tmp = Path(tempfile.gettempdir()) / "warta-equal"
    tmp.mkdir(exist_ok=True)
    with gzip.open(args.out, "wt", encoding="utf-8") as out:
        inputs = [str(_head(c, lim, tmp)) for c, lim in corpora]
        n = 0
        for item in results(inputs, workers=args.workers):
            out.write(json.dumps(_row(item), ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
    print(f"{n} results written to {args.out} (workers={args.workers})")


def _lines(path: str) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return fh.read().splitlines()


def diff(args) -> None:
    a, b = _lines(args.a), _lines(args.b)
    bad = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    print(f"{len(a)} and {len(b)} results; {len(bad)} differ"
          f"; events {sum(len(json.loads(x).get('events') or ()) for x in a)}"
          f" and {sum(len(json.loads(y).get('events') or ()) for y in b)}")
    for i in bad[:5]:
        x, y = json.loads(a[i]), json.loads(b[i])
        keys = sorted(k for k in set(x) | set(y) if x.get(k) != y.get(k))
        print(f"  line {i + 1}: fields {', '.join(keys)}")
    if bad or len(a) != len(b):
        sys.exit(1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="what", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out")
    d.add_argument("--limit", type=int, default=None, help="articles per corpus (default: 3000 of CLICK-ID, all IndoSum dev)")
    d.add_argument("--workers", type=int, default=1)
    d.add_argument("--corpus", nargs="+", default=None)
    f = sub.add_parser("diff")
    f.add_argument("a")
    f.add_argument("b")
    args = ap.parse_args()
    {"dump": dump, "diff": diff}[args.what](args)


if __name__ == "__main__":
    main()
