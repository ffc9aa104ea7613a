"""Which names in a corpus does no dictionary know? Candidates for new actor entries.

`unknown_names(articles)` reads (text, lang) pairs twice: first to learn which capitalised words
are ordinary words (written in lower case more often than capitalised mid-sentence: "Namun",
"Ketua"), then to collect runs of capitalised words ("Setya Novanto", "Partai Keadilan Sejahtera"),
dropping what the actor, people and agent dictionaries already know, titles, month and day names,
news outlets, and names that are mostly places ("di Surabaya"). What is left is ranked by how
often it occurs, with the number of articles and example sentences. The word lists are data:
`data/lang/<xx>/names.yaml` (and the month and day names of `dates.yaml`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable

from .dictionaries import DictionaryError, lang_data, load_actors, load_agents

NAME_KEYS = ("titles", "particles", "org_prefixes", "place_prefixes", "locatives", "person_cues",
             "org_cues", "stopwords", "media", "places")
# Words, an initial with its dot ("Miryam S. Haryani"), or one punctuation mark.
_TOKEN = re.compile(r"[A-Z]\.(?=\s+[A-Z])|\w+(?:[-.'’]\w+)*|[^\w\s]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“'‘(]?[A-Z0-9])")
_AGE = re.compile(r"\(\s*\d{1,3}\s*\)")  # "Sri Rahayu (32)": Indonesian news gives a private person's age
_OUTLET = re.compile(r"\.(com|co\.id|id|net|org|tv)$", re.I)  # "Liputan6.com", "Tirto.id": outlets
EXAMPLES = 2
EXAMPLE_CHARS = 220
PLACE_SHARE = 0.25  # a name after "di"/"ke"/"dari" this often is a place, not an actor
FOLD_MIN = 3  # mentions of a full name before a lone first name is taken to be that person
MAX_ACRONYM = 6  # letters in an organisation's acronym ("Bawaslu" is a word; "PSSI" an acronym)


@dataclass
class Candidate:
    """A name no dictionary knows, with the evidence a user needs to add it."""

    name: str
    kind: str  # person | organisation | name (no cue either way)
    count: int = 0
    articles: int = 0
    examples: list[str] = field(default_factory=list)
    hint: str = ""  # "part of the known name Setya Novanto": an alias to add rather than an actor

    def to_dict(self) -> dict:
        return {"name": self.name, "kind": self.kind, "count": self.count, "articles": self.articles,
                "examples": self.examples, "hint": self.hint}


@dataclass(frozen=True)
class NameWords:
    """One language's word lists for finding names, plus everything the dictionaries know."""

    lists: dict[str, frozenset[str]]
    known: frozenset[tuple[str, ...]]  # lower-case token tuples of every alias, role noun, capital
    named: frozenset[tuple[str, ...]]  # those that name one actor (aliases, capitals), not role nouns
    people: frozenset[tuple[str, ...]]  # aliases of people: a run holding one is that person
    name_parts: dict[str, str]  # last word of one known person's aliases -> that person's name
    agents: frozenset[str]  # one-word role nouns ("menteri", "gubernur"): a person follows them
    calendar: frozenset[str]  # month and day names
    longest: int

    def __getattr__(self, name: str) -> frozenset[str]:
        try:
            return self.lists[name]
        except KeyError:
            raise AttributeError(name) from None


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(m.group().lower() for m in _TOKEN.finditer(text))


@lru_cache(maxsize=8)
def name_words(lang: str, extra_dirs: tuple[str, ...] = ()) -> NameWords:
    """The word lists of `data/lang/<lang>/names.yaml` and the names every dictionary knows."""
    from ..annotate.dates import date_words

    data = lang_data(lang, "names.yaml", extra_dirs)
    lists = {k: frozenset(str(w).lower() for w in data.get(k) or ()) for k in NAME_KEYS}
    known: set[tuple[str, ...]] = set()
    people: set[tuple[str, ...]] = set()
    parts: dict[str, str] = {}
    for actor in load_actors(extra_dirs):
        for forms in (actor.aliases, actor.capitals, actor.demonyms):
            for names in forms.values():
                for n in names:
                    known.add(_tokens(n))
                    if actor.kind == "person":
                        people.add(_tokens(n))
                        toks = _tokens(n)
                        if len(toks) > 1:  # a surname written alone ("Novanto")
                            parts[toks[-1]] = actor.name if parts.get(toks[-1], actor.name) == actor.name else ""
    named = frozenset(known)
    agents = {_tokens(t) for a in load_agents(lang, extra_dirs) for t in a.terms}
    known |= agents
    known |= {_tokens(m) for m in lists["media"] | lists["places"]}
    words = date_words(lang, extra_dirs)
    calendar = frozenset(words.months) | frozenset(words.weekdays)
    known.discard(())
    return NameWords(lists, frozenset(known), named, frozenset(people), parts, frozenset(t[0] for t in agents if len(t) == 1),
                     calendar, max(map(len, known), default=1))


