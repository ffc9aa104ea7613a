"""Indonesian affix generation and stripping (annotate stage)."""

import pytest

from warta.annotate.morph_id import men, stem, verb_forms


@pytest.mark.parametrize("root,form", [
    ("serang", "menyerang"), ("tembak", "menembak"), ("tangkap", "menangkap"), ("kecam", "mengecam"),
    ("dukung", "mendukung"), ("bantu", "membantu"), ("pukul", "memukul"), ("protes", "memprotes"),
    ("kritik", "mengkritik"), ("bom", "mengebom"), ("usir", "mengusir"), ("lawan", "melawan"),
    ("culik", "menculik"), ("ganggu", "mengganggu"), ("hormat", "menghormat"), ("tuduh", "menuduh"),
])
def test_men_prefix_assimilation(root, form):
    assert men(root) == form


def test_verb_forms_cover_suffixes_voices_and_enclitic():
    active, passive = verb_forms("serang")
    assert {"menyerang", "menyerangkan", "menyerangnya"} <= set(active)
    assert {"diserang", "diserangi", "diserangnya"} <= set(passive)
    assert not set(active) & set(passive)
    active, passive = verb_forms("ingat")
    assert "memperingatkan" in active and "diperingatkan" in passive
    # a root ending in -i does not double it
    assert "menghormati" in verb_forms("hormati")[0]


@pytest.mark.parametrize("word,root", [
    ("menyerangnya", "serang"), ("diserang", "serang"), ("menembakkan", "tembak"),
    ("ditangkap", "tangkap"), ("mengecam", "kecam"), ("memprotes", "protes"), ("mengkritik", "kritik"),
    ("diperingatkan", "ingat"), ("memperingatkan", "ingat"), ("kunjungan", "kunjung"),
    ("penyerangan", "serang"), ("mendukung", "dukung"), ("membantu", "bantu"), ("menyesalkan", "sesal"),
])
def test_stem_without_lexicon(word, root):
    assert stem(word) == root


def test_stem_uses_known_roots_to_choose_between_recodings():
    # mengutuk: a vowel root (utuk) or a dropped k (kutuk)? The lexicon decides.
    assert stem("mengutuk", {"kutuk"}) == "kutuk"
    assert stem("mengebom", {"bom"}) == "bom"
    assert stem("menilai", {"nilai"}) == "nilai"
    assert stem("meminta", {"minta"}) == "minta"
