"""Tests for warta.ingest: text, HTML, JSONL(.gz), folders, stdin, and bad inputs."""

from __future__ import annotations

import gzip
import io
import shutil
import sys
from pathlib import Path

import pytest

from warta.ingest import IngestError, read_inputs
from warta.ingest.dates import normalise_date
from warta.records import Article, ErrorRow, content_id

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "putin-erdogan-call.txt"
SAMPLE_TITLE = "Putin Mengungkapkan Prihatin terhadap Banyaknya Korban Jiwa di Israel-Gaza"


def read_all(*inputs, **kw):
    return list(read_inputs(list(inputs), **kw))


def only(records):
    assert len(records) == 1, records
    return records[0]


# --- plain text ---------------------------------------------------------------------------------


def test_txt_title_is_first_line_and_text_is_whole_file():
    art = only(read_all(DATA / "simple.txt"))
    assert isinstance(art, Article)
    assert art.title == "Menlu Retno Bertemu Menlu China di Jakarta"
    assert art.text == (DATA / "simple.txt").read_bytes().decode("utf-8")
    assert art.origin == str(DATA / "simple.txt")
    assert art.id == content_id(art.text, art.title)
    assert art.date is None and art.url == "" and art.lang is None


def test_sample_text_offsets_are_file_offsets():
    art = only(read_all(SAMPLE))
    raw = SAMPLE.read_bytes().decode("utf-8")
    assert art.title == SAMPLE_TITLE
    assert art.text == raw
    i = art.text.index("Vladimir Putin")
    assert raw[i : i + len("Vladimir Putin")] == "Vladimir Putin"


def test_txt_title_skips_blank_lines_and_bom(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeff\n\n  Judul Berita  \r\nIsi berita.\r\n".encode("utf-8"))
    art = only(read_all(p))
    assert art.title == "Judul Berita"
    assert art.text.startswith("\ufeff\n\n  Judul")  # nothing is altered: offsets stay file offsets
    assert "\r\n" in art.text


# --- HTML ---------------------------------------------------------------------------------------


def test_html_article_text_and_metadata():
    art = only(read_all(DATA / "jokowi-albanese.html"))
    assert isinstance(art, Article), art
    assert art.title == "Jokowi Terima Kunjungan PM Australia di Istana Bogor"
    assert art.date == "2023-07-04"
    assert art.url == "https://warta.example/nasional/2023/07/04/jokowi-albanese"
    assert art.lang == "id"
    assert "Presiden Joko Widodo menerima kunjungan kenegaraan" in art.text
    assert "Ia berjanji akan kembali berkunjung ke Jakarta" in art.text
    assert "Beranda" not in art.text and "Tentang kami" not in art.text  # nav and footer are gone
    assert "\n\n" in art.text  # paragraphs stay apart
    assert art.id == content_id(art.text, art.title)


def test_html_without_article_is_an_error_row():
    row = only(read_all(DATA / "nav-only.html"))
    assert isinstance(row, ErrorRow)
    assert row.stage == "ingest"
    assert row.reason == "no article text found in HTML page"
    assert row.origin == str(DATA / "nav-only.html")
    assert row.article_id


def test_html_default_date_when_page_has_none(tmp_path):
    page = (DATA / "jokowi-albanese.html").read_text(encoding="utf-8")
    page = page.replace('<meta property="article:published_time" content="2023-07-04T09:30:00+07:00">', "")
    page = page.replace("Selasa, 4 Juli 2023", "Selasa").replace("/2023/07/04/", "/x/")
    p = tmp_path / "nodate.htm"
    p.write_text(page, encoding="utf-8")
    art = only(read_all(p, default_date="2023-07-05"))
    assert art.date == "2023-07-05"


# --- JSONL --------------------------------------------------------------------------------------


def check_jsonl_records(records, origin: str):
    arts = [r for r in records if isinstance(r, Article)]
    errs = [r for r in records if isinstance(r, ErrorRow)]
    assert [a.id for a in arts][:2] == ["a1", "42"]  # given ids kept, as strings
    a1, a42, a5 = arts
    assert a1.title == "Israel Serang Gaza" and a1.date == "2023-10-09"
    assert a1.url == "https://warta.example/a1" and a1.lang == "id"
    assert a1.origin == f"{origin}:1"
    assert a42.date == "2017-08-26" and a42.lang == "en" and a42.title == ""
    assert a5.date is None  # "not a date" is dropped, not guessed
    assert a5.id == content_id(a5.text, a5.title)
    assert a5.origin == f"{origin}:5"
    assert not hasattr(a1, "source") and "source" not in a1.to_dict()  # other fields are ignored
    assert [e.origin for e in errs] == [f"{origin}:3", f"{origin}:4", f"{origin}:7"]
    assert all(e.stage == "ingest" and e.kind == "error" and e.article_id for e in errs)
    assert "text" in errs[0].reason
    assert errs[1].reason.startswith("invalid JSON")
    assert errs[1].article_id == content_id('{"id": "a4", "text": "broken line", \n')
    assert errs[2].reason == "JSON line is not an object"
    # records come in line order
    assert [r.origin for r in records] == [f"{origin}:{n}" for n in (1, 2, 3, 4, 5, 7)]


def test_jsonl_lines_extra_fields_and_bad_lines():
    path = DATA / "articles.jsonl"
    check_jsonl_records(read_all(path), str(path))


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".json.gz"])
def test_jsonl_gz(tmp_path, suffix):
    path = tmp_path / f"articles{suffix}"
    with gzip.open(path, "wb") as fh:
        fh.write((DATA / "articles.jsonl").read_bytes())
    check_jsonl_records(read_all(path), str(path))


