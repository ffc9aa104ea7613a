"""URL inputs against a real HTTP server on 127.0.0.1: pages, errors, retries, timeouts, size limit,
per-host pace, robots.txt, offline; through warta.ingest and warta.api."""

from __future__ import annotations

import gzip

import duckdb
import pytest

from local_site import WORDS, Reply, Site, article_page, sample_page
from warta import api
from warta.ingest import read_inputs
from warta.ingest.html_page import url_id
from warta.records import Article, ErrorRow, Result

# Quick settings for tests: no pause between requests, short backoff; tests that check one of these
# set it themselves.
FAST = {"per_host_interval": 0.0, "backoff": 0.05, "retries": 2, "timeout": 3.0}


@pytest.fixture
def site():
    with Site() as s:
        yield s


def read(*inputs, **fetch):
    offline = fetch.pop("offline", False)
    return list(read_inputs(list(inputs), offline=offline, fetch={**FAST, **fetch}))


def test_page_is_fetched_and_extracted(site):
    site.routes["/berita/1"] = Reply(body=article_page("Retno bertemu Wang Yi", WORDS, date="2024-03-05"))
    [art] = read(site.url("/berita/1"))
    assert isinstance(art, Article)
    assert art.title == "Retno bertemu Wang Yi"
    assert "Wang Yi di Jakarta" in art.text and "Beranda" not in art.text  # the article, not the menu
    assert art.url == art.origin == site.url("/berita/1")
    assert art.id == url_id(site.url("/berita/1"))  # the same id on every run
    assert art.date == "2024-03-05" and art.lang == "id"
    # robots.txt first (404 here: no rules), then the page, each with warta's User-Agent
    assert site.paths() == ["/robots.txt", "/berita/1"]
    assert all(h.user_agent.startswith("warta/") for h in site.hits)


def test_404_is_an_error_row_and_not_retried(site):
    [err] = read(site.url("/hilang"))
    assert isinstance(err, ErrorRow)
    assert err.reason == "HTTP 404" and err.origin == site.url("/hilang") and err.stage == "ingest"
    assert err.article_id == url_id(site.url("/hilang"))
    assert site.paths().count("/hilang") == 1


def test_server_error_then_success_is_retried(site):
    page = Reply(body=article_page("Retno bertemu Wang Yi", WORDS))
    site.routes["/flaky"] = [Reply(500, b"oops", "text/plain"), Reply(503, b"busy", "text/plain"), page]
    [art] = read(site.url("/flaky"))
    assert isinstance(art, Article) and "Wang Yi" in art.text
    assert site.paths().count("/flaky") == 3


def test_retries_give_up_with_the_last_reason(site):
    site.routes["/down"] = Reply(503, b"busy", "text/plain")
    [err] = read(site.url("/down"), retries=1)
    assert err.reason == "HTTP 503 (after 2 tries)"
    assert site.paths().count("/down") == 2


def test_slow_server_times_out(site):
    site.routes["/slow"] = Reply(body=article_page("Lambat", WORDS), delay=2.0)
    [err] = read(site.url("/slow"), timeout=0.3, retries=0)
    assert isinstance(err, ErrorRow)
    assert err.reason == "timed out after 0.3 s (fetch.timeout)"


@pytest.mark.parametrize("send_length", [True, False])
def test_oversized_page_is_refused(site, send_length):
    big = article_page("Besar", WORDS * 2000)  # about 400 kB
    site.routes["/big"] = Reply(body=big, send_length=send_length)
    [err] = read(site.url("/big"), max_bytes=100_000)
    assert isinstance(err, ErrorRow)
    assert err.reason == "larger than 0.1 MB (fetch.max_bytes)"
    assert site.paths().count("/big") == 1  # a size problem is not retried


def test_size_limit_counts_decompressed_bytes(site):
    """A small gzip body that unpacks to megabytes (a 'zip bomb') is stopped at the limit too."""
    packed = gzip.compress(b"<html><body>" + b" " * 5_000_000 + b"</body></html>")
    site.routes["/bomb"] = Reply(body=packed, headers={"Content-Encoding": "gzip"})
    [err] = read(site.url("/bomb"), max_bytes=100_000)
    assert len(packed) < 100_000 and err.reason == "larger than 0.1 MB (fetch.max_bytes)"


