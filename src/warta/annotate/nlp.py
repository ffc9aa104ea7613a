"""spaCy pipelines per language: a blank tokenizer, abbreviation exceptions, and a sentencizer.

No statistical model is loaded: `spacy.blank(lang)` ships inside the spaCy wheel, so nothing is
downloaded and a worker starts in well under a second.
"""

from __future__ import annotations

from functools import lru_cache

from ..resources import read_lines

@lru_cache(maxsize=None)
def get_nlp(lang: str):
    """The spaCy pipeline for `lang`: tokenizer + abbreviation special cases + sentencizer.
    Any language spaCy has a blank tokenizer for works; which languages warta codes is decided
    by the data (a `lang/<xx>/grammar.yaml`), not here."""
    import spacy
    from spacy.symbols import ORTH

    try:
        nlp = spacy.blank(lang)
    except Exception as exc:  # spaCy raises ImportError or its own errors for unknown codes
        raise ValueError(f"spaCy has no tokenizer for language {lang!r}: {exc}") from None
    # Abbreviations become single tokens, so the sentencizer never sees their full stop alone.
    for abbr in read_lines("lang", lang, "abbreviations.txt"):
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
    nlp.add_pipe("sentencizer")
    return nlp
