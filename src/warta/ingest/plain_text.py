"""Plain-text articles: the first non-empty line is the title, the whole file is the text."""

from __future__ import annotations

from ..records import Article, content_id
from .errors import IngestError

EMPTY_REASON = "empty file"


def first_line(text: str) -> str:
    """The first non-empty line, stripped (a byte-order mark included), or ""."""
    for line in text.splitlines():
        line = line.strip().lstrip("\ufeff").strip()
        if line:
            return line
    return ""


def article_from_text(text: str, origin: str) -> Article:
    """An Article whose text is `text` unchanged, so offsets are offsets into the input."""
    title = first_line(text)
    if not title:
        raise IngestError(EMPTY_REASON)
    return Article(id=content_id(text, title), text=text, title=title, origin=origin)
