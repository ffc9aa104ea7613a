"""spaCy pipelines per language: a blank tokenizer, abbreviation exceptions, and a sentencizer.

No statistical model is loaded: `spacy.blank(lang)` ships inside the spaCy wheel, so nothing is
downloaded and a worker starts in well under a second.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

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
    (spaCy #1250); with Indonesian's 16k special cases most words of a news paragraph went through
    the three regexes again (CLICK-ID with one worker took 43 CPU-seconds without the memo, 35-39
    with it). Most of those are now a set (`_split_exceptions`), but abbreviations remain, and a
    word split off a chunk ("kata," -> "kata") is looked up again. A regex's answer depends on the
    string only, so remembering it changes nothing (the events of 4,000 CLICK-ID and IndoSum
    articles compare equal); the memo starts afresh when full, which keeps a worker's memory bounded.
    """

    def __init__(self, method, regex=None):
        self._method = method
        # spaCy serialises a search by its regex's pattern
        self.pattern = (regex if regex is not None else method.__self__).pattern
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


def _regex_parser():
    """Python's regular-expression parser (private: `re._parser` since 3.11), or None: the affix
    searches below then stay spaCy's plain `search`, only slower."""
    try:
        from re import _constants as constants, _parser as parser
        constants.AT_BEGINNING, constants.AT_END, constants.BRANCH, constants.LITERAL, constants.MAX_REPEAT
    except (ImportError, AttributeError):
        return None, None
    return parser, constants


def _branches(regex, parser, constants) -> list:
    tree = parser.parse(regex.pattern, regex.flags)
    if len(tree) == 1 and tree[0][0] is constants.BRANCH:
        return list(tree[0][1][1])
    return [tree]


def prefix_searcher(regex):
    """`regex.search` for spaCy's prefix regex, by `match` where that is the same.

    spaCy joins the prefixes as "^a|^b|...", so a match can only start at 0, yet `search` tries
    every branch at every position (~9 us a word; `match`, 1.3 us). A branch a prefix's own "|"
    leaves unanchored (Indonesian's "<a ...>") may match further on: where its leading literal
    occurs in the string, the plain search is used."""
    parser, c = _regex_parser()
    if parser is None or regex.flags & re.IGNORECASE:
        return regex.search
    needs = []
    for branch in _branches(regex, parser, c):
        if len(branch) and branch[0] == (c.AT, c.AT_BEGINNING):
            continue
        literal = ""
        for op, av in branch:
            if op is not c.LITERAL:
                break
            literal += chr(av)
        if not literal:
            return regex.search
        needs.append(literal)
    match, search = regex.match, regex.search
    if not needs:
        return match

    def prefix_search(string: str):
        return search(string) if any(n in string for n in needs) else match(string)

    return prefix_search


def suffix_searcher(regex):
    """`regex.search` for spaCy's suffix regex ("a$|b$|..."), from where a match can start.

    Every branch ends the string, and all but one are a few characters long (the longest,
    Indonesian's units, 9): a match starts no earlier than that from the end, so the search starts
    there rather than trying every branch at every position. The unbounded branch ("\\.\\.+$",
    a run of dots) can start anywhere: for a string ending in its character the plain search is
    used. Lookbehinds still see the whole string (`search(string, pos)`)."""
    parser, c = _regex_parser()
    if parser is None or regex.flags & (re.IGNORECASE | re.MULTILINE):
        return regex.search
    longest, endings = 0, set()
    for branch in _branches(regex, parser, c):
        if not len(branch) or branch[-1] != (c.AT, c.AT_END):
            return regex.search
        width = branch.getwidth()[1]
        if width < 1000:
            longest = max(longest, width)
            continue
        last = branch[-2] if len(branch) > 1 else None  # unbounded: "x+$" or "...x$", x a literal
        if last is not None and last[0] is c.MAX_REPEAT and len(last[1][2]) == 1:
            last = list(last[1][2])[0]
        if last is None or last[0] is not c.LITERAL:
            return regex.search
        endings.add(chr(last[1]))
    search = regex.search

    def suffix_search(string: str):
        # "$" also matches before a final line break: such strings take the plain search
        if string[-1:] in endings or "\n" in string:
            return search(string)
        return search(string, max(0, len(string) - longest))

    return suffix_search


