"""Reading WARC.gz files: pages/s, MB/s and peak memory, for files of growing size.

    python bench/warc_ingest.py [--pages 500 2000] [--blob-mb 2] [--blobs-per-page 0.05]

Writes, in a temporary folder, one WARC.gz per size: HTML article pages (texts from the demo corpus)
between request records and, every so often, a large non-HTML response (random bytes, so gzip cannot
shrink it), as crawls have. Each file is read by `warta.ingest.read_inputs` (ingest only: WARC parsing,
decoding, trafilatura extraction; no coding) in a fresh process, which prints its figures. If memory
is flat, peak RSS stays about the same while the file grows. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import gzip
import html
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _texts() -> list[str]:
    with gzip.open(ROOT / "examples" / "demo-corpus.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def write_warc(path: Path, pages: int, blob_mb: float, blobs_per_page: float) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    texts = _texts()
    blob = os.urandom(int(blob_mb * 1e6))
    owed = 0.0
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for n in range(pages):
            text = texts[n % len(texts)]
            paras = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
            page = (f"<html lang='id'><head><title>Berita {n}</title></head><body><nav>Beranda Dunia</nav>"
                    f"<article><h1>Berita {n}</h1>{paras}</article></body></html>").encode()
            url = f"https://berita.example.id/{n}"
            w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
                                                warc_content_type="application/http; msgtype=request"))
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(page), http_headers=http))
            owed += blobs_per_page
            while owed >= 1:
                owed -= 1
                http = StatusAndHeaders("200 OK", [("Content-Type", "video/mp4")], protocol="HTTP/1.1")
                w.write_record(w.create_warc_record(f"{url}.mp4", "response", payload=io.BytesIO(blob),
                                                   http_headers=http))


def measure(path: str) -> None:
    """Run in a child process: read the file, print one JSON line of figures."""
    import resource

    from warta.ingest import read_inputs
    from warta.records import Article

    start = time.perf_counter()
    n_art = n_err = 0
    for rec in read_inputs([path], offline=True):
        if isinstance(rec, Article):
            n_art += 1
        else:
            n_err += 1
    secs = time.perf_counter() - start
    size = os.path.getsize(path) / 1e6
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"file_mb": round(size, 1), "articles": n_art, "errors": n_err, "seconds": round(secs, 1),
                      "pages_per_s": round(n_art / secs, 1), "mb_per_s": round(size / secs, 1),
                      "peak_rss_mb": round(peak)}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, nargs="+", default=[500, 2000])
    ap.add_argument("--blob-mb", type=float, default=2.0)
    ap.add_argument("--blobs-per-page", type=float, default=0.05)
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        measure(args.measure)
        return
    with tempfile.TemporaryDirectory() as tmp:
        for pages in args.pages:
            path = Path(tmp) / f"crawl-{pages}.warc.gz"
            write_warc(path, pages, args.blob_mb, args.blobs_per_page)
            out = subprocess.run([sys.executable, __file__, "--measure", str(path)], capture_output=True, text=True,
                                 check=True)
            print(f"pages={pages}: {out.stdout.strip()}")
            path.unlink()


if __name__ == "__main__":
    main()
