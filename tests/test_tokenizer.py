"""warta's tokenizer (annotate/nlp.py) gives exactly the tokens of spaCy's stock tokenizer.

warta keeps Indonesian's ~15,700 whole-word exceptions ("anak-anak") as a set for `token_match`
instead of as special cases, and rejoins such a word where infixes split it inside a longer chunk,
as spaCy's special-case matcher did. These tests compare every token against spaCy built the
stock way (`spacy.blank` plus the same abbreviation special cases).
"""

from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from pathlib import Path

import pytest
import spacy
from spacy.symbols import ORTH

from warta.annotate.nlp import get_nlp
from warta.resources import read_lines

ROOT = Path(__file__).resolve().parent.parent

TRICKY = {
    "id": [
        "Anak-anak bermain di taman.",
        "anak-anak, (anak-anak) \"anak-anak\" anak-anaknya anak-anak-",
        "pas akan menjadi barang favorit yang dibawa ke mana-mana.,Siapa yang tak suka",
        "sehari-hari.,\"Film ini tiada..Teman-teman, biru-abu-abu, kupu-kupu.,Setelah",
        "ke mana - mana, ke mana -mana, kemana-mana",
        "Jum'at do'a ma'af Mu'jizat s.d. dll. dsb. tsb. a.n. Dr. H. Prof. Ir.",
        "Selasa (21/10), harga Rp1.000 naik 5% menjadi USD10 (sekitar Rp150.000,-).",
        "Presiden Joko Widodo—yang akrab disapa Jokowi—bertemu Menlu RI di Jakarta/Bogor.",
        "berturut-turut.,Pengakuan bertahun-tahun,beliau x/anak-anak anak-anak/x",
    ],
    "en": [
        "The U.S. and the U.K. didn't agree; they're meeting again on Jan. 5.",
        "Putin's call with Erdogan lasted 45 minutes, the Kremlin said (Reuters).",
        "Rebels fired rockets at Tel Aviv -- officials said -- and e-mails leaked.",
    ],
}


@lru_cache(maxsize=None)
def stock(lang: str):
    nlp = spacy.blank(lang)
    for abbr in read_lines("lang", lang, "abbreviations.txt"):
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
    return nlp


def _tokens(nlp, text: str) -> list[tuple]:
    return [(t.text, t.idx, t.whitespace_, t.lower_, t.is_alpha, t.is_punct, t.is_stop, t.is_title, t.like_num)
            for t in nlp.tokenizer(text)]


def _demo_paragraphs(limit: int = 60) -> list[str]:
    out = []
    with gzip.open(ROOT / "examples" / "demo-corpus.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            out += [p for p in re.findall(r"[^\n]+", json.loads(line).get("text") or "") if p.strip()]
            if len(out) >= limit:
                break
    return out


@pytest.mark.parametrize("lang", ["id", "en"])
def test_same_tokens_as_spacy_on_tricky_text(lang):
    for text in TRICKY[lang]:
        assert _tokens(get_nlp(lang), text) == _tokens(stock(lang), text), text


def test_same_tokens_as_spacy_on_news_paragraphs():
    paragraphs = _demo_paragraphs()
    assert len(paragraphs) >= 60
    for text in paragraphs:
        assert _tokens(get_nlp("id"), text) == _tokens(stock("id"), text), text


def test_whole_words_split_by_infixes_are_joined_again():
    # "mana-mana" sits in a chunk that infixes split (".,"): spaCy's special-case matcher joined it
    doc = get_nlp("id").tokenizer("dibawa ke mana-mana.,Siapa")
    assert [t.text for t in doc] == ["dibawa", "ke", "mana-mana", ".", ",Siapa"]
    # words on either side of the hyphen, with spaces, are separate words
    assert [t.text for t in get_nlp("id").tokenizer("ke mana - mana")] == ["ke", "mana", "-", "mana"]


def test_indonesian_whole_words_are_no_longer_special_cases():
    # what makes loading cheap: the ~15,700 reduplications are a set, not special cases
    tokenizer = get_nlp("id").tokenizer
    assert len(stock("id").tokenizer.rules) > 15_000
    assert len(tokenizer.rules) < 1_000
    assert tokenizer.token_match("anak-anak") and not tokenizer.token_match("anak")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_affix_searches_find_what_spacys_regex_search_finds(lang):
    from spacy import util

    from warta.annotate.nlp import prefix_searcher, suffix_searcher

    d = spacy.blank(lang).Defaults
    prefix, suffix = util.compile_prefix_regex(d.prefixes), util.compile_suffix_regex(d.suffixes)
    fast_prefix, fast_suffix = prefix_searcher(prefix), suffix_searcher(suffix)
    words = {w for text in TRICKY[lang] + _demo_paragraphs(200) for w in text.split()}
    words |= {"", ".", "..", "kata..", "kata...", "12km", "Rp10.000,-", "USD10", "(21/10).", "x\n", "ab.\n",
              "<a href=x>kata", "kata<a b>", "<b/>kata", "kata</a>", "'s", "don't", "“kutipan”", "—"}
    for w in sorted(words):
        for slow, fast in ((prefix.search, fast_prefix), (suffix.search, fast_suffix)):
            a, b = slow(w), fast(w)
            assert (a and a.span()) == (b and b.span()), (w, a, b)


def test_hyphenated_words_split_as_the_infix_regex_splits_them():
    # _Rejoin takes the tokens of "anak-anak" from its hyphens, not the regex: the same for every word
    from spacy import util

    from warta.annotate.nlp import _HYPHENATED, _hyphen_pieces, _infix_pieces

    d = spacy.blank("id").Defaults
    infix = util.compile_infix_regex(d.infixes).finditer
    words = [w for w in d.tokenizer_exceptions if _HYPHENATED.fullmatch(w)]
    assert len(words) > 15_000
    for w in words:
        assert _hyphen_pieces(w) == _infix_pieces(w, list(infix(w))), w