def test_jsonl_streams_lazily(tmp_path):
    path = tmp_path / "many.jsonl"
    path.write_text("".join(f'{{"id": {i}, "text": "teks {i}"}}\n' for i in range(1000)), encoding="utf-8")
    stream = read_inputs([path])
    assert next(stream).id == "0"
    assert next(stream).id == "1"


@pytest.mark.parametrize("name", ["page.html.gz", "article.txt.gz", "unknown.gz"])
def test_gzipped_text_and_html(tmp_path, name):
    source = DATA / ("jokowi-albanese.html" if "html" in name else "simple.txt")
    path = tmp_path / name
    path.write_bytes(gzip.compress(source.read_bytes()))
    art = only(read_all(path))
    assert isinstance(art, Article), art
    assert art.title == only(read_all(source)).title


def test_corrupt_gzip_is_an_error_row(tmp_path):
    path = tmp_path / "bad.jsonl.gz"
    data = gzip.compress(b'{"id": "1", "text": "satu"}\n' * 50)
    path.write_bytes(data[: len(data) // 2])
    records = read_all(path, tmp_path / "missing.txt")
    assert isinstance(records[-2], ErrorRow) and records[-2].origin == str(path)
    assert records[-1].reason == "no such file or directory"  # and reading went on


# --- folders, unknown extensions ----------------------------------------------------------------


def test_folder_mixed_sorted_recursive(tmp_path):
    root = tmp_path / "news"
    (root / "b-sub").mkdir(parents=True)
    shutil.copy(DATA / "simple.txt", root / "a.txt")
    shutil.copy(DATA / "jokowi-albanese.html", root / "b-sub" / "page.html")
    shutil.copy(DATA / "nav-only.html", root / "b-sub" / "nav.htm")
    shutil.copy(DATA / "articles.jsonl", root / "c.jsonl")
    with gzip.open(root / "d.jsonl.gz", "wb") as fh:
        fh.write(b'{"id": "gz1", "text": "Artikel dari arsip gz."}\n')
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")  # unknown extension: skipped
    (root / ".hidden.txt").write_text("Tersembunyi\nteks", encoding="utf-8")  # hidden: skipped
    records = read_all(root)
    origins = [r.origin.split(":")[0] for r in records]
    files = list(dict.fromkeys(origins))
    assert files == [str(root / "a.txt"), str(root / "b-sub" / "nav.htm"),
                     str(root / "b-sub" / "page.html"), str(root / "c.jsonl"), str(root / "d.jsonl.gz")]
    ids = [r.id for r in records if isinstance(r, Article)]
    assert "a1" in ids and "gz1" in ids
    assert sum(isinstance(r, ErrorRow) for r in records) == 4  # nav page + 3 bad JSONL lines


def test_empty_folder_is_reported(tmp_path):
    row = only(read_all(tmp_path))
    assert isinstance(row, ErrorRow) and row.origin == str(tmp_path)


@pytest.mark.parametrize(
    "content, kind",
    [
        (b"<!DOCTYPE html>\n" + (DATA / "jokowi-albanese.html").read_bytes().split(b"\n", 1)[1], "html"),
        (b'{"id": "s1", "text": "Teks JSON."}\n', "jsonl"),
        (b"Judul Tanpa Ekstensi\n\nIsi berita biasa.\n", "text"),
    ],
)
def test_unknown_extension_is_sniffed(tmp_path, content, kind):
    p = tmp_path / "input.dat"
    p.write_bytes(content)
    art = only(read_all(p))
    assert isinstance(art, Article)
    if kind == "html":
        assert art.date == "2023-07-04"
    elif kind == "jsonl":
        assert art.id == "s1" and art.origin == f"{p}:1"
    else:
        assert art.title == "Judul Tanpa Ekstensi"


# --- stdin --------------------------------------------------------------------------------------


def test_stdin_jsonl(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO('\n  {"id": "x1", "text": "Satu."}\n{"text": "Dua."}\nbad\n'))
    records = read_all("-")
    assert [type(r).__name__ for r in records] == ["Article", "Article", "ErrorRow"]
    assert records[0].id == "x1" and records[0].origin == "<stdin>:2"
    assert records[2].origin == "<stdin>:4"


def test_stdin_plain_text(monkeypatch):
    raw = SAMPLE.read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="ascii"))  # locale ignored
    art = only(read_all("-"))
    assert art.title == SAMPLE_TITLE
    assert art.text == raw.decode("utf-8")
    assert art.origin == "<stdin>"
    assert art.id == only(read_all(SAMPLE)).id  # same content, same id, whatever the source


