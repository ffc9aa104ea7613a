"""spaCy pipelines per language: a blank tokenizer, abbreviation exceptions, and a sentencizer.

No statistical model is loaded: `spacy.blank(lang)` ships inside the spaCy wheel, so nothing is
downloaded and a worker starts in well under a second.
"""

from __future__ import annotations

from functools import lru_cache

from ..resources import read_lines

# Entries each memo of the tokenizer's affix searches holds before it starts afresh (see _Memo).
MEMO_SIZE = 20_000
# Words (whitespace-separated chunks) spaCy's tokenizer remembers the tokens of. spaCy 3.8 stops
# adding at 10,000, and news has far more distinct words: tokenizing CLICK-ID and IndoSum dev
# (73,300 paragraphs) twice took 16.4 + 14.3 CPU-s with 10,000 and 11.5 + 4.6 with 200,000, for
# ~25 MB more (about 125 bytes a word). Memory stays bounded: spaCy never adds past the limit.
TOKEN_CACHE_SIZE = 200_000


class _Memo:
    """One of the tokenizer's affix searches (prefix, suffix, infix regex), remembered per string.

    spaCy caches a word's tokens, but within a text stops caching after the first special case
    (spaCy #1250), and Indonesian has 16k of them (reduplications, abbreviations): most words of
    a news paragraph went through the three regexes again (~8 us a prefix search: CLICK-ID with one
    worker took 43 CPU-seconds without the memo, 35-39 with it). A regex's answer depends on the
    string only, so remembering it changes nothing
    (the events of 4,000 CLICK-ID and IndoSum articles compare equal); the memo starts afresh when
    full, which keeps a worker's memory bounded.
    """

    def __init__(self, method):
        self._method = method
        self.pattern = method.__self__.pattern  # spaCy serialises a search by its regex's pattern
        self._seen: dict = {}

    def _lookup(self, string: str, compute):
        seen = self._seen
        found = seen.get(string, seen)
        if found is seen:
            if len(seen) >= MEMO_SIZE:
                seen.clear()
            found = seen[string] = compute(string)
        return found

    def search(self, string: str):
        return self._lookup(string, self._method)

    def finditer(self, string: str):
        return iter(self._lookup(string, lambda s: tuple(self._method(s))))


def _memo_tokenizer():
    """spaCy's default tokenizer factory (spacy.language.create_tokenizer, spaCy 3.8), its affix
    searches memoised: built this way the 16k special cases are loaded once, as by spacy.blank."""
    from spacy import util
    from spacy.tokenizer import Tokenizer

    def factory(nlp) -> Tokenizer:
        d = nlp.Defaults
        prefix = util.compile_prefix_regex(d.prefixes).search if d.prefixes else None
        suffix = util.compile_suffix_regex(d.suffixes).search if d.suffixes else None
        infix = util.compile_infix_regex(d.infixes).finditer if d.infixes else None
        return Tokenizer(nlp.vocab, rules=d.tokenizer_exceptions,
                         prefix_search=_Memo(prefix).search if prefix else None,
                         suffix_search=_Memo(suffix).search if suffix else None,
                         infix_finditer=_Memo(infix).finditer if infix else None,
                         token_match=d.token_match, url_match=d.url_match)

    return factory


def _sentence_starts(orths: list[int], puncts: list[int], stops: frozenset[int]) -> list[bool]:
    """spaCy's Sentencizer.predict for one doc (spaCy 3.8, same loop), over token ids: a sentence
    starts at the first token after a run of sentence-ending punctuation that is not punctuation."""
    n = len(orths)
    guesses = [False] * n
    if n:
        start, seen_period = 0, False
        guesses[0] = True
        for i in range(n):
            is_stop = orths[i] in stops
            if seen_period and not puncts[i] and not is_stop:
                guesses[start] = True
                start, seen_period = i, False
            elif is_stop:
                seen_period = True
        if start < n:
            guesses[start] = True
    return guesses


def _fast_sentencizer():
    """A spaCy Sentencizer whose predict reads token ids from one array instead of making a Token
    object per token: 2.5x faster than spaCy's (a few percent of coding time), same sentences."""
    from spacy.attrs import IS_PUNCT, ORTH
    from spacy.pipeline import Sentencizer
    from spacy.strings import get_string_id

    class FastSentencizer(Sentencizer):
        def predict(self, docs):
            if not any(len(doc) for doc in docs):
                return [[] for _ in docs]
            if getattr(self, "_stops_of", None) is not self.punct_chars:  # token.text in punct_chars
                self._stops = frozenset(get_string_id(c) for c in self.punct_chars)
                self._stops_of = self.punct_chars
            stops = self._stops
            out = []
            for doc in docs:
                cols = doc.to_array([ORTH, IS_PUNCT]).T.tolist() if len(doc) else [[], []]
                out.append(_sentence_starts(cols[0], cols[1], stops))
            return out

    return FastSentencizer


@lru_cache(maxsize=None)
def get_nlp(lang: str):
    """The spaCy pipeline for `lang`: tokenizer + abbreviation special cases + sentencizer.
    Any language spaCy has a blank tokenizer for works; which languages warta codes is decided
    by the data (a `lang/<xx>/grammar.yaml`), not here."""
    import spacy
    from spacy.language import Language
    from spacy.symbols import ORTH

    spacy.registry.tokenizers.register("warta.memo_tokenizer.v1", func=_memo_tokenizer)
    try:
        nlp = spacy.blank(lang, config={"nlp": {"tokenizer": {"@tokenizers": "warta.memo_tokenizer.v1"}}})
    except Exception as exc:  # spaCy raises ImportError or its own errors for unknown codes
        raise ValueError(f"spaCy has no tokenizer for language {lang!r}: {exc}") from None
    # Abbreviations become single tokens, so the sentencizer never sees their full stop alone.
    for abbr in read_lines("lang", lang, "abbreviations.txt"):
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
    nlp.tokenizer.max_cache_size = TOKEN_CACHE_SIZE
    if not Language.has_factory("warta_sentencizer"):
        Language.factory("warta_sentencizer", func=lambda nlp, name: _fast_sentencizer()(name))
    nlp.add_pipe("warta_sentencizer", name="sentencizer")
    return nlp


def docs(nlp, texts):
    """The Docs `nlp.pipe(texts)` gives, one text at a time: the tokenizer, then each component on
    the Doc. spaCy's pipe machinery (a generator per component, batches, error handlers) cost more
    than the sentencizer itself on short paragraphs: IndoSum dev's 63,579 took 1.8 CPU-s through
    nlp.pipe and 1.1-1.6 this way, the same tokens and sentences."""
    make_doc = nlp.make_doc
    components = [proc for _, proc in nlp.pipeline]
    for text in texts:
        doc = make_doc(text)
        for proc in components:
            doc = proc(doc)
        yield doc


def flush_tokenizer_cache(tokenizer) -> None:
    """Forget the tokens the tokenizer remembered (its cache of words), keeping its special cases.

    spaCy's `_flush_cache` does only that; setting `tokenizer.rules` (the public way) also reloads
    the 16k Indonesian special cases, ~0.65 CPU-s a language. Where spaCy lacks it, the public way.
    """
    flush = getattr(tokenizer, "_flush_cache", None)
    if flush is None:
        tokenizer.rules = tokenizer.rules
    else:
        flush()