def _sentences(text: str) -> Iterable[str]:
    for para in text.splitlines():
        para = para.strip()
        if para:
            yield from (s for s in _SENTENCE_END.split(para) if s.strip())


class _Corpus:
    """Counts of how each word is written: lower case, or capitalised away from a sentence start."""

    def __init__(self) -> None:
        self.lower: Counter[str] = Counter()
        self.capital: Counter[str] = Counter()

    def add(self, sentence: str) -> None:
        first = True
        for m in _TOKEN.finditer(sentence):
            w = m.group()
            if w[:1].islower():
                self.lower[w] += 1
            elif not first and w[:1].isupper():
                self.capital[w.lower()] += 1
            first = first and not w[:1].isalnum()  # the first word, after any opening quote

    def common(self, word: str) -> bool:
        # A word mostly written in lower case is an ordinary word wherever it is capitalised.
        w = word.lower()
        return self.lower[w] > self.capital[w]


def _is_capitalised(tok: str) -> bool:
    return tok[:1].isupper() and any(c.isalpha() for c in tok)


def _acronym_word(word: str) -> bool:
    return word.isupper() and sum(c.isalpha() for c in word) >= 2  # "PSSI", not the initial "S."


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return " " not in name and 2 <= len(letters) <= MAX_ACRONYM and name.isupper()


class _Finder:
    def __init__(self, words: NameWords, corpus: _Corpus) -> None:
        self.w = words
        self.corpus = corpus

    def _stop(self, tok: str) -> bool:
        low = tok.lower()
        return (low in self.w.stopwords or low in self.w.calendar or any(c.isdigit() for c in tok)
                or bool(_OUTLET.search(tok)))

    def runs(self, toks: list[re.Match]) -> Iterable[tuple[int, int]]:
        """(start, end) token indices of maximal runs of capitalised words, particles inside."""
        i, n = 0, len(toks)
        while i < n:
            if not _is_capitalised(toks[i].group()) or self._stop(toks[i].group()):
                i += 1
                continue
            j = i + 1
            while j < n and toks[j].start() - toks[j - 1].end() <= 1:
                t = toks[j].group()
                if _is_capitalised(t) and not self._stop(t):
                    j += 1
                elif (t.lower() in self.w.particles or t.lower().split("-")[0] in self.w.particles) \
                        and j + 1 < n and _is_capitalised(toks[j + 1].group()):
                    j += 1
                else:
                    break
            yield i, j
            i = j

    def _covered(self, low: list[str]) -> tuple[list[bool], list[bool], bool]:
        """Which tokens a known phrase covers, which of them an actor's name (not a role noun),
        and whether one of them is a person's alias."""
        covered = [False] * len(low)
        named = [False] * len(low)
        person = False
        k = 0
        while k < len(low):
            for size in range(min(self.w.longest, len(low) - k), 0, -1):
                phrase = tuple(low[k:k + size])
                if phrase in self.w.known:
                    covered[k:k + size] = [True] * size
                    named[k:k + size] = [phrase in self.w.named] * size
                    person = person or phrase in self.w.people
                    k += size
                    break
            else:
                k += 1
        return covered, named, person

    def _boundary(self, word: str, low: str, first: bool) -> bool:
        # Titles and ordinary words in title case are not names; neither is a sentence-initial
        # word that is never capitalised elsewhere ("Adapun", "Sebelumnya").
        if len(word.rstrip(".")) == 1 and word[:1].isupper():
            return False  # an initial: "Miryam S Haryani"
        return (low in self.w.titles or self.corpus.common(word)
                or first and not self.corpus.capital[low])

    def names(self, words: list[str], initial: bool = False) -> Iterable[tuple[int, int, str]]:
        """(start, end, kind) of the unknown names inside one run of capitalised words: an
        organisation from its prefix word ("Partai", "Komisi") on, else the stretches between
        titles, ordinary words and names the dictionaries know ("Dubes Rusia Lyudmila Vorobieva"
        -> "Lyudmila Vorobieva"). A run holding a known person's alias is that person."""
        low = [w.lower() for w in words]
        covered, named, person = self._covered(low)
        if person:
            return
        mixed = any(not _acronym_word(w) for w in words)
        k, n = 0, len(words)
        while k < n:
            if low[k] in self.w.place_prefixes:
                return  # "Provinsi Jawa Barat", "Gedung DPR": the rest is a place
            if low[k] in self.w.org_prefixes:
                e = k + 1
                while e < n and not (low[e] in self.w.titles or low[e] in self.w.place_prefixes
                                     or mixed and _acronym_word(words[e]) and not covered[e]
                                     # a known name closes it: "Partai Hanura | Miryam S Haryani"
                                     or named[e - 1] and not covered[e] and e - 1 > k):
                    e += 1
                if e > k + 1 and not all(covered[k + 1:e]):
                    yield k, e, "organisation"
                k = e
                continue
            if covered[k] or self._boundary(words[k], low[k], initial and k == 0):
                k += 1
                continue
            e = k + 1
            # An acronym inside a run of words is a name of its own ("Komdis PSSI", "Lewis Hamilton GBR").
            if not (mixed and _acronym_word(words[k])):
                while e < n and not covered[e] and not self._boundary(words[e], low[e], False) \
                        and low[e] not in self.w.org_prefixes and low[e] not in self.w.place_prefixes \
                        and not (mixed and _acronym_word(words[e])):
                    e += 1
                while e > k + 1 and low[e - 1] in self.w.particles:
                    e -= 1
            # One word left beside a known name is the rest of that name ("Manchester City").
            beside_known = (k > 0 and covered[k - 1]) or (e < n and covered[e])
            if e - k > 1 or not beside_known:
                yield k, e, ""
            k = e