def _split_exceptions(exceptions: dict, prefix, suffix) -> tuple[dict, frozenset[str]]:
    """The language's tokenizer exceptions in two parts: those the tokenizer must keep as special
    cases, and the words that are simply one token as written (a set, for `token_match`).

    Indonesian has ~15,700 of the second kind (reduplications: "anak-anak", "berturut-turut").
    As special cases they cost ~1 CPU-s to load per process, and each one met in a text stops
    spaCy caching that text's words (spaCy #1250). A word moves to the set only when that gives
    the same tokens: one token, no NORM of its own, no space, and no prefix or suffix rule that
    applies to it (a special case stops affix splitting where a token_match is never consulted)."""
    from spacy.symbols import NORM

    kept: dict = {}
    whole: set[str] = set()
    for text, pieces in exceptions.items():
        one_token = len(pieces) == 1 and NORM not in pieces[0] and "norm" not in pieces[0]
        if one_token and " " not in text and not (prefix and prefix(text)) and not (suffix and suffix(text)):
            whole.add(text)
        else:
            kept[text] = pieces
    return kept, frozenset(whole)


@lru_cache(maxsize=1)
def _whole_word_tokenizer_class():
    from spacy.attrs import ORTH, SPACY
    from spacy.tokenizer import Tokenizer

    class WholeWordTokenizer(Tokenizer):
        """spaCy's tokenizer with a set of whole words (`_split_exceptions`) in place of most
        special cases, and the one thing those special cases also did: where infixes split such a
        word inside a longer chunk ("anak-anak.,Namun" -> anak - anak . ,Namun), spaCy's special-
        case matcher joined it again. `_rejoin` does the same, by the same rules."""

        def __call__(self, string):
            doc = Tokenizer.__call__(self, string)
            split = self.rejoin_split
            if split.glued(string):
                self._rejoin(doc, split)
            return doc

        def _rejoin(self, doc, split) -> None:
            n = len(doc)
            cols = doc.to_array([ORTH, SPACY])
            orth, spacy = cols[:, 0], cols[:, 1]
            # infix tokens with a word on both sides and no space between
            infix = orth[1:n - 1] == split.infix_ids[0]
            for other in split.infix_ids[1:]:  # a handful of ids: cheaper than np.isin
                infix |= orth[1:n - 1] == other
            at = np.flatnonzero(infix & (spacy[1:n - 1] == 0) & (spacy[:n - 2] == 0)) + 1
            if not len(at):
                return
            spans = set()
            texts: list[str] | None = None
            for i in at.tolist():
                # the infix and the tokens on either side must occur together in a word
                if (doc[i - 1].text, doc[i].text, doc[i + 1].text) not in split.triples:
                    continue
                if texts is None:
                    texts = [t.text for t in doc]
                for a in range(max(0, i - split.longest + 1), i):
                    for b in range(i + 2, min(n, a + split.longest) + 1):
                        pieces = tuple(texts[a:b])
                        if split.pieces.get("".join(pieces)) == pieces:
                            spans.add((a, b))
            if not spans:
                return
            # spaCy's _filter_special_spans: longest first (later start first among equals); a span
            # is kept unless its first or last token is already taken; every span takes its tokens.
            taken: set[int] = set()
            keep = []
            for a, b in sorted(spans, key=lambda s: (s[1] - s[0], s[0]), reverse=True):
                if a not in taken and b - 1 not in taken:
                    keep.append((a, b))
                taken.update(range(a, b))
            if keep:
                with doc.retokenize() as retokenizer:
                    for a, b in keep:
                        retokenizer.merge(doc[a:b], attrs={ORTH: doc[a:b].text})

    return WholeWordTokenizer


def _infix_pieces(word: str, matches) -> tuple[str, ...]:
    """The tokens spaCy's tokenizer makes of a word it splits at infixes (Tokenizer._attach_tokens)."""
    out, start = [], 0
    for m in matches:
        s, e = m.start(), m.end()
        if s == 0:  # an infix at the very start is no split point
            continue
        if s != start:
            out.append(word[start:s])
        if s != e:
            out.append(word[s:e])
        start = e
    if word[start:]:
        out.append(word[start:])
    return tuple(out)


_HYPHENATED = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)+")  # "anak-anak", "sayur-mayur", "kupu-kupu"


def _hyphen_pieces(word: str) -> tuple[str, ...]:
    parts = word.split("-")
    out = [parts[0]]
    for part in parts[1:]:
        out += ["-", part]
    return tuple(out)


def _hyphen_splits(infix_finditer) -> bool:
    """Whether the infixes split ASCII words joined by hyphens at each hyphen and nowhere else
    (spaCy's hyphen infix), so that `_hyphen_pieces` gives the same tokens as the regex."""
    if infix_finditer is None:
        return False
    probes = ("anak-anak", "kupu-kupu", "Ali-Baba", "a-b-c", "xYz-abc")
    return all(_infix_pieces(w, list(infix_finditer(w))) == _hyphen_pieces(w) for w in probes)


