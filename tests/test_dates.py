"""When: publication dates (metadata, dateline, --date, today) and event dates from the sentence,
through the public API; people resolved at the event date."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import duckdb
import pytest

import warta
from warta import api
from warta.annotate.dates import event_date, publication_date


def one(events):
    assert len(events) == 1, [(e.source, e.target, e.code) for e in events]
    return events[0]


def when(text: str, date: str | None = None, lang: str | None = None) -> tuple[str | None, str]:
    e = one(warta.code_text(text, date=date, lang=lang))
    return e.date, e.date_source


# --- publication date -------------------------------------------------------------------------


def test_html_metadata_date(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html lang='id'><head><title>Rusia serang Ukraina</title>"
        "<meta property='article:published_time' content='2025-10-21T08:00:00+07:00'></head><body><article>"
        "<h1>Rusia serang Ukraina</h1><p>Militer Rusia menyerang kota Kharkiv di Ukraina dengan rudal jarak jauh.</p>"
        "</article></body></html>", encoding="utf-8")
    events = warta.code([page])
    assert events and {(e.date, e.date_source) for e in events} == {("2025-10-21", "article")}


@pytest.mark.parametrize("head, lang", [
    ("Jakarta, Selasa (21/10/2025) - Militer Rusia menyerang Ukraina.", "id"),
    ("Selasa, 21 Oktober 2025 10:15 WIB\nJakarta - Militer Rusia menyerang Ukraina.", "id"),
    ("Tuesday, October 21, 2025\nThe Russian military attacked Ukraine.", "en"),
    ("KOMPAS.com - 21/10/2025, 10:15 WIB\nMiliter Rusia menyerang Ukraina.", "id"),
])
def test_dateline_gives_the_publication_date(head, lang):
    assert when("Judul berita\n" + head, lang=lang) == ("2025-10-21", "article")


def test_dates_deep_in_the_text_are_not_the_publication_date():
    assert publication_date("Judul\nKOMPAS.com - Indonesia merdeka pada 17 Agustus 1945 setelah perang yang "
                            "panjang melawan penjajah di seluruh negeri.", "id") is None


def test_user_date_and_today():
    assert when("Militer Rusia menyerang Ukraina.", date="2023-10-12") == ("2023-10-12", "user")
    assert when("Militer Rusia menyerang Ukraina.") == (dt.date.today().isoformat(), "today")


def test_cli_says_when_it_used_today(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Berita\nMiliter Rusia menyerang Ukraina.\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "warta", "code", str(f), "-f", "jsonl"], capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert f"1 article had no date; used today's date {dt.date.today().isoformat()}" in run.stderr
    assert '"date_source": "today"' in run.stdout
    dated = subprocess.run([sys.executable, "-m", "warta", "code", str(f), "--date", "2024-01-02", "-f", "jsonl"],
                           capture_output=True, text=True, timeout=300)
    assert "no date" not in dated.stderr and '"date_source": "user"' in dated.stdout


# --- event date from the sentence -------------------------------------------------------------

PUB = "2025-10-24"  # a Friday


@pytest.mark.parametrize("words, expected", [
    ("kemarin", "2025-10-23"),
    ("kemarin lusa", "2025-10-22"),
    ("hari ini", "2025-10-24"),
    ("besok", "2025-10-25"),
    ("lusa", "2025-10-26"),
    ("pekan lalu", "2025-10-17"),
    ("dua hari lalu", "2025-10-22"),
    ("pada Selasa", "2025-10-21"),  # the most recent Tuesday on or before the publication date
    ("pada Jumat", "2025-10-24"),  # the publication day itself
    ("Jumat lalu", "2025-10-17"),  # "lalu": strictly before
    ("Senin depan", "2025-10-27"),
])
def test_indonesian_relative_words(words, expected):
    assert when(f"Militer Rusia menyerang Ukraina {words}.", date=PUB) == (expected, "sentence-relative")


@pytest.mark.parametrize("words, expected", [
    ("yesterday", "2025-10-23"),
    ("today", "2025-10-24"),
    ("tomorrow", "2025-10-25"),
    ("last week", "2025-10-17"),
    ("on Tuesday", "2025-10-21"),
    ("last Friday", "2025-10-17"),
    ("two days ago", "2025-10-22"),
])
def test_english_relative_words(words, expected):
    assert when(f"The Russian military attacked Ukraine {words}.", date=PUB, lang="en") == (expected, "sentence-relative")


@pytest.mark.parametrize("text, pub, expected", [
    ("Militer Rusia menyerang Ukraina pada 21 Oktober 2025.", PUB, "2025-10-21"),
    ("Militer Rusia menyerang Ukraina pada 21 Oktober.", PUB, "2025-10-21"),
    ("Militer Rusia menyerang Ukraina pada Selasa (21/10).", PUB, "2025-10-21"),
    ("Militer Rusia menyerang Ukraina pada 28 Desember.", "2026-01-03", "2025-12-28"),  # the nearest year
    ("Militer Rusia menyerang Ukraina pada Senin (27 / 3).", "2017-03-28", "2017-03-27"),  # IndoSum spacing
])
def test_explicit_date_in_the_sentence(text, pub, expected):
    assert when(text, date=pub) == (expected, "sentence-explicit")


def test_english_explicit_date():
    assert when("The Russian military attacked Ukraine on Oct. 21.", date=PUB, lang="en") == ("2025-10-21", "sentence-explicit")


def test_dates_after_since_and_until_are_not_the_event():
    assert event_date("Jokowi, yang menjabat sejak 20 Oktober 2014, mengecam Israel.", PUB, "id") is None


def test_dateline_with_a_relative_word():
    # The dateline's date is the publication date; "kemarin" in the same sentence moves the event.
    assert when("Jakarta, Selasa (21/10/2025) - Militer Rusia kemarin menyerang Ukraina.") == ("2025-10-20", "sentence-relative")


def test_sentence_without_date_words_takes_the_article_date():
    assert when("Militer Rusia menyerang Ukraina.", date=PUB) == (PUB, "user")


# --- people resolved at the event date ---------------------------------------------------------


def test_people_resolved_at_the_event_date_not_the_article_date():
    # Prabowo: opposition leader in 2015, president in 2025.
    assert one(warta.code_text("Prabowo mengecam Israel.", date="2025-01-10")).source == "IDNGOV"
    assert one(warta.code_text("Pada 5 Maret 2015, Prabowo mengecam Israel.", date="2025-01-10")).source == "IDNOPP"
    # Joko Widodo left office on 2024-10-20: "kemarin" in an article of that day is still his term.
    assert one(warta.code_text("Joko Widodo mengecam Israel.", date="2024-10-20", lang="id")).source == "IDNELI"
    assert one(warta.code_text("Joko Widodo kemarin mengecam Israel.", date="2024-10-20", lang="id")).source == "IDNGOV"


def test_store_keeps_where_dates_came_from(tmp_path):
    src = tmp_path / "news.jsonl"
    src.write_text(
        '{"id": "a1", "date": "2025-10-24", "text": "Militer Rusia kemarin menyerang Ukraina."}\n'
        '{"id": "a2", "text": "Berita\\nJakarta, Selasa (21/10/2025) - Militer Rusia menyerang Ukraina."}\n'
        '{"id": "a3", "text": "Militer Rusia menyerang Ukraina."}\n', encoding="utf-8")
    db = tmp_path / "w.duckdb"
    report = api.ingest([src], db=db)
    assert report.dated_today == 1
    con = duckdb.connect(str(db), read_only=True)
    arts = dict(con.execute("SELECT id, date || ' ' || date_source FROM articles").fetchall())
    evs = dict(con.execute("SELECT article_id, date || ' ' || date_source FROM events").fetchall())
    con.close()
    today = dt.date.today().isoformat()
    assert arts == {"a1": "2025-10-24 article", "a2": "2025-10-21 article", "a3": f"{today} today"}
    assert evs == {"a1": "2025-10-23 sentence-relative", "a2": "2025-10-21 article", "a3": f"{today} today"}


def test_capitalised_relative_word_at_sentence_start():
    assert event_date("Kemarin, militer Rusia menyerang Ukraina.", PUB, "id") == ("2025-10-23", "sentence-relative")
    assert event_date("Yesterday the Russian military attacked Ukraine.", PUB, "en") == ("2025-10-23", "sentence-relative")
