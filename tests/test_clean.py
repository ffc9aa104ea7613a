"""Tests for warta.clean: furniture removal, title handling, Unicode, and exact offset maps."""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import pytest

from warta.clean import CleanText, clean, load_boilerplate
from warta.ingest import read_inputs
from warta.records import Article

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "putin-erdogan-call.txt"
SAMPLE_TITLE = "Putin Mengungkapkan Prihatin terhadap Banyaknya Korban Jiwa di Israel-Gaza"


def load(path: Path) -> Article:
    (art,) = list(read_inputs([path]))
    assert isinstance(art, Article)
    return art


def art(text: str, title: str = "", lang: str | None = None) -> Article:
    return Article(id="t", text=text, title=title, lang=lang)


def assert_map_exact(ct: CleanText, original: str) -> None:
    """Every cleaned character maps inside the original; unchanged ones map onto themselves."""
    for i, ch in enumerate(ct.text):
        o, e = ct.orig(i), ct.offsets.orig_end(i)
        assert 0 <= o < e <= len(original)
        src = original[o:e]
        if ch == src:
            continue
        # otherwise the character was produced by clean-up from what it maps to
        assert ch.isspace() or ch in unicodedata.normalize("NFKC", src), (i, ch, src)
    assert ct.orig_span(0, len(ct.text))[1] <= len(original)


def assert_spans_exact(ct: CleanText, original: str, pieces) -> None:
    for piece in pieces:
        start = ct.text.index(piece)
        ostart, oend = ct.orig_span(start, start + len(piece))
        assert original[ostart:oend] == piece


# --- the sample page ----------------------------------------------------------------------------


def test_sample_title_once_and_comment_form_gone():
    article = load(SAMPLE)
    ct = clean(article)
    assert ct.title == SAMPLE_TITLE
    assert ct.text.startswith(SAMPLE_TITLE + "\n\nPresiden Rusia Vladimir Putin")
    assert ct.text.count(SAMPLE_TITLE) == 1
    assert ct.title_line
    assert "Tinggalkan" not in ct.text
    assert "Alamat email" not in ct.text and "Ruas yang wajib" not in ct.text
    assert ct.text.endswith("di kawasan tersebut.")
    assert "\n\n\n" not in ct.text


def test_sample_offsets_exact():
    article = load(SAMPLE)
    ct = clean(article)
    sentences = re.findall(r"[A-Z][^.\n]*\.", ct.text)
    assert len(sentences) > 10
    assert_spans_exact(ct, article.text, sentences)
    assert_spans_exact(ct, article.text, [SAMPLE_TITLE])
    assert ct.orig_span(0, len(SAMPLE_TITLE)) == (0, len(SAMPLE_TITLE))  # the kept first line
    assert_map_exact(ct, article.text)
    assert len(ct.offsets) <= 4  # a handful of segments, not one entry per character


def test_sample_lang_hint_does_not_change_result():
    article = load(SAMPLE)
    assert clean(article, lang="id").text == clean(article).text == clean(article, lang="xx").text


# --- furniture ----------------------------------------------------------------------------------


def test_simple_txt_baca_juga_and_editor_removed():
    article = load(DATA / "simple.txt")
    ct = clean(article, lang="id")
    assert "Baca juga" not in ct.text
    assert "Editor" not in ct.text
    assert ct.text == (
        "Menlu Retno Bertemu Menlu China di Jakarta\n\n"
        "Menteri Luar Negeri Retno Marsudi bertemu dengan Menteri Luar Negeri China Wang Yi di Jakarta pada Kamis.\n"
        "Keduanya membahas situasi di Laut China Selatan.\n\n"
        "Retno menegaskan pentingnya menghormati hukum internasional."
    )
    assert_spans_exact(ct, article.text, ["Keduanya membahas situasi di Laut China Selatan.",
                                          "Retno menegaskan pentingnya menghormati hukum internasional."])
    assert_map_exact(ct, article.text)


