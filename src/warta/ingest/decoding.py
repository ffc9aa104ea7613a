"""Bytes to text: UTF-8 only (pages: or their declared charset), with binary files recognised and refused."""

from __future__ import annotations

import re
from email.message import Message

from .errors import IngestError

BINARY_REASON = "binary or non-UTF-8 file"
# A few undecodable bytes are tolerated (a stray Latin-1 byte in an otherwise UTF-8 file).
MAX_BAD_BYTES = 8
# ...but not more than this share of the file, which would mean another encoding altogether.
MAX_BAD_SHARE = 0.001
# A charset declared in an HTML page, because pages, unlike plain text, say their own encoding.
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def looks_binary(data: bytes) -> bool:
    """NUL bytes never occur in UTF-8 text, so they mark binary (or UTF-16/32) content."""
    return b"\x00" in data


def decode_utf8(data: bytes) -> str:
    """UTF-8 text of `data`; raises IngestError for binary content or another encoding."""
    if looks_binary(data):
        raise IngestError(BINARY_REASON)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    # Replacement characters genuinely present in the file are not decoding errors.
    bad = text.count("\ufffd") - data.count("\xef\xbf\xbd".encode("latin-1"))
    if bad > MAX_BAD_BYTES or bad > MAX_BAD_SHARE * len(data):
        raise IngestError(BINARY_REASON)
    return text


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of an HTTP Content-Type header ("text/html; charset=gbk" -> "gbk")."""
    if not content_type:
        return None
    msg = Message()
    msg["content-type"] = content_type
    return msg.get_content_charset()


def media_type(content_type: str | None) -> str:
    """The media type of a Content-Type header, lower case, without parameters ("" when none)."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def _decode_as(data: bytes, charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return None


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Text of an HTML page: UTF-8 when it is, else the charset the server declared (`declared`,
    from its Content-Type header), else the charset the page declares in a <meta> tag."""
    try:
        return decode_utf8(data)
    except IngestError:
        if looks_binary(data):
            raise
    text = _decode_as(data, declared)
    if text is None:
        m = _HTML_CHARSET.search(data[:4096])
        text = _decode_as(data, m.group(1).decode("ascii")) if m else None
    if text is None:
        raise IngestError(BINARY_REASON)
    return text
