"""spaCy pipelines per language: a blank tokenizer, abbreviation exceptions, and a sentencizer.

No statistical model is loaded: `spacy.blank(lang)` ships inside the spaCy wheel, so nothing is
downloaded and a worker starts in well under a second.
"""

from __future__ import annotations

from functools import lru_cache

from ..resources import read_lines

SUPPORTED = ("id", "en")


@lru_cache(maxsize=None)
def get_nlp(lang: str):
    """The spaCy pipeline for `lang`: tokenizer + abbreviation special cases + sentencizer."""
    import spacy
    from spacy.symbols import ORTH

    if lang not in SUPPORTED:
        raise ValueError(f"no pipeline for language {lang!r}; supported: {', '.join(SUPPORTED)}")
    nlp = spacy.blank(lang)
    # Abbreviations become single tokens, so the sentencizer never sees their full stop alone.
    for abbr in read_lines("lang", lang, "abbreviations.txt"):
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
    nlp.add_pipe("sentencizer")
    return nlp