def test_requests_to_one_host_keep_their_distance(site):
    urls = []
    for n in range(4):
        site.routes[f"/a{n}"] = Reply(body=article_page(f"Berita {n}", WORDS))
        urls.append(site.url(f"/a{n}"))
    records = read(*urls, per_host_interval=0.3)
    assert all(isinstance(r, Article) for r in records) and len(records) == 4
    arrivals = [h.at for h in site.hits]
    assert len(arrivals) == 5  # robots.txt and four pages
    gaps = [b - a for a, b in zip(arrivals, arrivals[1:])]
    # Behaviour, not speed: the server never saw two requests closer than the interval (less
    # scheduling slack between the client's clock and the server thread's).
    assert min(gaps) >= 0.3 - 0.05, gaps


def test_robots_txt_is_honoured(site):
    site.routes["/robots.txt"] = Reply(body=b"User-agent: warta\nDisallow: /private/\n", content_type="text/plain")
    site.routes["/private/1"] = Reply(body=article_page("Rahasia", WORDS))
    site.routes["/public/1"] = Reply(body=article_page("Terbuka", WORDS))
    err, art = read(site.url("/private/1"), site.url("/public/1"))
    assert isinstance(err, ErrorRow) and "robots.txt" in err.reason
    assert isinstance(art, Article) and art.title == "Terbuka"
    assert site.paths() == ["/robots.txt", "/public/1"]  # robots.txt once per host; the private page never


def test_not_html_is_an_error(site):
    site.routes["/foto.png"] = Reply(body=b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, content_type="image/png")
    [err] = read(site.url("/foto.png"))
    assert err.reason == "not an HTML page or a feed (Content-Type image/png)"


def test_page_in_a_declared_legacy_charset(site):
    text = ["Pemerintah Prancis menyambut delegasi Indonesia di Paris untuk membahas kerja sama café dan kopi.",
            "Pertemuan itu dihadiri para menteri dan pengusaha dari kedua negara pada hari Senin."]
    body = article_page("Kopi à la française", text).replace(b'<meta charset="utf-8">', b"")
    site.routes["/latin"] = Reply(body=body.decode("utf-8").encode("latin-1"),
                                  content_type="text/html; charset=ISO-8859-1")
    [art] = read(site.url("/latin"))
    assert art.title == "Kopi à la française" and "café" in art.text


def test_offline_fetches_nothing(site):
    site.routes["/berita/1"] = Reply(body=article_page("Retno bertemu Wang Yi", WORDS))
    [err] = read(site.url("/berita/1"), offline=True)
    assert isinstance(err, ErrorRow) and "offline" in err.reason
    assert site.hits == []


def test_connection_refused_is_an_error_row():
    with Site() as gone:
        url = gone.url("/x")
    [err] = read(url, retries=1)
    assert isinstance(err, ErrorRow) and err.reason.startswith("connection failed")
    assert err.reason.endswith("(after 2 tries)")


def test_bad_fetch_settings_are_refused_up_front():
    with pytest.raises(ValueError, match="unknown key"):
        read_inputs(["x.txt"], fetch={"time_out": 3})
    with pytest.raises(ValueError, match="retries must be int"):
        read_inputs(["x.txt"], fetch={"retries": "3"})


def test_redirect_loop_is_an_error_row(site):
    site.routes["/loop"] = Reply(302, b"", headers={"Location": "/loop"})
    [err] = read(site.url("/loop"))
    assert isinstance(err, ErrorRow) and err.reason.startswith("fetch failed: Exceeded maximum")


