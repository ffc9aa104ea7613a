"""Standard input ("-"): JSONL when it opens with "{", an HTML page, or one plain-text article."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator

from ..records import Article, ErrorRow
from .decoding import BINARY_REASON, decode_html, decode_utf8
from .html_page import article_from_html
from .jsonl import iter_jsonl
from .plain_text import EMPTY_REASON, article_from_text
from .errors import IngestError
from .sniff import HTML, JSONL, format_by_content

ORIGIN = "<stdin>"


def _lines() -> Iterator[bytes | str]:
    """Lines of stdin, as bytes when possible so that decoding is UTF-8 whatever the locale."""
    stream = sys.stdin
    buffer = getattr(stream, "buffer", None)
    return iter(buffer if buffer is not None else stream)


def read_stdin() -> Iterator[Article | ErrorRow]:
    """Records from stdin; JSONL is streamed, anything else is one article. May raise IngestError."""
    lines = _lines()
    head: list[bytes | str] = []
    for line in lines:  # only the blank lead-in is buffered before the format is known
        head.append(line)
        if line.strip():
            break
    if not head or not any(line.strip() for line in head):
        raise IngestError(EMPTY_REASON)
    fmt = format_by_content(head[-1])
    if fmt == JSONL:
        yield from iter_jsonl(itertools.chain(head, lines), ORIGIN)
        return
    rest = list(itertools.chain(head, lines))
    if isinstance(rest[0], bytes):
        data = b"".join(rest)  # type: ignore[arg-type]
        text = decode_html(data) if fmt == HTML else decode_utf8(data)
    else:
        text = "".join(rest)  # type: ignore[arg-type]
        if "\x00" in text:
            raise IngestError(BINARY_REASON)
    yield article_from_html(text, ORIGIN) if fmt == HTML else article_from_text(text, ORIGIN)
