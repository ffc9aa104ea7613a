"""Verb morphology by language, looked up by name (the `morphology:` key of a grammar file).

A morphology turns a dictionary root into the surface forms the coder matches:
`forms(root) -> (active_forms, passive_forms)`, and `lemma(word, roots)` goes back.
"""

from __future__ import annotations

from typing import Callable, NamedTuple

from ..registry import morphologies
from . import morph_id


class Morphology(NamedTuple):
    forms: Callable[[str], tuple[list[str], list[str]]]
    lemma: Callable[..., str]


def _en_forms(root: str) -> tuple[list[str], list[str]]:
    # Regular English inflection; irregular forms belong in the dictionary's `word:` lists.
    r = root.lower()
    if r.endswith("e"):
        past, ing = r + "d", r[:-1] + "ing"
    elif r.endswith("y") and r[-2:-1] not in "aeiou":
        past, ing = r[:-1] + "ied", r + "ing"
    else:
        past, ing = r + "ed", r + "ing"
    third = r + "es" if r.endswith(("s", "sh", "ch", "x", "z")) else (r[:-1] + "ies" if r.endswith("y") and r[-2:-1] not in "aeiou" else r + "s")
    return [r, third, past, ing], [past]


def _en_lemma(word: str, roots=None) -> str:
    w = word.lower()
    for suf, rep in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            cand = w[: -len(suf)] + rep
            if roots is None or cand in roots:
                return cand
            if roots is not None and cand + "e" in roots:
                return cand + "e"
    return w


morphologies.register("id", Morphology(morph_id.verb_forms, morph_id.stem))
morphologies.register("en", Morphology(_en_forms, _en_lemma))
# For a language whose dictionaries list every surface form (`word:`/`passive:`), no morphology.
morphologies.register("none", Morphology(lambda root: ([root.lower()], []), lambda word, roots=None: word.lower()))


def get(name: str) -> Morphology:
    return morphologies.get(name)
