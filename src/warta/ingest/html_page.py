"""HTML pages: the article text and metadata that trafilatura extracts."""

from __future__ import annotations

import hashlib
import re

from ..records import Article, content_id
from .dates import normalise_date
from .errors import IngestError

NO_TEXT_REASON = "no article text found in HTML page"
MIN_WORDS = 6  # words in the longest line of a page that has an article
# The page's own language tag, a cheap hint that trafilatura's metadata does not give.
_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})\b""", re.I)


def article_from_html(html: str, origin: str) -> Article:
    """The article in an HTML page; raises IngestError when the page has no article text."""
    import trafilatura  # imported here because it is slow to import and only HTML needs it
    from trafilatura.settings import set_date_params

    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,  # reader comments are not article text
            include_images=False,
            include_links=False,
            # No extensive date search: it falls back on copyright years and such, giving 1 January.
            date_extraction_params=set_date_params(extensive=False),
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup: all mean "no article"
        raise IngestError(f"{NO_TEXT_REASON} ({type(exc).__name__})") from exc
    raw = (getattr(doc, "text", None) or "") if doc is not None else ""
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    # trafilatura's fallback returns menu and link text for pages without an article; those lines
    # are a word or two, while any article has at least one sentence-length line.
    if not any(len(line.split()) >= MIN_WORDS for line in lines):
        raise IngestError(NO_TEXT_REASON)
    # One line per block element (<p>, <h1>, <li>) in trafilatura's output: each is a paragraph,
    # so blank lines between them tell later stages these breaks are hard.
    text = "\n\n".join(lines)
    title = (doc.title or "").strip()
    m = _HTML_LANG.search(html[:4096])
    return Article(
        id=content_id(text, title),
        text=text,
        title=title,
        date=normalise_date(doc.date),
        url=doc.url or "",
        lang=m.group(1).lower() if m else None,
        origin=origin,
    )


def url_id(url: str) -> str:
    """Stable id for a page from the web: a hash of its URL, known before the page is read, so a
    rerun gives the same id and a newer copy of the page (a recrawl, a refetch) replaces the older."""
    return "url:" + hashlib.sha1(url.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def web_article(html: str, origin: str, url: str, *, date: str | None = None, title: str = "") -> Article:
    """The article of a page fetched from `url` (or archived from it): id from the URL, and `date`
    and `title` (from a WARC header or a feed item) where the page itself gives none."""
    art = article_from_html(html, origin)
    art.id = url_id(url)
    art.url = url
    art.date = art.date or date
    art.title = art.title or title
    return art
