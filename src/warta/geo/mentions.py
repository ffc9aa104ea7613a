"""Place names in a sentence, and which place each one means given the article.

`find` looks up capitalised word runs (longest first) in the gazetteer's name index; `resolve` picks
one candidate per mention once the whole article is known (its countries settle homonyms).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass

from .gazetteer import Gazetteer, Place, name_key

_JOINERS = frozenset("-.'’")  # tokens a name may contain ("Toli-Toli", "St. Petersburg")
BIG_CITY = 500_000  # a foreign city this big is named for itself, not a homonym
NAMED_TOWN = 50_000  # ... a smaller one needs "di"/"in" before it
DOMINANT_RATIO = 20  # one homonym this many times bigger than the next wins without context


@dataclass(slots=True)
class Mention:
    start: int  # token offsets in the paragraph's Doc
    end: int
    text: str
    key: str
    candidates: list[Place]
    locative: bool  # a locative word ("di", "in") or admin prefix stands before it
    place: Place | None = None  # set by `resolve`
    sentence: int = -1
    char_start: int = -1  # offsets in the article's original text
    char_end: int = -1


_CAPITALISED = re.compile(r"(?<!\w)[^\W\d_a-zß-ÿ]\w*")  # a word starting with a capital letter


class Paragraph:
    """A paragraph's Doc with its token start offsets, read once (C arrays, no Token objects)."""

    __slots__ = ("doc", "text", "idx")

    def __init__(self, doc, text: str | None = None):
        self.doc = doc
        self.text = doc.text if text is None else text  # Doc.text walks every token: pass it when known
        self.idx = doc.to_array("IDX").tolist()


def find(para: Paragraph, start: int, end: int, gz: Gazetteer, lang: str, covered: set[int],
         persons: set[int]) -> list[Mention]:
    """Place mentions in tokens [start, end) of a paragraph.

    Only capitalised words and admin prefixes ("kabupaten") can start a name: a regular expression
    finds them in the text, and only they are looked at token by token.
    `covered`: tokens inside dictionary matches (actors, role nouns, triggers); `persons`: tokens of
    people's names, which are never places ("Paris Hilton").
    """
    doc, idx, text = para.doc, para.idx, para.text
    if start >= end:
        return []
    prefixes = gz.word_set(lang, "prefixes")
    cues = gz.word_set(lang, "locative") | prefixes
    first_words = gz.first_words
    lo = idx[start]
    hi = idx[end - 1] + len(doc[end - 1].text)
    starts = [m.start() for m in _CAPITALISED.finditer(text, lo, hi) if m.group().casefold() in first_words]
    if prefixes:
        starts += [m.start() for m in gz.prefix_pattern(lang).finditer(text, lo, hi)]
        starts.sort()
    out: list[Mention] = []
    after = start  # tokens before this are already part of a mention
    for pos in starts:
        i = bisect_left(idx, pos, start, end)
        if i >= end or idx[i] != pos or i < after or i in persons:
            continue  # inside a token ("McDonald"), or inside the previous name
        lower_start = not doc[i].text[:1].isupper()
        parts: list[str] = []
        best = None
        j = i
        while j < end and len(parts) < gz.max_words:
            w = doc[j].text
            n = name_key(w)
            if not n:
                if w in _JOINERS and parts:
                    j += 1
                    continue
                break
            parts.append(n)
            j += 1
            key = " ".join(parts)
            # A lower-case start is only an admin prefix heading a name ("kabupaten Poso"), never alone.
            if key in gz.index and not (lower_start and len(parts) == 1):
                best = (key, j)
            if key not in gz.partials:
                break  # no longer name starts with these words
        if best is None:
            continue
        key, j = best
        prev = doc[i - 1] if i > start else None
        locative = prev is not None and prev.lower_ in cues
        cands = gz.candidates(key, lang)
        if cands and _keep(doc, lang, i, j, key, prev, locative, lower_start, start, gz, covered, persons):
            out.append(Mention(i, j, doc[i:j].text, key, cands, locative or lower_start))
            after = j
    return out


def _keep(doc, lang, i, j, key, prev, locative, lower_start, start, gz, covered, persons) -> bool:
    if any(k in persons for k in range(i, j)):
        return False
    # Names that are also common words or people's names ("Padang", "Batu", "Bima") need a cue.
    if key in gz.needs_cue and not locative:
        return False
    if j - i == 1 and key in gz.word_set(lang, "prefixes"):
        return False  # "Kota" alone is the word "city", not Kota in India
    if j - i == 1 and not locative and doc[i].is_stop:
        return False  # a function word capitalised at a sentence start ("Kami", "Anda")
    if prev is not None and not locative and not lower_start and prev.is_alpha and prev.text[:1].isupper():
        # Inside a longer capitalised name no dictionary knows ("Hotman Paris", "Semen Padang"); a
        # known word before it ("Presiden", "Gubernur") vouches for the name, as a sentence-initial
        # function word does not count ("Namun Jakarta ...").
        if (i - 1) not in covered and not (prev.is_sent_start and prev.is_stop) and not (i - 1 == start):
            return False
    return True


def _context_score(p: Place, countries: set[str], lang: str) -> float:
    s = 0.0
    if p.curated:
        s += 1000  # a curated name is a deliberate choice
    if p.country and p.country in countries:
        s += 100  # the article talks about that country
    if lang == "id" and p.country == "IDN":
        s += 50  # Indonesian news: a homonym at home is the likelier one
    if p.kind == "country":
        s += 30  # "Georgia" alone is the country unless the article is about the US
    return s + math.log10(p.population + 1)


def resolve(mention: Mention, countries: set[str], lang: str) -> Place | None:
    """The place a mention means, or None when it cannot be told safely."""
    scored = sorted(mention.candidates, key=lambda p: -_context_score(p, countries, lang))
    best = scored[0]
    ctx = _context_score(best, countries, lang) - math.log10(best.population + 1)
    if ctx == 0:
        # A foreign place nothing in the article points to: only a big city, or a sizeable town
        # after "di"/"in", is named for itself; otherwise it is some other word ("Sari", "Ariel").
        if best.kind == "city" and not (best.population >= BIG_CITY or (mention.locative and best.population >= NAMED_TOWN)):
            return None
    for other in scored[1:]:
        if other.country == best.country:
            continue
        gap = _context_score(best, countries, lang) - _context_score(other, countries, lang)
        if gap < 20 and best.population < DOMINANT_RATIO * max(other.population, 1):
            # Homonyms in different countries and nothing to choose: never guess a continent.
            return None
        break
    return best


def context_countries(mentions: list[Mention], actor_countries: set[str], gz: Gazetteer) -> set[str]:
    """Countries an article is about: its actors' and the countries and curated places it names.

    Other places do not count: a stray homonym ("Sari", a city in Iran) must not vouch for itself.
    """
    out = set(actor_countries)
    for m in mentions:
        named = {p.country for p in m.candidates if p.country and (p.kind in ("country", "territory") or p.curated)}
        if len(named) == 1 and len({p.country for p in m.candidates}) == 1:
            out |= named  # "Georgia" (a country, a US state) says nothing until something else does
    return out