@pytest.mark.parametrize(
    "line",
    [
        "Baca juga: Indonesia Kirim Bantuan ke Gaza",
        "BACA JUGA",
        "Baca Juga : Prabowo Bertemu Xi Jinping",
        "Simak juga video berikut",
        "Lihat juga: Foto-foto banjir",
        "Read more: Putin says talks are possible",
        "Related: Gaza ceasefire talks",
        "Bagikan",
        "Bagikan artikel ini",
        "Share this article",
        "Follow us on Twitter",
        "Ikuti kami di Instagram",
        "Dapatkan update berita pilihan dan breaking news setiap hari",
        "Subscribe to our newsletter",
        "Editor: Budi",
        "Pewarta: Ani",
        "Penulis: Citra",
        "Reporter : Dedi",
        "Copyright © 2023 Warta",
        "Hak cipta dilindungi undang-undang",
        "ADVERTISEMENT",
        "Advertisement",
        "SCROLL TO CONTINUE WITH CONTENT",
        "Your email address will not be published.",
        "Required fields are marked *",
        "Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *",
    ],
)
def test_furniture_line_dropped(line):
    text = f"Judul Berita\n\nKalimat pertama artikel.\n{line}\nKalimat kedua artikel."
    ct = clean(art(text, "Judul Berita"))
    assert ct.text == "Judul Berita\n\nKalimat pertama artikel.\nKalimat kedua artikel."


@pytest.mark.parametrize(
    "line",
    [
        "Bagikan bantuan sosial kepada warga menjadi prioritas pemerintah daerah.",
        "Shares of Garuda Indonesia fell 3 percent on Monday.",
        "Related talks between the two ministers are expected next week.",
        "Penulis buku itu ditangkap polisi pada Senin.",
        "Editorial board members met the president.",
        "Leave a reply to the ministry's letter, the minister told reporters.",
    ],
)
def test_article_sentences_kept(line):
    text = f"Judul\n\n{line}"
    assert clean(art(text, "Judul")).text == f"Judul\n\n{line}"


@pytest.mark.parametrize("header", ["Tinggalkan Balasan", "Leave a Reply", "Tulis Komentar", "LEAVE A REPLY Cancel reply"])
def test_comment_header_drops_everything_after(header):
    text = f"Judul\n\nIsi artikel.\n\n{header}\n\nKomentar pembaca yang panjang sekali.\nNama\nEmail\n"
    ct = clean(art(text, "Judul"))
    assert ct.text == "Judul\n\nIsi artikel."


def test_boilerplate_cached_and_languages():
    assert load_boilerplate("id") is load_boilerplate("id")
    assert load_boilerplate("id-ID") is load_boilerplate("id")
    both = load_boilerplate(None)
    assert both is load_boilerplate("xx")
    assert both.classify("Baca juga: x") == "drop" and both.classify("Read more: x") == "drop"
    assert both.classify("Tinggalkan Balasan") == "cut" and both.classify("Leave a Reply") == "cut"
    en = load_boilerplate("en")
    assert en.classify("Leave a Reply") == "cut" and en.classify("Baca juga: x") is None
    assert load_boilerplate("id").classify("Kalimat biasa.") is None


def test_custom_patterns():
    text = "Judul\n\nIsi.\nIKLAN MENARIK\nBaca juga: x\n@@ akhir\nsisa"
    ct = clean(art(text, "Judul"), patterns=["# my furniture", "iklan\\s+menarik", "@cut @@"])
    assert ct.text == "Judul\n\nIsi.\nBaca juga: x"


# --- title --------------------------------------------------------------------------------------


def test_repeated_title_case_and_space_insensitive():
    text = "Putin  Telepon Erdogan\n\n  PUTIN telepon   erdogan \n\nPresiden Rusia menelepon.\n\nPutin Telepon Erdogan"
    ct = clean(art(text, "Putin Telepon Erdogan"))
    assert ct.text == "Putin Telepon Erdogan\n\nPresiden Rusia menelepon.\n\nPutin Telepon Erdogan"  # only the first repeat
    assert ct.title_line


def test_title_not_in_text_drops_nothing():
    text = "Presiden Rusia menelepon Presiden Turki.\nKeduanya membahas Gaza."
    ct = clean(art(text, "Putin Telepon Erdogan"))
    assert ct.text == text and not ct.title_line
    assert ct.title == "Putin Telepon Erdogan"
    assert ct.orig_span(0, len(text)) == (0, len(text))


def test_title_gets_its_own_paragraph():
    ct = clean(art("Judul\nKalimat pertama.\nKalimat kedua.", "Judul"))
    assert ct.text == "Judul\n\nKalimat pertama.\nKalimat kedua."


def test_html_article_title_kept_once():
    article = load(DATA / "jokowi-albanese.html")
    ct = clean(article)
    assert ct.text.count("Jokowi Terima Kunjungan PM Australia di Istana Bogor") == 1
    assert ct.title_line
    assert_map_exact(ct, article.text)


# --- whitespace ---------------------------------------------------------------------------------


