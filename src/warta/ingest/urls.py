"""URLs as input: one URL, or a URL list file (`*.urls`: one URL a line, `#` comments). Each URL is
fetched (fetch.py) and read as an HTML page, or as a feed when it serves one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..records import Article, ErrorRow
from .decoding import decode_html
from .errors import IngestError, error_row
from .feed import read_feed
from .fetch import Fetcher, Page
from .html_page import url_id, web_article
from .sniff import FEED, HTML, HTML_TYPES, SNIFF_BYTES, format_by_content

FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                        "application/xml", "text/xml"})


def is_url(item: str) -> bool:
    return item.lower().startswith(("http://", "https://"))


def read_url(url: str, fetcher: Fetcher) -> Iterator[Article | ErrorRow]:
    """The article at `url` (or a feed's articles); a failure is one ErrorRow with the URL as origin."""
    try:
        page = fetcher.get(url)
        yield from _read_page(page, url, fetcher)
    except IngestError as exc:
        yield error_row(url, exc.reason, url_id(url))


def _read_page(page: Page, url: str, fetcher: Fetcher) -> Iterator[Article | ErrorRow]:
    kind = page.media_type
    # Servers label feeds loosely (text/xml, even text/html), so the body's first bytes count too.
    sniffed = format_by_content(page.body[:SNIFF_BYTES])
    if kind in FEED_TYPES or sniffed == FEED:
        yield from read_feed(page.body, url, fetcher)
    elif kind in HTML_TYPES or (not kind and sniffed == HTML):
        yield web_article(decode_html(page.body, page.charset), url, url)
    else:
        raise IngestError(f"not an HTML page or a feed (Content-Type {kind or 'missing'})")


def read_url_list(path: Path, fetcher: Fetcher) -> Iterator[Article | ErrorRow]:
    """Every URL listed in a `.urls` file, one a line; blank lines and `#` comments are ignored."""
    def one(item: tuple[int, str]) -> list[Article | ErrorRow]:
        lineno, url = item
        if not is_url(url):
            return [error_row(f"{path}:{lineno}", f"not an http(s) URL: {url[:200]!r}")]
        return list(read_url(url, fetcher))

    with open(path, encoding="utf-8", errors="replace") as fh:
        # read line by line (lists may be long); fetched `concurrency` at a time, in list order
        lines = ((n, line.strip()) for n, line in enumerate(fh, start=1))
        for rows in fetcher.map(one, ((n, u) for n, u in lines if u and not u.startswith("#"))):
            yield from rows
