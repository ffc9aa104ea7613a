"""Which reader handles an input: by file extension, else by a look at its first bytes."""

from __future__ import annotations

from pathlib import Path

TEXT, HTML, JSONL = "text", "html", "jsonl"

# Suffixes (lower case, longest first) that name a format without looking inside the file.
_BY_SUFFIX: tuple[tuple[str, str], ...] = (
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
    """HTML if it opens like a page, JSONL if it opens with an object, plain text otherwise."""
    if isinstance(head, bytes):
        head = head.decode("utf-8", errors="replace")
    start = head.lstrip("\ufeff \t\r\n").lower()
    # A JSON object per line always starts with "{".
    if start.startswith("{"):
        return JSONL
    # Pages start with a doctype, an <html> tag or an XML prolog; some dumps lack both, so look for <html.
    if start.startswith(("<!doctype", "<html", "<?xml", "<head", "<body")) or "<html" in start:
        return HTML
    return TEXT