def test_whitespace_collapsed_and_mapped():
    original = "  Judul \t Berita  \r\n\r\n\r\n\r\n\tKalimat   satu\tdua.  \r\nKalimat tiga.\n\n\n\n\n"
    ct = clean(art(original, "Judul Berita"))
    assert ct.text == "Judul Berita\n\nKalimat satu dua.\nKalimat tiga."
    assert_map_exact(ct, original)
    assert_spans_exact(ct, original, ["Kalimat tiga."])
    s = ct.text.index("satu dua.")
    assert original[slice(*ct.orig_span(s, s + len("satu dua.")))] == "satu\tdua."


def test_empty_and_all_furniture():
    assert clean(art("")).text == ""
    ct = clean(art("Tinggalkan Balasan\nNama"))
    assert ct.text == "" and ct.orig_span(0, 0) == (0, 0)


# --- Unicode ------------------------------------------------------------------------------------


def test_nfkc_nbsp_fullwidth_ligature_zero_width_offsets():
    original = (
        "Ｊａｋａｒｔａ\u00a0—\u00a0Presiden\u00a0Jokowi\u200b meminta ﬁnal «kesepakatan» di cafe\u0301 ①.\n"
        "Menlu\u2003Retno\u200d bertemu Wang\u00adYi."
    )
    assert not unicodedata.is_normalized("NFKC", original)
    ct = clean(art(original))
    assert ct.text == (
        "Jakarta — Presiden Jokowi meminta final «kesepakatan» di café 1.\nMenlu Retno bertemu WangYi."
    )
    assert_map_exact(ct, original)
    spans = {
        "Jakarta": "Ｊａｋａｒｔａ",
        "final": "ﬁnal",
        "café": "cafe\u0301",
        "Jokowi meminta": "Jokowi\u200b meminta",
        "«kesepakatan»": "«kesepakatan»",  # typographic quotes are kept
        "1.": "①.",
        "Menlu Retno": "Menlu\u2003Retno",
        "WangYi.": "Wang\u00adYi.",
    }
    for clean_piece, orig_piece in spans.items():
        s = ct.text.index(clean_piece)
        os_, oe = ct.orig_span(s, s + len(clean_piece))
        assert original[os_:oe] == orig_piece, clean_piece
    # characters left as they were map exactly onto themselves
    for word in ("Presiden", "meminta", "kesepakatan", "bertemu"):
        s = ct.text.index(word)
        for i in range(s, s + len(word)):
            assert original[ct.orig(i)] == ct.text[i]


def test_normalised_text_is_not_touched():
    original = "Judul\n\n“Kami menolak,” kata menteri — Senin (9/10)."
    ct = clean(art(original, "Judul"))
    assert ct.text == original
    assert len(ct.offsets) == 1


def test_title_is_normalised():
    ct = clean(art("Isi.", "Ｐｕｔｉｎ\u00a0 Telepon\u200b Erdogan "))
    assert ct.title == "Putin Telepon Erdogan"


def test_orig_out_of_range():
    ct = clean(art("Judul\n\nIsi.", "Judul"))
    assert ct.orig(len(ct.text)) == len("Judul\n\nIsi.")
    with pytest.raises(IndexError):
        ct.orig(len(ct.text) + 1)
    with pytest.raises(IndexError):
        ct.orig(-1)


def test_random_texts_map_and_normal_form():
    """Random mixes of awkward characters: the map stays inside and in order, output is NFKC."""
    pieces = list("ab XY.,") + ["\u00a0", "\u200b", "\ufeff", "\u00ad", "ﬁ", "Ａ", "①", "e\u0301", "\u0301",
                                "\u1100\u1161", "\u11a8", "ﾊﾟ", "\u0b47\u0b3e", "\ufdfa", "\u00a8", "\u3000",
                                "  ", "\t", "\n", "\r\n", "\n\n\n", "\u2028", "“", "…", "Baca juga: x\n"]
    rng = random.Random(7)
    for _ in range(2000):
        original = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        ct = clean(art(original, rng.choice(["", "ab", original.split("\n")[0]])))
        assert unicodedata.is_normalized("NFKC", ct.text)
        assert ct.text == ct.text.strip() and "\n\n\n" not in ct.text and "  " not in ct.text
        previous = 0
        for i, ch in enumerate(ct.text):
            o, e = ct.orig(i), ct.offsets.orig_end(i)
            assert previous <= o < e <= len(original)
            previous = o
            src = original[o:e]
            assert ch == src or ch.isspace() or ch in unicodedata.normalize("NFKC", re.sub("[\u200b\ufeff\u00ad]", "", src))
