"""JSON Lines: one article object per line, read as a stream; bad lines become error rows."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from ..records import Article, ErrorRow, content_id
from .dates import normalise_date
from .decoding import looks_binary
from .errors import IngestError, error_row
from .plain_text import EMPTY_REASON


def _text_field(obj: dict, key: str) -> str:
    value = obj.get(key)
    return "" if value is None else str(value)


def article_from_object(obj: object, origin: str) -> Article:
    """The Article for one decoded JSON value; raises IngestError when it is not one."""
    if not isinstance(obj, dict):
        raise IngestError("JSON line is not an object")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise IngestError("missing or empty 'text' field")
    title = _text_field(obj, "title").strip()
    given = obj.get("id")
    # An explicit id wins (as a string, so 17 and "17" agree); none or "" falls back to a content hash.
    article_id = str(given) if given not in (None, "") else content_id(text, title)
    lang = obj.get("lang")
    return Article(
        id=article_id,
        text=text,
        title=title,
        date=normalise_date(obj.get("date")),
        url=_text_field(obj, "url").strip(),
        lang=(str(lang).strip() or None) if lang is not None else None,
        origin=origin,
        outlet=_text_field(obj, "source").strip(),
    )


def _bad_line_id(obj: object, raw: str) -> str:
    """The line's own id when it has one, else a hash of the raw line."""
    if isinstance(obj, dict) and obj.get("id") not in (None, ""):
        return str(obj["id"])
    return content_id(raw)


def iter_jsonl(lines: Iterable[bytes | str], origin: str, first_lineno: int = 1) -> Iterator[Article | ErrorRow]:
    """Articles and per-line ErrorRows for the lines of one JSONL source, in order.

    Raises IngestError (after yielding nothing) if the source holds no line at all.
    """
    seen = False
    for lineno, raw in enumerate(lines, start=first_lineno):
        where = f"{origin}:{lineno}"
        if isinstance(raw, bytes):
            if looks_binary(raw):
                yield error_row(where, "binary data in JSON line", content_id(repr(raw[:200])))
                seen = True
                continue
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield error_row(where, "JSON line is not valid UTF-8", content_id(raw.decode("utf-8", "replace")))
                seen = True
                continue
        if not raw.strip():  # blank lines (a trailing newline, spacing) are not records
            continue
        seen = True
        obj: object = None
        try:
            obj = json.loads(raw)
            yield article_from_object(obj, where)
        except json.JSONDecodeError as exc:
            yield error_row(where, f"invalid JSON: {exc.msg} at column {exc.colno}", content_id(raw))
        except (ValueError, RecursionError) as exc:  # huge numbers, absurd nesting
            yield error_row(where, f"invalid JSON: {exc}", content_id(raw))
        except IngestError as exc:
            yield error_row(where, exc.reason, _bad_line_id(obj, raw))
    if not seen:
        raise IngestError(EMPTY_REASON)
