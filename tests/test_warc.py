"""WARC and WARC.gz inputs, written here with warcio's own writer: HTML responses become articles,
everything else is skipped, and corrupt or truncated files keep what came before the damage."""

from __future__ import annotations

import gzip
import io

import duckdb
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from local_site import WORDS, article_page, sample_page
from warta import api
from warta.ingest import read_inputs
from warta.ingest.html_page import url_id
from warta.records import Article, ErrorRow

CAPTURED = "2024-03-06T01:02:03Z"


def _response(writer, url, body, *, status="200 OK", content_type="text/html; charset=utf-8", date=CAPTURED):
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                     warc_headers_dict={"WARC-Date": date})


def write_crawl(path, *, gz: bool) -> list[str]:
    """A small crawl like real ones: warcinfo, request/response pairs, non-HTML, redirect, revisit,
    metadata. Returns the URLs of the HTML article pages, in order."""
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "test"}))
        pages = []
        for n in range(3):
            url = f"https://berita.example.id/2024/03/05/retno-wang-yi-{n}"
            w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
                                                warc_content_type="application/http; msgtype=request"))
            page = article_page(f"Retno bertemu Wang Yi bagian {n}", WORDS + [f"Ini adalah bagian nomor {n} dari laporan."],
                                date="2024-03-05" if n != 1 else "")
            w.write_record(_response(w, url, page))
            pages.append(url)
        w.write_record(_response(w, "https://berita.example.id/logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
                                 content_type="image/png"))
        w.write_record(_response(w, "https://berita.example.id/lama", b"", status="301 Moved Permanently"))
        w.write_record(_response(w, "https://berita.example.id/404", article_page("Tidak ada", WORDS),
                                 status="404 Not Found"))
        w.write_record(w.create_revisit_record(pages[0], digest="sha1:AAAA", refers_to_uri=pages[0],
                                               refers_to_date=CAPTURED))
        w.write_record(w.create_warc_record(pages[0], "metadata", payload=io.BytesIO(b"fetchTimeMs: 12\n"),
                                            warc_content_type="application/warc-fields"))
        # a page with no article in it: an error row for that record only
        w.write_record(_response(w, "https://berita.example.id/", b"<html><body><nav>Beranda</nav></body></html>"))
        # an old page in a legacy charset, declared in the HTTP header only
        latin = ("<html><head><title>Caf\u00e9 di Paris</title></head><body><article><h1>Caf\u00e9 di Paris</h1>"
                 "<p>Presiden Prancis menerima delegasi Indonesia di sebuah caf\u00e9 di Paris pada hari Senin.</p>"
                 "</article></body></html>").encode("latin-1")
        w.write_record(_response(w, "https://berita.example.id/cafe", latin, content_type="text/html; charset=iso-8859-1"))
        pages.append("https://berita.example.id/cafe")
    return pages


def read(*inputs):
    return list(read_inputs([str(i) for i in inputs], offline=True))


@pytest.mark.parametrize("name,gz", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_html_responses_become_articles(tmp_path, name, gz):
    path = tmp_path / name
    pages = write_crawl(path, gz=gz)
    records = read(path)
    arts = [r for r in records if isinstance(r, Article)]
    errs = [r for r in records if isinstance(r, ErrorRow)]
    assert [a.url for a in arts] == pages
    assert [a.id for a in arts] == [url_id(u) for u in pages]  # known from the header, the same every run
    assert arts[0].title == "Retno bertemu Wang Yi bagian 0" and "Wang Yi di Jakarta" in arts[0].text
    assert "Beranda" not in arts[0].text
    assert arts[0].date == "2024-03-05"  # the page's own date...
    assert arts[1].date == "2024-03-06"  # ...else the capture date
    assert arts[-1].title == "Caf\u00e9 di Paris" and "caf\u00e9 di Paris" in arts[-1].text
    assert all(a.origin.startswith(f"{path}@") for a in arts)
    # request, image, redirect, 404, revisit, metadata and warcinfo records are skipped, not errors
    assert [(e.reason, e.article_id) for e in errs] == [("no article text found in HTML page",
                                                          url_id("https://berita.example.id/"))]


def test_gzip_and_plain_give_the_same_articles(tmp_path):
    write_crawl(tmp_path / "a.warc", gz=False)
    write_crawl(tmp_path / "b.warc.gz", gz=True)
    plain = [(r.id, r.text) for r in read(tmp_path / "a.warc") if isinstance(r, Article)]
    packed = [(r.id, r.text) for r in read(tmp_path / "b.warc.gz") if isinstance(r, Article)]
    assert plain == packed and len(plain) == 4


def test_truncated_gzip_warc_keeps_the_records_before_the_cut(tmp_path):
    whole = tmp_path / "whole.warc.gz"
    pages = write_crawl(whole, gz=True)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) * 2 // 3])  # a download that stopped two thirds of the way
    records = read(cut)
    arts = [r for r in records if isinstance(r, Article)]
    assert [a.url for a in arts] == pages[:3]
    last = records[-1]
    assert isinstance(last, ErrorRow) and last.reason.startswith("corrupt or truncated WARC record")
    assert last.origin.startswith(f"{cut}@")


