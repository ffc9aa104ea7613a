"""WARC and WARC.gz files (web crawls): each HTML response record becomes an Article, read one record
at a time so memory stays flat however large the file.

Only `response` records with status 200/203 and an HTML content type are articles; requests,
metadata, revisits, redirects and non-HTML payloads are skipped silently (counted in the log).
A page without article text, or one over fetch.max_bytes, is an error row for that record; a corrupt
or truncated record ends the file with an error row, keeping every record before it.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ..records import Article, ErrorRow
from .dates import normalise_date
from .decoding import charset_of, decode_html, media_type
from .errors import IngestError, error_row
from .fetch import size_reason
from .html_page import url_id, web_article
from .sniff import HTML, HTML_TYPES, SNIFF_BYTES, format_by_content

log = logging.getLogger(__name__)

CORRUPT_REASON = "corrupt or truncated WARC record, rest of file not read"
# 203 is a 200 rewritten by a proxy: the page is the same. Other statuses carry no article.
OK_STATUS = frozenset({"200", "203"})


def read_warc(path: Path, max_bytes: int) -> Iterator[Article | ErrorRow]:
    """Articles (and per-record ErrorRows) from one WARC or WARC.gz file, in file order."""
    from warcio.archiveiterator import ArchiveIterator

    origin = str(path)
    counts: Counter[str] = Counter()
    with open(path, "rb") as fh:
        records = ArchiveIterator(fh)  # finds gzip members itself, so .warc and .warc.gz read alike
        record = None
        while True:
            try:
                record = next(records)
                # Every WARC record states its length; warcio yields a header cut short without one.
                if record.format == "warc" and record.rec_headers.get_header("Content-Length") is None:
                    raise ValueError("record header cut short (no Content-Length)")
            except StopIteration:
                break
            except Exception as exc:  # warcio raises many kinds on a damaged file: all mean "stop here"
                counts["corrupt"] += 1
                reason = f"{CORRUPT_REASON}: {str(exc).strip() or type(exc).__name__}"
                yield error_row(f"{origin}@{records.offset}", reason)
                break
            out = _from_record(record, f"{origin}@{records.offset}", max_bytes)
            cut = isinstance(out, ErrorRow) and out.reason.startswith(CORRUPT_REASON)
            counts["corrupt" if cut else "page" if out is not None else "skipped"] += 1
            if out is not None:
                yield out
        # warcio ends quietly at a cut: the last record is short of its length, or bytes are left over.
        if not counts["corrupt"] and ((record is not None and _short(record))
                                      or records.offset < os.fstat(fh.fileno()).st_size):
            counts["corrupt"] += 1
            yield error_row(f"{origin}@{records.offset}", f"{CORRUPT_REASON}: file ends inside a record")
    if not counts:
        raise IngestError("no WARC records in file")
    log.info("%s: %d HTML pages, %d other records skipped, %d corrupt", origin,
             counts["page"], counts["skipped"], counts["corrupt"])


def _from_record(record, where: str, max_bytes: int) -> Article | ErrorRow | None:
    """The Article (or ErrorRow) of one record, or None for a record that is not an HTML page."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() not in OK_STATUS:
        return None
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip("<> ")
    content_type = record.http_headers.get_header("Content-Type")
    kind = media_type(content_type)
    if kind and kind not in HTML_TYPES:
        return None
    body = record.content_stream().read(max_bytes + 1)  # undoes chunked and gzip transfer encodings
    if not kind and format_by_content(body[:SNIFF_BYTES]) != HTML:  # untyped: HTML only if it looks it
        return None
    article_id = url_id(url) if url else None
    if len(body) > max_bytes:
        return error_row(where, size_reason(max_bytes), article_id)
    if _short(record):  # the whole payload was read, yet the record is short: a cut file
        return error_row(where, f"{CORRUPT_REASON}: file ends inside this record", article_id)
    try:
        # The capture date stands in for a page that prints none: news crawls fetch pages within days.
        capture_date = normalise_date(record.rec_headers.get_header("WARC-Date"))
        html = decode_html(body, charset_of(content_type))
        if not url:
            raise IngestError("WARC response record has no WARC-Target-URI")
        return web_article(html, where, url, date=capture_date)
    except IngestError as exc:
        return error_row(where, exc.reason, article_id)


def _short(record) -> bool:
    """Whether a record ended before its declared length (warcio reads such a cut quietly)."""
    return getattr(record.raw_stream, "limit", 0) > 0  # a LimitReader counts down what is still due
