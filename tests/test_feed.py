"""RSS and Atom feeds: items' pages fetched from a real server on 127.0.0.1, or, offline or when a
page fails, the item's own title and summary. Plus the one CLI run over web inputs."""

from __future__ import annotations

import json
import subprocess
import sys

import duckdb
import pytest

from local_site import WORDS, Reply, Site, article_page, sample_page
from warta import api
from warta.ingest import read_inputs
from warta.ingest.html_page import url_id
from warta.records import Article, ErrorRow

FAST = {"per_host_interval": 0.0, "backoff": 0.05, "retries": 1, "timeout": 3.0}


def rss(base: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Berita Dunia</title><link>{base}/</link><description>Berita</description>
<language>id-ID</language>
<item><title>Retno bertemu Wang Yi</title><link>{base}/berita/1</link>
  <pubDate>Tue, 05 Mar 2024 23:30:00 +0700</pubDate>
  <description>&lt;p&gt;Menlu Retno Marsudi bertemu Menlu China Wang Yi di Jakarta.&lt;/p&gt;&lt;p&gt;Keduanya membahas kerja sama.&lt;/p&gt;</description></item>
<item><title>Presiden mengecam serangan</title><link>{base}/berita/2</link>
  <pubDate>Wed, 06 Mar 2024 08:00:00 +0700</pubDate>
  <description>Presiden Joko Widodo mengecam serangan terhadap warga sipil di Gaza.</description></item>
<item><title></title><link>{base}/berita/3</link><description></description></item>
</channel></rss>"""


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>World news</title><id>urn:feed:1</id>
<updated>2024-03-07T10:00:00Z</updated>
<entry><title>Minister meets counterpart</title><id>urn:entry:1</id><updated>2024-03-07T10:00:00Z</updated>
  <link href="http://127.0.0.1:9/news/1"/>
  <summary>The foreign minister met her Chinese counterpart in Jakarta on Tuesday.</summary>
  <content type="html">&lt;p&gt;The foreign minister met her Chinese counterpart in Jakarta on Tuesday.&lt;/p&gt;
  &lt;p&gt;They discussed trade and regional security.&lt;/p&gt;</content></entry>
</feed>"""


@pytest.fixture
def site():
    with Site() as s:
        yield s


def test_items_pages_are_fetched_else_summaries(site, tmp_path):
    site.routes["/berita/1"] = Reply(body=article_page("Retno bertemu Wang Yi di Jakarta", WORDS))
    # /berita/2 and /berita/3 are 404: the first falls back on its summary, the other has nothing
    feed = tmp_path / "dunia.rss"
    feed.write_text(rss(site.base), encoding="utf-8")
    page, summary, empty = read_inputs([str(feed)], fetch=FAST)
    assert isinstance(page, Article)
    assert page.title == "Retno bertemu Wang Yi di Jakarta"  # the page's own title
    assert "kerja sama ekonomi dan keamanan" in page.text  # the page's text, not the summary
    assert page.date == "2024-03-05"  # the feed's date (the page has none), the publisher's local day
    assert page.id == url_id(site.url("/berita/1")) and page.url == site.url("/berita/1")
    assert page.origin == f"{feed}#1"
    assert isinstance(summary, Article)
    assert summary.text == ("Presiden mengecam serangan\n\n"
                            "Presiden Joko Widodo mengecam serangan terhadap warga sipil di Gaza.")
    assert summary.origin == f"{feed}#2 summary (page not used: HTTP 404)"
    assert summary.id == url_id(site.url("/berita/2")) and summary.date == "2024-03-06"
    assert summary.lang == "id"  # the feed's <language>: detection is unsure on a summary this short
    assert isinstance(empty, ErrorRow)
    assert empty.reason == "feed item has neither a usable page (HTTP 404) nor a summary"
    # each item's page asked for once (fetched `concurrency` at a time: in any order)
    assert sorted(p for p in site.paths() if p.startswith("/berita")) == ["/berita/1", "/berita/2", "/berita/3"]


def test_offline_feed_gives_summaries_and_fetches_nothing(site, tmp_path):
    feed = tmp_path / "dunia.xml"  # .xml: recognised as a feed by its content
    feed.write_text(rss(site.base), encoding="utf-8")
    first, second, third = read_inputs([str(feed)], offline=True)
    assert site.hits == []
    assert first.text == ("Retno bertemu Wang Yi\n\nMenlu Retno Marsudi bertemu Menlu China Wang Yi di Jakarta."
                          "\n\nKeduanya membahas kerja sama.")  # HTML of the summary made plain, paragraphs kept
    assert first.origin.endswith("#1 summary (page not used: not fetched: offline (--offline))")
    assert first.id == url_id(site.url("/berita/1"))  # a later online run replaces it with the page
    assert second.date == "2024-03-06"
    assert isinstance(third, ErrorRow)


def test_atom_feed_uses_content_and_updated(tmp_path):
    feed = tmp_path / "world.atom"
    feed.write_text(ATOM, encoding="utf-8")
    [art] = read_inputs([str(feed)], offline=True)
    assert art.title == "Minister meets counterpart" and art.date == "2024-03-07"
    assert art.text.endswith("on Tuesday.\n\nThey discussed trade and regional security.")  # content, the longer
    assert art.url == "http://127.0.0.1:9/news/1" and art.lang is None  # no language declared


def test_not_a_feed(tmp_path):
    (tmp_path / "bad.rss").write_text("<html><body>not a feed</body></html>", encoding="utf-8")
    (tmp_path / "empty.rss").write_text('<rss version="2.0"><channel><title>x</title></channel></rss>',
                                        encoding="utf-8")
    bad, empty = read_inputs([str(tmp_path / "bad.rss"), str(tmp_path / "empty.rss")], offline=True)
    assert isinstance(bad, ErrorRow) and bad.reason.startswith("not an RSS or Atom feed")
    assert isinstance(empty, ErrorRow) and empty.reason == "feed has no items"


def test_feed_by_url_through_api(site, tmp_path):
    _, page = sample_page()
    site.routes["/rss"] = Reply(body=rss(site.base).encode(), content_type="application/rss+xml")
    site.routes["/berita/1"] = Reply(body=page)
    db = tmp_path / "w.duckdb"
    report = api.ingest([site.url("/rss")], db=db, fetch=FAST)
    assert (report.articles, report.coded, report.failed) == (3, 2, 1)
    con = duckdb.connect(str(db), read_only=True)
    rows = dict(con.execute("SELECT id, origin FROM articles").fetchall())
    assert rows[url_id(site.url("/berita/1"))] == site.url("/rss") + "#1"
    assert rows[url_id(site.url("/berita/2"))].startswith(site.url("/rss") + "#2 summary")
    codes = {r[0] for r in con.execute("SELECT code FROM events WHERE article_id = ?",
                                       [url_id(site.url("/berita/1"))]).fetchall()}
    assert "041" in codes  # the sample article's phone call, coded from the fetched page


def test_cli_ingests_web_inputs(site, tmp_path):
    """`warta ingest` over a URL list and a feed, with the [fetch] settings from warta.toml."""
    _, page = sample_page()
    site.routes["/putin-erdogan"] = Reply(body=page)
    (tmp_path / "warta.toml").write_text("[fetch]\nper_host_interval = 0.0\nretries = 0\n", encoding="utf-8")
    (tmp_path / "hari-ini.urls").write_text(f"{site.url('/putin-erdogan')}\n{site.url('/hilang')}\n", encoding="utf-8")
    (tmp_path / "dunia.rss").write_text(rss(site.base), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "warta", "ingest", "hari-ini.urls", "dunia.rss", "--offline",
                          "--db", "w.duckdb", "--quiet"], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert run.returncode == 0, run.stderr
    assert site.hits == []  # --offline: the URLs are errors, the feed items summaries
    assert "offline" in run.stderr
    run = subprocess.run([sys.executable, "-m", "warta", "code", "hari-ini.urls", "--format", "jsonl"],
                         capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert run.returncode == 0, run.stderr
    events = [json.loads(line) for line in run.stdout.splitlines()]
    assert {e["article_id"] for e in events} == {url_id(site.url("/putin-erdogan"))}
    assert f"{site.url('/hilang')}: ingest: HTTP 404" in run.stderr
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2  # two feed summaries
    assert con.execute("SELECT count(*) FROM errors").fetchone()[0] == 3  # two URLs, one empty item
