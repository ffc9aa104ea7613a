"""RSS and Atom feeds (feedparser): one Article per item.

Online, each item's page is fetched and its article extracted; offline, or when that fails, the
item's own title and summary (or content) are the article, and its origin ends in " summary" (with
the reason the page was not used). The item's published (else updated) date is the fallback date.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from ..records import Article, ErrorRow, content_id
from .dates import normalise_date
from .decoding import decode_html
from .errors import IngestError, error_row
from .fetch import Fetcher
from .html_page import url_id, web_article

NOT_A_FEED = "not an RSS or Atom feed"
SUMMARY = "summary"  # the origin's last word for an article made from the feed item itself
# Elements after which the text of a summary breaks, so paragraphs stay paragraphs.
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


def read_feed(data: bytes, origin: str, fetcher: Fetcher) -> Iterator[Article | ErrorRow]:
    """Articles for the items of one feed document; raises IngestError when it is not a feed."""
    import feedparser

    # A file object, never a string: feedparser would fetch a string that looks like a URL itself.
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        if not parsed.get("version"):
            problem = parsed.get("bozo_exception")
            raise IngestError(f"{NOT_A_FEED}" + (f" ({problem})" if problem else ""))
        raise IngestError("feed has no items")
    feed_lang = parsed.feed.get("language")

    def one(numbered) -> Article | ErrorRow:
        n, entry = numbered
        return _item(entry, f"{origin}#{n}", fetcher, _lang(entry.get("language") or feed_lang))

    # the items' pages are fetched `concurrency` at a time, and kept in the feed's order
    yield from fetcher.map(one, enumerate(parsed.entries, start=1))


def _lang(tag: str | None) -> str | None:
    """"id-ID" -> "id": the feed's declared language, a better guide than detection on a short summary."""
    code = (tag or "").strip().lower().replace("_", "-").split("-")[0]
    return code if code.isalpha() and 2 <= len(code) <= 3 else None


def _item(entry, where: str, fetcher: Fetcher, lang: str | None) -> Article | ErrorRow:
    link = (entry.get("link") or "").strip()
    title = (entry.get("title") or "").strip()
    date = normalise_date(entry.get("published") or entry.get("updated"))
    why = "no link"
    if link:
        try:
            page = fetcher.get(link)
            art = web_article(decode_html(page.body, page.charset), where, link, date=date, title=title)
            art.lang = art.lang or lang
            return art
        except IngestError as exc:
            why = exc.reason
    text = _summary_text(entry)
    if not text and not title:
        return error_row(where, f"feed item has neither a usable page ({why}) nor a summary",
                         url_id(link) if link else None)
    body = "\n\n".join(part for part in (title, text) if part)
    # The same id as the fetched page would get, so a later online run replaces the summary.
    key = link or (entry.get("id") or "").strip()  # the item's guid when it has no link
    article_id = url_id(key) if key else content_id(body, title)
    return Article(id=article_id, text=body, title=title, date=date, url=link, lang=lang,
                   origin=f"{where} {SUMMARY} (page not used: {why})")


def _summary_text(entry) -> str:
    """Plain text of the item's longest content or summary (feeds often carry HTML there)."""
    candidates = [c.get("value", "") for c in entry.get("content") or []] + [entry.get("summary") or ""]
    html = max(candidates, key=len).strip()
    if not html:
        return ""
    from lxml import html as lxml_html  # lxml comes with trafilatura

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises several kinds on junk; the raw text is then the best there is
        return html
    for el in root.iter(*_BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n\n"))
    return "\n\n".join(line for line in lines if line)