def unknown_names(articles: Callable[[], Iterable[tuple[str, str]]], lang: str, *, top: int = 50,
                  min_articles: int = 2, extra_dirs: tuple[str, ...] = ()) -> list[Candidate]:
    """The `top` most frequent names in `articles()` (an iterable of (text, lang), read twice)
    that no dictionary knows and that at least `min_articles` articles name, most frequent first."""
    words = name_words(lang, extra_dirs)
    corpus = _Corpus()
    for text, article_lang in articles():
        if article_lang == lang:
            for s in _sentences(text):
                corpus.add(s)
    finder = _Finder(words, corpus)
    count: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    arts: dict[str, set[int]] = defaultdict(set)
    located: Counter[str] = Counter()
    person_cue: Counter[str] = Counter()
    org_cue: Counter[str] = Counter()
    defined_org: set[str] = set()
    examples: dict[str, list[str]] = defaultdict(list)
    for a_index, (text, article_lang) in enumerate(articles()):
        if article_lang != lang:
            continue
        for s_index, sentence in enumerate(_sentences(text)):
            toks = list(_TOKEN.finditer(sentence))
            first_word = next((k for k, t in enumerate(toks) if t.group()[:1].isalnum()), -1)
            for i, j in finder.runs(toks):
                run = [t.group() for t in toks[i:j]]
                for a, b, kind in finder.names(run, initial=i == first_word):
                    name = " ".join(run[a:b])
                    low = name.lower()
                    if len(low) < 3 or (b - a == 1 and low in words.particles):
                        continue
                    count[low] += 1
                    forms[low][name] += 1
                    arts[low].add(a_index)
                    if len(examples[low]) < EXAMPLES:
                        examples[low].append(_around(sentence, toks[i + a].start(), toks[i + b - 1].end()))
                    before = toks[i + a - 1].group().lower() if i + a > 0 else ""
                    after = toks[i + b].group().lower() if i + b < len(toks) else ""
                    rest = sentence[toks[i + b - 1].end():]
                    if before in words.locatives or (s_index == 0 and i + a == 0 and after == ","):
                        located[low] += 1  # "di Surabaya", or a dateline "Surabaya, ..."
                    if kind == "organisation":
                        org_cue[low] += 1
                        # "Badan Pengawas Pemilu (Bawaslu)": the acronym names an organisation.
                        m = re.match(r"\s*\(([A-Z][A-Za-z]{1,9})\)", rest)
                        if m:
                            defined_org.add(m.group(1).lower())
                    if (before in words.person_cues or after in words.person_cues or _AGE.match(rest.lstrip())
                            or before in words.agents or (a > 0 and run[a - 1].lower() in words.agents | words.titles)):
                        person_cue[low] += 1
                    if before in words.org_cues:
                        org_cue[low] += 1
    from ..geo.gazetteer import get_gazetteer, name_key

    gazetteer = get_gazetteer()
    _split_joined(count, arts, words.known)
    _fold_first_names(count, arts)
    out: list[Candidate] = []
    for low, n in count.items():
        name = forms[low].most_common(1)[0][0]
        if located[low] >= PLACE_SHARE * n or len(arts[low]) < min_articles:
            continue  # mostly a place, or one article's business
        if low in words.media or _OUTLET.search(low):
            continue
        # Countries, provinces and Indonesia's regencies are places whatever their context; a
        # foreign town's name is too often also a person's ("Sandi", "Ali") to drop it.
        if any(p.type in (1, 2, 5) or p.country == "IDN" for p in gazetteer.candidates(name_key(name), lang)):
            continue
        acronym = _is_acronym(name)
        if acronym and low not in defined_org and org_cue[low] < 2:
            continue  # an acronym of a thing (BBM, APBN, OTT), not shown to be an organisation
        if org_cue[low] and (acronym or org_cue[low] >= person_cue[low]):
            kind = "organisation"
        elif person_cue[low]:
            kind = "person"
        else:
            kind = "name"
        known_as = words.name_parts.get(low) if " " not in low else None
        hint = f"a known name ends with it: {known_as} (an alias to add?)" if known_as else ""
        out.append(Candidate(name, kind, n, len(arts[low]), examples[low], hint))
    out.sort(key=lambda c: (-c.count, -c.articles, c.name))
    return out[:top]


