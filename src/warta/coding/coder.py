"""The event coder: actors and triggers in a sentence -> (source, target, CAMEO code) events.

Language-independent: every word it consults (prepositions, negations, clause boundaries, light
verbs ...) comes from the language's grammar file, every actor and trigger from the lexicon.

For each sentence:
1. actors: the longest dictionary matches, merged into units ("Presiden" + "Rusia" + "Vladimir
   Putin" -> one RUSGOV unit) and grouped by conjunctions ("Putin dan Erdogan");
2. triggers: event patterns, the longest/most specific one where several overlap;
3. roles by voice: active -> subject on the left is the source, the object or the actor after a
   target preposition the target; passive (di-) -> swapped, the source after "oleh"; nominal
   ("serangan ... oleh X terhadap Y") -> source after the noun or "oleh", target after "terhadap";
4. negated or conditional triggers are dropped; symmetric acts give every ordered pair.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .dictionaries import Grammar
from .lexicon import ACTOR, AGENT, CAPITAL, DEMONYM, TRIGGER, Entry, Lexicon

SUBJECT_WINDOW = 20  # tokens to look left for a subject
OBJECT_WINDOW = 4  # a direct object starts within this many tokens after the trigger
OBLIQUE_WINDOW = 10  # a target after a preposition starts within this many tokens
GENITIVE_WINDOW = 2  # "serangan milisi Rohingya": the source follows the event noun closely
WITH_WINDOW = 8
WITHOUT_WINDOW = 3


@dataclass(slots=True)
class Unit:
    """One actor in a sentence, possibly several dictionary matches merged."""

    start: int
    end: int
    code: str = ""
    sector: str = ""
    country: str = ""  # country part from a country/metonym/... match
    person: bool = False
    bare: bool = False  # role noun only: the country must come from context
    governed_by: str = ""  # preposition before the unit ("" when none)
    group: int = -1


@dataclass(slots=True)
class Trigger:
    start: int
    end: int
    entry: Entry
    span_end: int  # end including the `with` words


@dataclass(slots=True)
class RawEvent:
    source: Unit | None
    target: Unit | None
    code: str
    rule: str
    trigger: Trigger
    voice: str
    source_code: str = ""
    target_code: str = ""
    extra: dict = field(default_factory=dict)


def _is_countryish(code: str) -> bool:
    return len(code) == 3 and code not in ("IGO", "NGO")


class Coder:
    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        self.g: Grammar = lexicon.grammar

    # ------------------------------------------------------------------ sentence-level entry point
    def code_sentence(self, doc, s0: int, s1: int, matches, day: str | None) -> list[RawEvent]:
        """Events in tokens [s0, s1) of `doc`, given the lexicon's matches inside that range."""
        triggers_raw = [m for m in matches if m[2].kind == TRIGGER]
        if not triggers_raw:
            return []
        s0 = self._skip_dateline(doc, s0, s1)
        actor_matches = [m for m in matches if m[2].kind != TRIGGER and m[0] >= s0]
        if not actor_matches:
            return []
        words = [t.lower_ for t in doc[s0:s1]]
        self._s0, self._words = s0, words
        kept = self._longest(actor_matches)
        units = self._units(doc, kept, day)
        if not units:
            return []
        self._group(units)
        self._resolve_bare(units)
        triggers = self._triggers(triggers_raw, kept, s0, s1)
        events: list[RawEvent] = []
        for trig in triggers:
            if self._cancelled(trig):
                continue
            events += self._roles(trig, units)
        return self._dedupe(events)

    # ------------------------------------------------------------------------------------ helpers
    def _w(self, i: int) -> str:
        j = i - self._s0
        return self._words[j] if 0 <= j < len(self._words) else ""

    def _skip_dateline(self, doc, s0: int, s1: int) -> int:
        """First token after a dateline such as "Jakarta, CNN Indonesia -- " (not actors)."""
        if s0 >= s1:
            return s0
        start_char = doc[s0].idx
        text = doc.text[start_char: doc[s1 - 1].idx + len(doc[s1 - 1].text)]
        for pattern in self.g.datelines:
            m = pattern.match(text)
            if m and m.end() < len(text) - 10:
                cut = start_char + m.end()
                i = s0
                while i < s1 and doc[i].idx < cut:
                    i += 1
                return i
        return s0

    @staticmethod
    def _longest(matches):
        """Non-overlapping matches, longest first (so "Korea Utara" beats "Korea")."""
        taken: set[int] = set()
        out = []
        for start, end, entry in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
            if any(i in taken for i in range(start, end)):
                continue
            taken.update(range(start, end))
            out.append((start, end, entry))
        out.sort(key=lambda m: m[0])
        return out

    def _units(self, doc, kept, day) -> list[Unit]:
        head_first = self.g.head == "first"
        units: list[Unit] = []
        cur: Unit | None = None
        i = 0
        while i < len(kept):
            start, end, entry = kept[i]
            adjacent = cur is not None and start == cur.end
            # "Duta Besar Inggris untuk Amerika Serikat": the actor after "untuk" belongs to the
            # role noun before it (an envoy to X), it is not a party of its own.
            if (cur is not None and cur.sector and start == cur.end + 1 and self._w(cur.end) == "untuk"
                    and entry.kind in (ACTOR, CAPITAL)):
                cur.end = end
                i += 1
                continue
            if adjacent and self._merges(cur, entry, head_first):
                self._absorb(cur, entry, end, day, head_first)
            else:
                if cur is not None:
                    units.append(cur)
                cur = Unit(start=start, end=start)
                prev = self._w(start - 1)
                cur.governed_by = prev if prev in self.g.prepositions else ""
                self._absorb(cur, entry, end, day, head_first)
            i += 1
        if cur is not None:
            units.append(cur)
        for u in units:
            self._finish(u)
        return [u for u in units if u.code or u.bare]

    @staticmethod
    def _merges(cur: Unit, entry: Entry, head_first: bool) -> bool:
        if entry.kind == AGENT:
            # "Israeli troops": a role noun after a country only merges in head-last languages.
            return bool(cur.sector) or not head_first
        if entry.kind == DEMONYM:
            return bool(cur.sector)
        if entry.actor is not None and entry.actor.kind == "person":
            return True
        # A country after a role noun: "militer Israel", "Presiden Rusia".
        return bool(cur.sector) and not cur.country and not cur.person

    def _absorb(self, u: Unit, entry: Entry, end: int, day: str | None, head_first: bool) -> None:
        u.end = end
        if entry.kind == AGENT:
            if not u.sector or not head_first:
                u.sector = entry.sector
            if entry.country and not u.country:
                u.country = entry.country
            return
        actor = entry.actor
        if actor.kind == "person":
            u.person = True
            u.code = actor.code_at(day)
            return
        if not u.person:
            u.country = actor.code

    def _finish(self, u: Unit) -> None:
        if u.person:
            return
        if u.country:
            base = u.country
            if _is_countryish(base) and u.sector:
                u.code = base + u.sector
            else:
                u.code = base
        elif u.sector:
            u.bare = True

    def _group(self, units: list[Unit]) -> None:
        """Join units linked by conjunctions into groups ("Arab Saudi, Mesir dan Bahrain")."""
        gid = 0
        units[0].group = gid
        i = 0
        while i < len(units):
            j = i
            seps = []
            while j + 1 < len(units):
                between = [self._w(k) for k in range(units[j].end, units[j + 1].start)]
                if len(between) != 1 or between[0] not in self.g.conjunctions:
                    break
                seps.append(between[0])
                j += 1
            # A run joined only by commas is not a list ("Menurut Lavrov, Rusia ...") unless it
            # ends with a real conjunction ("A, B dan C").
            if seps and all(s == "," for s in seps):
                j = i
            for k in range(i, j + 1):
                units[k].group = gid
                if k > i:
                    units[k].governed_by = units[i].governed_by
            gid += 1
            i = j + 1

    def _resolve_bare(self, units: list[Unit]) -> None:
        """A role noun with no country: the country of a place the sentence is set in, else the
        language's default country (Indonesian news: "polisi" is the Indonesian police)."""
        located = [u for u in units if not u.bare and u.governed_by == "di" and _is_countryish(u.code[:3])]
        fallback = located[0].code[:3] if located else self.g.default_country
        for u in units:
            if u.bare:
                u.code = (fallback + u.sector) if fallback else ""

    def _triggers(self, raw, kept, s0: int, s1: int) -> list[Trigger]:
        in_actor = set()
        for start, end, _ in kept:
            in_actor.update(range(start, end))
        cands: list[Trigger] = []
        for start, end, entry in raw:
            if start < s0 or any(i in in_actor for i in range(start, end)):
                continue
            rule = entry.rule
            span_end = end
            if rule.with_:
                hit = self._find_phrase(rule.with_, end, min(s1, end + WITH_WINDOW))
                if hit is None:
                    continue
                span_end = hit
            if rule.without and self._find_phrase(rule.without, end, min(s1, end + WITHOUT_WINDOW)) is not None:
                continue
            cands.append(Trigger(start, end, entry, span_end))
        cands.sort(key=lambda t: (-(t.span_end - t.start), -bool(t.entry.rule.with_), -len(t.entry.rule.code), t.start))
        taken: set[int] = set()
        out = []
        for t in cands:
            if any(i in taken for i in range(t.start, t.end)):
                continue
            taken.update(range(t.start, t.end))
            out.append(t)
        out.sort(key=lambda t: t.start)
        return out

    def _find_phrase(self, phrases, lo: int, hi: int) -> int | None:
        """End index of the first of `phrases` starting in [lo, hi), or None."""
        for i in range(lo, hi):
            for p in phrases:
                parts = p.lower().split()
                if all(self._w(i + k) == part or (k == len(parts) - 1 and self._w(i + k).startswith(part))
                       for k, part in enumerate(parts)):
                    return i + len(parts)
        return None

    def _clause_start(self, i: int) -> int:
        """First token of the clause that token i is in."""
        k = i - 1
        while k >= self._s0 and self._w(k) not in self.g.clause_boundaries:
            k -= 1
        return k + 1

    def _cancelled(self, t: Trigger) -> bool:
        """Negated ("tidak akan menyerang") or conditional ("jika Israel menyerang") triggers."""
        lo = max(self._clause_start(t.start), t.start - self.g.negation_window)
        before = [self._w(k) for k in range(lo, t.start)]
        joined = " ".join(before)
        for neg in self.g.negations:
            if (" " in neg and neg in joined) or neg in before:
                return True
        clause = self._clause_start(t.start)
        return any(self._w(k) in self.g.conditionals for k in range(clause, t.start))

    # ---------------------------------------------------------------------------- role assignment
    def _group_of(self, units: list[Unit], u: Unit) -> list[Unit]:
        return [v for v in units if v.group == u.group]

    def _coordinated(self, anchor: int) -> bool:
        """Is the verb at `anchor` the second of two coordinated predicates ("... dan mengecam")?"""
        k = anchor - 1
        while k >= self._s0 and self._w(k) in self.g.adverbs:
            k -= 1
        return self._w(k) in self.g.coordinators

    def _subject(self, units: list[Unit], anchor: int) -> list[Unit]:
        clause = self._clause_start(anchor)
        if self._coordinated(anchor):
            # A coordinated predicate shares the clause's subject: the first actor of the clause
            # that is not inside a prepositional phrase, not the object of the first verb.
            for u in units:
                if clause <= u.start and u.end <= anchor and not u.governed_by and anchor - u.end <= 3 * SUBJECT_WINDOW:
                    return [v for v in self._group_of(units, u) if v.end <= anchor]
            return []
        for u in reversed(units):
            if u.end > anchor or u.start < clause or anchor - u.end > SUBJECT_WINDOW:
                continue
            if u.governed_by:
                continue
            group = self._group_of(units, u)
            return [v for v in group if v.end <= anchor]
        return []

    def _after(self, units: list[Unit], lo: int, *, direct: bool = True, exclude=()) -> list[Unit]:
        """The object after position lo: a unit right after it, or one after a target preposition."""
        for u in units:
            if u.start < lo or u in exclude:
                continue
            if any(self._w(k) in self.g.clause_boundaries for k in range(lo, u.start)):
                return []
            gap = u.start - lo
            if direct and not u.governed_by and gap <= OBJECT_WINDOW:
                return self._group_of(units, u)
            if u.governed_by and (u.governed_by in self.g.target_prepositions or self._two_word_prep(u)) and gap <= OBLIQUE_WINDOW:
                return self._group_of(units, u)
            if u.governed_by in self.g.agent_markers:
                continue
            if gap > OBLIQUE_WINDOW:
                return []
        return []

    def _two_word_prep(self, u: Unit) -> bool:
        pair = f"{self._w(u.start - 2)} {self._w(u.start - 1)}"
        return pair in self.g.target_prepositions

    def _agent(self, units: list[Unit], lo: int, window: int = OBLIQUE_WINDOW) -> list[Unit]:
        """The agent of a passive or nominal event: the actor after "oleh" (by)."""
        for u in units:
            if u.start < lo or u.start - lo > window:
                continue
            if u.governed_by in self.g.agent_markers:
                return self._group_of(units, u)
        return []

    def _roles(self, t: Trigger, units: list[Unit]) -> list[RawEvent]:
        voice = t.entry.voice
        rule = t.entry.rule
        after = t.span_end
        sources: list[Unit] = []
        targets: list[Unit] = []
        if voice == "nominal":
            light = self._light_verb_before(t.start)
            passive_light = self._passive_light_after(t.end)
            if light is not None:
                voice = "active"
                sources = self._subject(units, light)
                targets = self._after(units, after, direct=False)
            elif passive_light is not None:
                voice = "passive"
                sources = self._agent(units, passive_light)
                targets = self._after(units, passive_light, direct=False, exclude=sources)
            else:
                sources = self._genitive(units, after)
                if not sources:
                    sources = self._agent(units, after)
                targets = self._after(units, after, direct=False, exclude=sources)
        elif voice == "passive":
            targets = self._subject(units, t.start)
            sources = self._agent(units, after)
            if not sources:
                # "ditembak tentara India": the agent may follow a passive verb with no "oleh".
                sources = [u for u in self._after(units, after, direct=True) if u.start - after <= 1 and not u.governed_by]
        else:
            sources = self._subject(units, t.start)
            targets = self._after(units, after, direct=True, exclude=sources)
        if not sources:
            return []
        if rule.no_target:
            targets = []
        return self._pairs(sources, targets, t, voice)

    def _genitive(self, units: list[Unit], lo: int) -> list[Unit]:
        for u in units:
            if u.start < lo:
                continue
            if u.start - lo <= GENITIVE_WINDOW and (not u.governed_by or u.governed_by == "antara"):
                return self._group_of(units, u)
            break
        return []

    def _light_verb_before(self, i: int) -> int | None:
        # "melakukan serangan", "menggelar pertemuan bilateral", "mengadakan sebuah pertemuan"
        for k in range(i - 1, max(self._s0, i - 3) - 1, -1):
            if self._w(k) in self.g.light_verbs:
                return k
        return None

    def _passive_light_after(self, i: int) -> int | None:
        # "serangan (yang) dilakukan oleh Hamas"
        for k in range(i, i + 4):
            if self._w(k) in self.g.passive_light_verbs:
                return k + 1
        return None

    def _pairs(self, sources, targets, t: Trigger, voice: str) -> list[RawEvent]:
        rule = t.entry.rule
        out = []
        if rule.symmetric:
            parties = sources + [u for u in targets if u not in sources]
            if len(parties) > 1:
                for a in parties:
                    for b in parties:
                        if a is not b and a.code != b.code:
                            out.append(RawEvent(a, b, rule.code, rule.id, t, voice, a.code, b.code))
                return out
        for s in sources:
            if not targets:
                out.append(RawEvent(s, None, rule.code, rule.id, t, voice, s.code, ""))
            for tg in targets:
                if tg.code != s.code:
                    out.append(RawEvent(s, tg, rule.code, rule.id, t, voice, s.code, tg.code))
        return out

    @staticmethod
    def _dedupe(events: list[RawEvent]) -> list[RawEvent]:
        seen = set()
        out = []
        for e in events:
            key = (e.source_code, e.target_code, e.code)
            if key in seen or not e.source_code:
                continue
            seen.add(key)
            out.append(e)
        return out