def test_url_list_through_api_ingest(site, tmp_path):
    """A *.urls file: good pages are coded into the store, failures are rows in its errors table."""
    title, page = sample_page()
    site.routes["/putin-erdogan"] = Reply(body=page)
    site.routes["/flaky"] = [Reply(502, b"", "text/plain"), Reply(body=article_page("Retno bertemu Wang Yi", WORDS))]
    listing = tmp_path / "today.urls"
    listing.write_text(f"# berita hari ini\n{site.url('/putin-erdogan')}\n\n{site.url('/hilang')}\n"
                       f"ftp://example.invalid/x\n{site.url('/flaky')}\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    report = api.ingest([listing], db=db, fetch=FAST)
    assert report.articles == 4 and report.failed == 2 and report.coded == 2
    con = duckdb.connect(str(db), read_only=True)
    arts = dict(con.execute("SELECT url, id FROM articles").fetchall())
    assert arts == {site.url("/putin-erdogan"): url_id(site.url("/putin-erdogan")),
                    site.url("/flaky"): url_id(site.url("/flaky"))}
    errors = sorted(con.execute("SELECT origin, reason FROM errors").fetchall())
    assert errors == sorted([(site.url("/hilang"), "HTTP 404"),
                             (f"{listing}:5", "not an http(s) URL: 'ftp://example.invalid/x'")])
    n_events = con.execute("SELECT count(*) FROM events WHERE article_id = ?",
                           [url_id(site.url("/putin-erdogan"))]).fetchone()[0]
    assert n_events >= 7  # the sample article's required events, coded from the fetched page


def test_url_through_api_code(site):
    _, page = sample_page()
    site.routes["/putin-erdogan"] = Reply(body=page)
    events = api.code([site.url("/putin-erdogan")], fetch=FAST)
    pairs = {(e.source, e.target) for e in events if e.code == "041"}
    assert {("RUSGOV", "TURGOV"), ("TURGOV", "RUSGOV")} <= pairs
    assert {e.article_id for e in events} == {url_id(site.url("/putin-erdogan"))}
    assert {e.date for e in events} == {"2023-10-12"}


def test_url_list_fetches_hosts_at_once_in_list_order_and_stays_polite(tmp_path):
    """`concurrency`: pages of two hosts overlap, results keep the list's order, and one host's
    requests still keep per_host_interval apart."""
    with Site() as a, Site() as b:
        urls = []
        for n in range(3):
            for s, name in ((a, "a"), (b, "b")):
                s.routes[f"/{name}{n}"] = Reply(body=article_page(f"Berita {name}{n}", WORDS), delay=0.4)
                urls.append(s.url(f"/{name}{n}"))
        listing = tmp_path / "two-hosts.urls"
        listing.write_text("\n".join(urls) + "\n", encoding="utf-8")
        records = read(str(listing), per_host_interval=0.3, concurrency=4)
        assert [r.url for r in records] == urls  # the list's order, whatever finished first
        pages_a = [h.at for h in a.hits if h.path != "/robots.txt"]
        pages_b = [h.at for h in b.hits if h.path != "/robots.txt"]
        # Behaviour, not speed: host b got a page request while host a was still answering one
        # (each takes 0.4 s), so the hosts were fetched at once, not one after the other.
        assert any(x <= y < x + 0.4 for x in pages_a for y in pages_b)
        for hits in (a.hits, b.hits):
            arrivals = sorted(h.at for h in hits)
            assert min(y - x for x, y in zip(arrivals, arrivals[1:])) >= 0.3 - 0.05


def test_concurrency_one_fetches_one_page_at_a_time(tmp_path):
    with Site() as a, Site() as b:
        for s, name in ((a, "a"), (b, "b")):
            s.routes[f"/{name}"] = Reply(body=article_page(f"Berita {name}", WORDS), delay=0.3)
        listing = tmp_path / "two.urls"
        listing.write_text(f"{a.url('/a')}\n{b.url('/b')}\n", encoding="utf-8")
        records = read(str(listing), concurrency=1)
        assert [r.url for r in records] == [a.url("/a"), b.url("/b")]
        page_a = next(h.at for h in a.hits if h.path == "/a")
        assert all(h.at >= page_a + 0.3 - 0.05 for h in b.hits)  # b only after a's page was answered


def test_requests_go_through_the_configured_proxy(site):
    """`proxy`: the local server plays the proxy; news.example resolves nowhere, so the page can
    only come through it (the proxy sees the absolute URL of each request)."""
    site.routes["http://news.example/berita"] = Reply(body=article_page("Retno bertemu Wang Yi", WORDS))
    records = read("http://news.example/berita", proxy=site.base)
    assert [type(r) for r in records] == [Article] and records[0].url == "http://news.example/berita"
    assert "http://news.example/berita" in site.paths()


def test_proxy_from_the_environment(site, monkeypatch):
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", site.base)
    site.routes["http://news.example/berita"] = Reply(body=article_page("Retno bertemu Wang Yi", WORDS))
    assert [type(r) for r in read("http://news.example/berita", proxy="env")] == [Article]
    # without `proxy = "env"` the environment is not used: the name does not resolve
    assert [type(r) for r in read("http://news.example/berita", retries=0)] == [ErrorRow]


def test_a_bad_proxy_setting_is_refused_up_front():
    with pytest.raises(ValueError, match="proxy"):
        read("http://news.example/berita", proxy="proxy.example:3128")