class _Rejoin:
    """The whole words that infixes split, indexed for `WholeWordTokenizer._rejoin`."""

    def __init__(self, words: frozenset[str], infix_finditer, vocab):
        self.pieces: dict[str, tuple[str, ...]] = {}
        infixes: set[str] = set()
        self.triples: set[tuple[str, str, str]] = set()  # consecutive tokens around each infix
        hyphen_splits = _hyphen_splits(infix_finditer)
        for w in words:
            if hyphen_splits and _HYPHENATED.fullmatch(w):
                pieces = _hyphen_pieces(w)  # ~15,600 reduplications: no regex search each
                infixes.add("-")
            else:
                matches = list(infix_finditer(w)) if infix_finditer else []
                if not matches:
                    continue
                pieces = _infix_pieces(w, matches)
                infixes.update(m.group() for m in matches if m.start() > 0 and m.group())
            self.pieces[w] = pieces
            self.triples.update(zip(pieces, pieces[1:], pieces[2:]))
        # tokens of a split word never carry spaces: only a paragraph with an infix between two
        # non-space characters can hold one
        chars = "".join(sorted({c for p in infixes for c in p}))
        self._glued = re.compile(r"\S[%s]\S" % re.escape(chars)).search if chars else None
        self.infix_ids = [np.uint64(vocab.strings.add(p)) for p in sorted(infixes)]
        self.longest = max((len(p) for p in self.pieces.values()), default=0)

    def glued(self, string: str) -> bool:
        """Could this text hold a word that infixes split (never, where no word is split so)?"""
        return self._glued is not None and self._glued(string) is not None


def _memo_tokenizer():
    """spaCy's default tokenizer factory (spacy.language.create_tokenizer, spaCy 3.8), its affix
    searches memoised and its whole-word exceptions a set (`_split_exceptions`)."""
    from spacy import util

    def factory(nlp):
        d = nlp.Defaults
        prefix_re = util.compile_prefix_regex(d.prefixes) if d.prefixes else None
        suffix_re = util.compile_suffix_regex(d.suffixes) if d.suffixes else None
        prefix = prefix_searcher(prefix_re) if prefix_re else None
        suffix = suffix_searcher(suffix_re) if suffix_re else None
        infix = util.compile_infix_regex(d.infixes).finditer if d.infixes else None
        kept, whole = _split_exceptions(d.tokenizer_exceptions or {}, prefix, suffix)
        own_match = d.token_match
        token_match = whole.__contains__  # called for every new chunk: a C call, no Python frame
        if own_match is not None:
            def token_match(string: str):
                return string in whole or own_match(string)

        tokenizer = _whole_word_tokenizer_class()(
            nlp.vocab, rules=kept,
            prefix_search=_Memo(prefix, prefix_re).search if prefix else None,
            suffix_search=_Memo(suffix, suffix_re).search if suffix else None,
            infix_finditer=_Memo(infix).finditer if infix else None,
            token_match=token_match if whole or own_match else None, url_match=d.url_match)
        tokenizer.rejoin_split = _Rejoin(whole, infix, nlp.vocab)
        return tokenizer

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


# The word attributes warta reads (lower_, is_alpha, is_lower, is_title, is_stop, like_num; the
# sentencizer's is_punct), with NORM, IS_SPACE and LANG, which spaCy itself may read.
USED_LEXICAL_ATTRIBUTES = ("LOWER", "NORM", "IS_ALPHA", "IS_LOWER", "IS_TITLE", "IS_STOP", "LIKE_NUM",
                           "IS_PUNCT", "IS_SPACE", "LANG")


def _keep_lexical_attributes(vocab) -> None:
    """spaCy computes ~23 attributes for every new word, in Python (shape, prefix, suffix, like_url
    ...): news brings tens of thousands of new words, and warta reads eight of them. The others
    are left unset (a token's shape_ is ""): IndoSum dev's paragraphs tokenized in 3.9 CPU-s with
    all, 3.45 with these."""
    from spacy.attrs import IDS

    keep = {IDS[name] for name in USED_LEXICAL_ATTRIBUTES}
    getters = vocab.lex_attr_getters
    for attr in [a for a in getters if a not in keep]:
        del getters[attr]


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
    _keep_lexical_attributes(nlp.vocab)
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
