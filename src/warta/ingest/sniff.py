"""Which reader handles an input: by file extension, else by a look at its first bytes."""

from __future__ import annotations

import re
from pathlib import Path

TEXT, HTML, JSONL, WARC, FEED, URLS = "text", "html", "jsonl", "warc", "feed", "urls"
# Content types (from an HTTP header) of web pages.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

# Suffixes (lower case, longest first) that name a format without looking inside the file.
_BY_SUFFIX: tuple[tuple[str, str], ...] = (
    (".warc.gz", WARC),  # before ".gz": warcio reads the compression itself
    (".warc", WARC),
    (".rss", FEED),  # .xml is not named here: too many XML files are not feeds; they are sniffed
    (".atom", FEED),
    (".urls", URLS),
    (".jsonl.gz", JSONL),
    (".ndjson.gz", JSONL),
    (".json.gz", JSONL),  # gzipped dumps are line-delimited in practice, never one big document
    (".jsonl", JSONL),
    (".ndjson", JSONL),
    (".html", HTML),
    (".htm", HTML),
    (".xhtml", HTML),
    (".txt", TEXT),
)
# How many bytes are enough to tell HTML from JSON from prose.
SNIFF_BYTES = 2048
# The root element of an RSS 2.0/0.9x, Atom or RSS 1.0 (RDF) feed.
_FEED_ROOT = re.compile(r"<(rss|feed|rdf:rdf)[\s>]")


def format_by_name(path: Path | str) -> str | None:
    """The format a file name announces, or None for an unknown extension."""
    name = str(path).lower()
    for suffix, fmt in _BY_SUFFIX:
        if name.endswith(suffix):
            return fmt
    if name.endswith(".gz"):  # any other compressed file is named by what it holds: x.txt.gz, x.html.gz
        return format_by_name(name[:-3]) if name[:-3].endswith((".txt", ".html", ".htm", ".xhtml")) else None
    return None


def is_gzip_name(path: Path | str) -> bool:
    return str(path).lower().endswith(".gz")


def format_by_content(head: bytes | str) -> str:
    """WARC, a feed, HTML if it opens like a page, JSONL if it opens with an object, else plain text."""
    if isinstance(head, bytes):
        head = head.decode("utf-8", errors="replace")
    start = head.lstrip("\ufeff \t\r\n").lower()
    # A JSON object per line always starts with "{".
    if start.startswith("{"):
        return JSONL
    if start.startswith("warc/"):  # every WARC record opens with its version line, "WARC/1.0"
        return WARC
    # A feed's root element comes before any <html> (an XHTML page may mention "<feed" in its text).
    feed = _FEED_ROOT.search(start)
    if feed and "<html" not in start[: feed.start()]:
        return FEED
    # Pages start with a doctype, an <html> tag or an XML prolog; some dumps lack both, so look for <html.
    if start.startswith(("<!doctype", "<html", "<?xml", "<head", "<body")) or "<html" in start:
        return HTML
    return TEXT
