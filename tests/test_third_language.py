"""A language is data: a grammar file, event patterns, role nouns and names, and no code.

tests/data/lang_tl is a small Tagalog dictionary folder (the layout of warta/data): given as an
extra dictionary folder, warta codes Tagalog with the same coder, pipeline and validator.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.coding.dictionaries import check, languages
from warta.pipeline import Resources, process
from warta.records import Article

TL = str(Path(__file__).parent / "data" / "lang_tl")


@pytest.fixture(scope="module")
def resources():
    return Resources(languages=("id", "en", "tl"), extra_dirs=(TL,))


def triples(text, resources):
    result = process(Article(id="t", text=text, lang="tl", date="2024-01-01"), resources)
    assert result.error is None
    return {(e.source, e.target, e.code) for e in result.events}


def test_the_folder_adds_a_language_without_code(resources):
    assert "tl" in languages((TL,)) and "tl" not in languages()
    assert resources.languages == ("id", "en", "tl")
    assert check((TL,)) == []


def test_tagalog_active_clause(resources):
    assert triples("Ang Pilipinas ay kumondena sa Tsina.", resources) == {("PHLGOV", "CHNGOV", "111")}


def test_tagalog_role_noun_and_its_country(resources):
    assert ("CHNMIL", "PHLGOV", "111") in triples("Ang hukbo ng Tsina ay kumondena sa Pilipinas.", resources)


def test_tagalog_symmetric_and_negated(resources):
    assert triples("Ang Pilipinas at Indonesia ay nakipagpulong.", resources) == {
        ("PHLGOV", "IDNGOV", "040"), ("IDNGOV", "PHLGOV", "040")}
    assert triples("Hindi kumondena ang Pilipinas sa Tsina.", resources) == set()


def test_without_the_folder_tagalog_is_skipped_not_guessed():
    result = process(Article(id="t", text="Ang Pilipinas ay kumondena sa Tsina.", lang="tl"), Resources())
    assert result.status == "skipped" and result.events == []