@pytest.mark.parametrize("gz", [True, False])
def test_a_cut_anywhere_is_reported_never_silent(tmp_path, gz):
    whole = tmp_path / ("whole.warc.gz" if gz else "whole.warc")
    pages = write_crawl(whole, gz=gz)
    data = whole.read_bytes()
    for tenth in range(1, 10):
        cut = tmp_path / f"cut{tenth}.warc{'.gz' if gz else ''}"
        cut.write_bytes(data[: len(data) * tenth // 10])
        records = read(cut)
        urls = [r.url for r in records if isinstance(r, Article)]
        assert urls == pages[: len(urls)] and len(urls) < len(pages)  # what came before, in order
        assert sum(isinstance(r, ErrorRow) and r.reason.startswith("corrupt or truncated") for r in records) == 1, \
            (tenth, records[-1])


def test_garbage_between_records_is_an_error_row_after_the_good_ones(tmp_path):
    whole = tmp_path / "whole.warc"
    pages = write_crawl(whole, gz=False)
    data = whole.read_bytes()
    second_page = data.index(b"WARC-Target-URI: " + pages[1].encode())
    start = data.rindex(b"WARC/1.", 0, second_page)
    bad = tmp_path / "bad.warc"
    bad.write_bytes(data[:start] + b"this is not a WARC record\r\n\r\n" + data[start:])
    records = read(bad)
    assert [r.url for r in records if isinstance(r, Article)] == pages[:1]
    assert isinstance(records[-1], ErrorRow) and "corrupt or truncated" in records[-1].reason


def test_not_a_warc_and_empty_warc(tmp_path):
    (tmp_path / "junk.warc.gz").write_bytes(gzip.compress(b"hello, not a crawl\n" * 10))
    (tmp_path / "empty.warc").write_bytes(b"")
    junk, empty = read(tmp_path / "junk.warc.gz", tmp_path / "empty.warc")
    assert isinstance(junk, ErrorRow) and "corrupt or truncated WARC" in junk.reason
    assert isinstance(empty, ErrorRow) and empty.reason == "no WARC records in file"


def test_warc_found_by_content_and_in_folders(tmp_path):
    (tmp_path / "crawl").mkdir()
    write_crawl(tmp_path / "crawl" / "part-1.warc.gz", gz=True)
    write_crawl(tmp_path / "capture.dat", gz=False)  # unknown extension: recognised by its first line
    by_folder = [r for r in read(tmp_path / "crawl") if isinstance(r, Article)]
    by_content = [r for r in read(tmp_path / "capture.dat") if isinstance(r, Article)]
    assert len(by_folder) == len(by_content) == 4


def test_oversized_record_is_an_error_row(tmp_path):
    path = tmp_path / "big.warc.gz"
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        w.write_record(_response(w, "https://x.example/big", article_page("Besar", WORDS * 2000)))
        w.write_record(_response(w, "https://x.example/small", article_page("Kecil", WORDS)))
    records = list(read_inputs([str(path)], fetch={"max_bytes": 100_000}))
    assert isinstance(records[0], ErrorRow) and records[0].reason == "larger than 0.1 MB (fetch.max_bytes)"
    assert isinstance(records[1], Article) and records[1].title == "Kecil"


def test_warc_through_api_ingest(tmp_path):
    title, page = sample_page()
    path = tmp_path / "news.warc.gz"
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        w.write_record(_response(w, "https://berita.example.id/putin-erdogan", page))
        w.write_record(_response(w, "https://berita.example.id/", b"<html><body><nav>Menu</nav></body></html>"))
    db = tmp_path / "w.duckdb"
    report = api.ingest([path], db=db)
    assert (report.articles, report.coded, report.failed) == (2, 1, 1)
    again = api.ingest([path], db=db)  # a rerun replaces, never duplicates
    assert again.coded == 1
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT id, title, date FROM articles").fetchall() == [
        (url_id("https://berita.example.id/putin-erdogan"), title, "2023-10-12")]
    assert con.execute("SELECT count(*) FROM errors").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] >= 7
