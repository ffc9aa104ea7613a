"""Coding speed per language, side by side: Indonesian and English through the same pipeline.

    python bench/languages.py [--articles N] [--repeat R]

Times `warta.process` (clean -> annotate -> code, no store) on:
- id: the first N articles of ../shared/corpora/indosum-dev.jsonl.gz (else the bundled demo corpus);
- en: English news sentences from the bundled gold copies (tests/data/gold/en/*.jsonl), grouped
  into articles of 12 sentences and replicated with new ids until there are N articles. This is
  the only English news text the project has offline; it is said so in the output.

Prints articles/s, sentences/s, tokens/s and events per 1,000 sentences for each language. Figures
are printed, never asserted. Start-up (dictionaries, matcher) is timed apart.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SENTENCES_PER_ARTICLE = 12  # about a short wire story


def indonesian(n: int) -> tuple[list[str], str]:
    shared = ROOT.parent / "shared" / "corpora" / "indosum-dev.jsonl.gz"
    path = shared if shared.exists() else ROOT / "examples" / "demo-corpus.jsonl.gz"
    texts = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                texts.append(json.loads(line)["text"])
    out = [texts[i % len(texts)] for i in range(n)]
    note = f"{path.name}, first {min(n, len(texts))} articles" + (" (replicated)" if n > len(texts) else "")
    return out, note


def english(n: int) -> tuple[list[str], str]:
    sentences = []
    for path in sorted((ROOT / "tests" / "data" / "gold" / "en").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                sentences.append(json.loads(line)["text"])
    articles = [" ".join(sentences[i:i + SENTENCES_PER_ARTICLE]) for i in range(0, len(sentences), SENTENCES_PER_ARTICLE)]
    out = [articles[i % len(articles)] for i in range(n)]
    note = (f"{len(sentences)} gold English sentences grouped {SENTENCES_PER_ARTICLE} an article "
            f"({len(articles)} articles), replicated with new ids to {n}")
    return out, note


def run(lang: str, texts: list[str], repeat: int):
    import warta
    from warta.records import Article

    t0 = time.perf_counter()
    resources = warta.Resources()
    resources.coder(lang)
    startup = time.perf_counter() - t0
    articles = [Article(id=f"{lang}-{i}", text=t, date="2024-01-01", lang=lang) for i, t in enumerate(texts)]
    warta.process(articles[0], resources)  # warm caches
    best = None
    for _ in range(repeat):
        t1 = time.perf_counter()
        results = [warta.process(a, resources) for a in articles]
        elapsed = time.perf_counter() - t1
        best = elapsed if best is None else min(best, elapsed)
    n_sent = sum(r.n_sentences for r in results)
    n_events = sum(len(r.events) for r in results)
    nlp = resources.coder(lang).lex.nlp
    n_tok = sum(len(d) for d in nlp.tokenizer.pipe(texts))
    return startup, best, n_sent, n_tok, n_events


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=2, help="runs per language; the fastest is reported")
    args = ap.parse_args()
    print(f"{'lang':4} {'articles/s':>11} {'sentences/s':>12} {'tokens/s':>10} {'events/1k sent':>15} {'start-up s':>11}  corpus")
    for lang, make in (("id", indonesian), ("en", english)):
        texts, note = make(args.articles)
        startup, elapsed, n_sent, n_tok, n_events = run(lang, texts, args.repeat)
        print(f"{lang:4} {len(texts) / elapsed:11.1f} {n_sent / elapsed:12.1f} {n_tok / elapsed:10.0f} "
              f"{1000 * n_events / max(n_sent, 1):15.1f} {startup:11.2f}  {note}")


if __name__ == "__main__":
    main()