def _around(sentence: str, start: int, end: int) -> str:
    """The sentence, cut to EXAMPLE_CHARS around the name when it is longer."""
    if len(sentence) <= EXAMPLE_CHARS:
        return sentence
    left = max(0, start - (EXAMPLE_CHARS - (end - start)) // 2)
    right = min(len(sentence), left + EXAMPLE_CHARS)
    left = max(0, right - EXAMPLE_CHARS)
    return ("…" if left else "") + sentence[left:right].strip() + ("…" if right < len(sentence) else "")


def _split_joined(count: Counter, arts: dict, known: frozenset) -> None:
    """Two names written side by side read as one run ("Pelatih Persib Djadjang Nurdjaman",
    "Partai Rakyat Bersatu Darmawan Sukirno"): where both halves also occur on their own (or
    the first is a name the dictionaries know, "Kementerian Dalam Negeri"), count each half."""
    for low in sorted(count, key=lambda x: -len(x.split())):
        parts = low.split()
        if len(parts) < 2:
            continue
        for p in range(1, len(parts)):
            left, right = " ".join(parts[:p]), " ".join(parts[p:])
            enough = max(2, count[low])
            if count.get(right, 0) >= enough and (count.get(left, 0) >= enough or tuple(parts[:p]) in known):
                for half in (left, right):
                    if half in count:
                        count[half] += count[low]
                        arts[half] |= arts[low]
                del count[low]
                break


def _fold_first_names(count: Counter, arts: dict) -> None:
    """A one-word name that starts or ends one longer name far more often than any other
    ("Febri" -> "Febri Diansyah") is that person written short: count it with the full name.
    A first name shared by several ("Agus") stays on its own."""
    holders: dict[str, list[str]] = defaultdict(list)
    for low in count:
        parts = low.split()
        if len(parts) > 1 and len(parts[-1].rstrip(".")) > 1:  # not "Agus H." (an initial ends it)
            holders[parts[0]].append(low)
            holders[parts[-1]].append(low)
    for low in [w for w in count if " " not in w and w in holders]:
        ranked = sorted(holders[low], key=lambda h: -count[h])
        best = ranked[0]
        runner_up = count[ranked[1]] if len(ranked) > 1 else 0
        if count[best] >= FOLD_MIN and count[best] >= 2 * runner_up:
            count[best] += count.pop(low)
            arts[best] |= arts[low]


def check_name_words(lang: str, extra_dirs: tuple[str, ...] = ()) -> list[str]:
    """Problems in a language's names.yaml, each saying what to fix."""
    try:
        data = lang_data(lang, "names.yaml", extra_dirs)
    except DictionaryError as exc:
        return [str(exc)]
    problems = []
    for key, value in data.items():
        if key not in NAME_KEYS:
            problems.append(f"unknown key {key!r}; allowed: {', '.join(NAME_KEYS)}")
        elif not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.append(f"{key} must be a list of strings (quote yes/no/on/off)")
    return problems
