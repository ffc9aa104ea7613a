"""Where each event happened: the place in its sentence, else the article's dominant place, else the
actors' country; `geo_source` on the event says which (sentence | article | actor | none).

An utterance (a statement, a call, a protest note) is not located at the places it talks about:
"percakapan telepon untuk membahas situasi di Jalur Gaza" happens between two capitals, not in Gaza.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .gazetteer import Gazetteer, Place
from .mentions import Mention

VERBAL = frozenset({1, 3})  # QuadClass of verbal cooperation and verbal conflict
MATERIAL_CONFLICT = 4
LEAD_SENTENCES = 1  # sentences 0-1: the title and the lead with its dateline ("POSO, KOMPAS.com -")
TOPIC_WINDOW = 2  # topic words this close before a place make it what is talked about ("situasi di Gaza")


@dataclass(slots=True)
class EventSpans:
    """What locating needs from a coded event: token spans in its paragraph's Doc and its codes."""

    trigger: tuple[int, int]
    source: tuple[int, int] | None
    target: tuple[int, int] | None
    source_code: str
    target_code: str
    quad_class: int


def _overlaps(m: Mention, span: tuple[int, int] | None) -> bool:
    return span is not None and m.start < span[1] and span[0] < m.end


def _is_topic(m: Mention, ev: EventSpans, doc, topic: frozenset[str], triggers: set[int]) -> bool:
    lo = max(m.start - TOPIC_WINDOW, 0)
    if any(doc[k].lower_ in topic for k in range(lo, m.start)):
        return True
    if m.start >= ev.trigger[1]:
        between = range(ev.trigger[1], m.start)
        if any(doc[k].lower_ in topic for k in between):
            return True
        # Another event word between ("mengecam serangan di Gaza"): the place is that event's.
        if ev.quad_class in VERBAL and any(k in triggers for k in between):
            return True
    return False


def sentence_place(ev: EventSpans, mentions: list[Mention], doc, topic: frozenset[str],
                   triggers: set[int]) -> Place | None:
    """The place the event's own sentence gives it, if any."""
    resolved = [m for m in mentions if m.place is not None]
    if ev.quad_class == MATERIAL_CONFLICT:
        # What is attacked is where the attack happens: "serangan ... terhadap Jalur Gaza".
        for m in resolved:
            if _overlaps(m, ev.target):
                return m.place
    options = []
    for m in resolved:
        if _overlaps(m, ev.source) or _overlaps(m, ev.target):
            continue  # an actor named by its country is not the scene ("Rusia mengecam Israel")
        if m.place.kind == "country" and not m.locative:
            continue  # a country as a modifier ("warga Israel") is no location
        if _is_topic(m, ev, doc, topic, triggers):
            continue
        distance = min(abs(m.start - ev.trigger[0]), abs(m.end - ev.trigger[1]))
        options.append(((not m.locative, m.place.kind == "country", distance), m.place))
    return min(options, key=lambda o: o[0])[1] if options else None


def dominant_place(mentions: list[Mention]) -> Place | None:
    """The article's main place: the most named place below country level (named twice, or in the
    title or first sentence, where datelines stand); ties go to the first named."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    places: dict[str, Place] = {}
    for i, m in enumerate(mentions):
        if m.place is None or m.place.kind == "country":
            continue
        counts[m.place.id] += 1
        first.setdefault(m.place.id, i)
        places[m.place.id] = m.place
    if not counts:
        return None
    pid = min(counts, key=lambda p: (-counts[p], first[p]))
    lead = any(m.place is not None and m.place.id == pid and m.sentence <= LEAD_SENTENCES for m in mentions)
    return places[pid] if counts[pid] >= 2 or lead else None


def actor_country(code: str, gz: Gazetteer) -> str:
    head = (code or "")[:3]
    return head if head in gz.countries else ""


def locate(ev: EventSpans, mentions: list[Mention], doc, dominant: Place | None, gz: Gazetteer,
           topic: frozenset[str], triggers: set[int]) -> tuple[Place | None, str]:
    """(place, geo_source) for one event."""
    place = sentence_place(ev, mentions, doc, topic, triggers)
    if place is not None:
        return place, "sentence"
    src, tgt = actor_country(ev.source_code, gz), actor_country(ev.target_code, gz)
    actors = {c for c in (src, tgt) if c}
    # The article's place only where the actors belong there (or have no country): a phone call
    # between Moscow and Ankara about Gaza did not happen in Gaza.
    if dominant is not None and (not actors or dominant.country in actors):
        return dominant, "article"
    if src and tgt and src != tgt:
        return None, "none"  # two countries and no place: either would be invented
    country = src or tgt
    if country:
        return gz.countries[country], "actor"
    return None, "none"