def test_stdin_empty(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("   \n\n"))
    row = only(read_all("-"))
    assert isinstance(row, ErrorRow) and row.reason == "empty file"


# --- bad files ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name, content", [("empty.txt", b""), ("blank.txt", b"  \n\n\t\n"),
                                           ("empty.jsonl", b""), ("empty.html", b"")])
def test_empty_file(tmp_path, name, content):
    p = tmp_path / name
    p.write_bytes(content)
    row = only(read_all(p))
    assert isinstance(row, ErrorRow)
    assert row.reason == "empty file" and row.stage == "ingest" and row.origin == str(p)


@pytest.mark.parametrize(
    "name, content",
    [
        ("nul.txt", b"Judul\n\x00\x01\x02\x00binary\xff\xfe"),
        ("latin1.txt", ("Judul\n" + "Berita tentang caf\xe9 dan na\xefve r\xe9sum\xe9. " * 20).encode("latin-1")),
        ("utf16.txt", "Judul\nIsi berita.".encode("utf-16")),
        ("nul.jsonl", b'{"id": 1}\x00\x00\x00'),
    ],
)
def test_binary_or_non_utf8_file(tmp_path, name, content):
    p = tmp_path / name
    p.write_bytes(content)
    row = only(read_all(p))
    assert isinstance(row, ErrorRow)
    assert row.reason == "binary or non-UTF-8 file"


def test_a_few_bad_bytes_are_tolerated(tmp_path):
    p = tmp_path / "stray.txt"
    p.write_bytes(("Judul\n" + "Kalimat berita yang panjang. " * 200).encode("utf-8") + b"\xe9 akhir.\n")
    art = only(read_all(p))
    assert isinstance(art, Article) and "\ufffd" in art.text


def test_missing_path_then_the_rest(tmp_path):
    missing = tmp_path / "nope.txt"
    records = read_all(missing, DATA / "simple.txt")
    assert isinstance(records[0], ErrorRow)
    assert records[0].reason == "no such file or directory"
    assert records[0].origin == str(missing) and records[0].article_id
    assert isinstance(records[1], Article)


def test_never_raises_for_bad_inputs(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    records = read_all(tmp_path / "e.txt", tmp_path / "x.jsonl", DATA / "nav-only.html", SAMPLE)
    assert [type(r).__name__ for r in records] == ["ErrorRow", "ErrorRow", "ErrorRow", "Article"]


# --- ids and dates ------------------------------------------------------------------------------


def test_id_is_stable(tmp_path):
    copy = tmp_path / "copy.txt"
    shutil.copy(SAMPLE, copy)
    first, second, third = read_all(SAMPLE, SAMPLE, copy)
    assert first.id == second.id == third.id
    assert first.id.startswith("sha1:")
    changed = tmp_path / "changed.txt"
    changed.write_text(SAMPLE.read_text(encoding="utf-8") + "Tambahan.\n", encoding="utf-8")
    assert only(read_all(changed)).id != first.id


def test_given_id_preserved(tmp_path):
    p = tmp_path / "ids.jsonl"
    p.write_text('{"id": "antara-123", "text": "A."}\n{"id": 7, "text": "B."}\n{"id": "", "text": "C."}\n',
                 encoding="utf-8")
    a, b, c = read_all(p)
    assert (a.id, b.id) == ("antara-123", "7")
    assert c.id == content_id("C.", "")


def test_default_date(tmp_path):
    records = read_all(DATA / "articles.jsonl", default_date="2024-01-31T12:00:00Z")
    dates = {r.id: r.date for r in records if isinstance(r, Article)}
    assert dates["a1"] == "2023-10-09"  # an article's own date wins
    assert list(dates.values())[-1] == "2024-01-31"  # an unparseable one is replaced
    with pytest.raises(ValueError):
        read_inputs([SAMPLE], default_date="yesterday")


@pytest.mark.parametrize(
    "given, iso",
    [
        ("2017-08-26", "2017-08-26"),
        ("2017-08-26T10:00:00Z", "2017-08-26"),
        ("2017-08-26T23:30:00-05:00", "2017-08-26"),
        ("26/08/2017", "2017-08-26"),
        ("26-08-2017", "2017-08-26"),
        ("20170826", "2017-08-26"),
        ("26 Agustus 2017", "2017-08-26"),
        ("August 26, 2017", "2017-08-26"),
        ("Sat, 26 Aug 2017 10:00:00 +0000", "2017-08-26"),
        ("2017-02-30", None),
        ("kemarin", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_date(given, iso):
    assert normalise_date(given) == iso


def test_ingest_error_has_reason():
    exc = IngestError("empty file")
    assert exc.reason == "empty file" and str(exc) == "empty file"
