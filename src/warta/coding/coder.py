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

import re
from dataclasses import dataclass, replace

from ..geo import gazetteer, mentions
from .dictionaries import Grammar
from .lexicon import ACTOR, AGENT, CAPITAL, DEMONYM, TRIGGER, Entry, Lexicon

_AGE = re.compile(r"\(\d{1,3}\)")  # "Sri Rahayu (32)"
SUBJECT_WINDOW = 20  # tokens to look left for a subject
OBJECT_WINDOW = 4  # a direct object starts within this many tokens after the trigger
OBLIQUE_WINDOW = 10  # a target after a preposition starts within this many tokens
GENITIVE_WINDOW = 2  # "serangan milisi Rohingya": the source follows the event noun closely
NOMINAL_AGENT_WINDOW = 3  # "kecaman keras dari Moskow"
WITH_WINDOW = 8
LATE_AGENT_WINDOW = 25  # ", by X" after a passive verb's aside: "accused of ..., much of it ..., by X"
DATELINE_PARAGRAPHS = 2  # "Jakarta, CNN Indonesia --" opens an article, not its later paragraphs
STATE_ACT_ROOTS_BELOW = "18"  # roots 01-17: a plain country name is its government
# Roots whose complement clause is not itself an event: appeal, intent, demand, accuse or
# criticise, reject, threaten ("menuduh bahwa Doha mendukung terorisme" is an accusation only).
IRREALIS_ROOTS = frozenset({"02", "03", "10", "11", "12", "13"})
DENIALS = frozenset({"016"})  # "denied accusations that it supports the rebels": what is denied is no act
WITHOUT_WINDOW = 3
# Statements, appeals, consultations, demands, disapproval and rejection are about a place, not
# aimed at it: "called for a ceasefire in Gaza" has no target.
PLACE_IS_NO_TARGET = frozenset({"01", "02", "04", "05", "10", "11", "12"})
# Consultations and diplomatic cooperation need a second party ("the Cabinet met" is internal
# business); an agreement to do something ("the Council agreed to extend ...") does not.
PARTNER_ROOTS = frozenset({"04", "05"})
# Complaints and criticism "to X over Y" are aimed at Y.
TOPIC_ROOTS = frozenset({"11"})
# A demand, appeal, condemnation or rejection (02, 10, 11, 12) within PURPOSE_WINDOW tokens after a
# protest (14) is the protest's purpose ("rallied to reject the job creation law").
PROTEST_ROOTS = frozenset({"14"})
PURPOSE_ROOTS = frozenset({"02", "10", "11", "12"})
PURPOSE_WINDOW = 12
# A threat's condition names whom it is aimed at ("threatened to ... if the United States ...").
THREAT_ROOTS = frozenset({"13"})
# Assault, fight and mass violence: with no named doer, an unidentified armed force's.
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
# CAMEO 183 is bombing by other than military means; a bombing by an army or its aircraft is 195.
NON_MILITARY_BOMBING, MILITARY_BOMBING = "183", "195"
VISIT_ROOT = "04"  # visits and meetings: "during a visit to X" is the clause subject's
OF_OBJECT_ROOTS = frozenset({"17", "18", "19", "20"})  # coercion and violence: "of" names the one acted on
INTERNATIONAL_BODIES = frozenset({"IGO", "NGO"})  # the CCC of intergovernmental and international NGO codes
ASIDE_WINDOW = 20  # longest relative or participle aside between commas skipped to find a subject
PAREN_WINDOW = 6  # "(UNIFIL)", "(Freedom)": a bracketed aside this short does not end a clause


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
    target_only: bool = False  # a generic noun ("orang") that is an actor only as a target
    plain_country: bool = False  # only a country's name or capital: "Rusia", "Pyongyang"
    guessed: bool = False  # the country is the article's only foreign one, not read in the phrase
    governed_by: str = ""  # preposition before the unit ("" when none)
    group: int = -1
    last_kind: str = ""  # kind of the last match absorbed (actor, demonym, agent ...)
    possessed: bool = False  # after a possessive pronoun: "their forces", "its troops"
    placed_by: "Unit | None" = None  # the place in the clause that gave a role noun its country
    town: bool = False  # a gazetteer place: where things happen, never a doer, never a government
    people: bool = False  # a people named by a demonym's plural only ("Albanians")


@dataclass(slots=True)
class Trigger:
    start: int
    end: int
    entry: Entry
    span_end: int  # end including the `with` words
    with_start: int = -1  # where the `with` words start (-1: none)

    def tokens(self) -> set[int]:
        out = set(range(self.start, self.end))
        if self.with_start >= 0:
            out.update(range(self.with_start, self.span_end))
        return out


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


def _out_of_office(entry, day: str | None) -> int:
    # Two people named alike: the date decides which one the name means (see Actor.days_out_of_office).
    return entry.actor.days_out_of_office(day) if entry.actor is not None else 0


def _is_countryish(code: str) -> bool:
    return len(code) == 3 and code not in ("IGO", "NGO")


class Coder:
    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        self.g: Grammar = lexicon.grammar
        # `with`/`without` phrases indexed by their first word, compiled once.
        self._phrase_index: dict[tuple[str, ...], dict[str, list[tuple[str, ...]]]] = {}
        self._claimer: list[Unit] = []  # the source of a claim of responsibility in this sentence
        self.towns: list[tuple[int, int, str]] = []
        self.begin_article()

    # ------------------------------------------------------------------------- article context
    def begin_article(self) -> None:
        """Reset what the coder knows about the article (the countries it has mentioned)."""
        self._home_seen = False  # an actor of the language's default country was mentioned
        self._foreign: set[str] = set()  # other countries mentioned
        self._paragraphs = 0
        self._text: str | None = None
        self._para = None  # the paragraph's token offsets, read once when places are looked up

    def begin_paragraph(self, text: str) -> None:
        """The next doc's text (doc.text would join every token anew); datelines can only open
        an article's first paragraphs."""
        self._paragraphs += 1
        self._text = text
        self._para = None

    def _dateline_possible(self, s0: int) -> bool:
        return s0 == 0 and self._paragraphs <= DATELINE_PARAGRAPHS

    def observe(self, doc, s0: int, s1: int, matches, day: str | None) -> None:
        """Note the countries of a sentence's actors (every sentence, coded or not)."""
        # Datelines do not count: outlets file foreign stories under "Jakarta, CNN Indonesia --".
        if self._dateline_possible(s0) and matches:
            s0 = self._skip_dateline(doc, s0, s1)
        home = self.g.default_country
        for start, end, entry in self._longest([m for m in matches if m[0] >= s0 and m[2].actor is not None], day):
            if entry.actor.kind == "ignore":
                continue
            code = entry.actor.code_at(day)[:3]
            if not _is_countryish(code):
                continue
            if code == home:
                self._home_seen = True
            else:
                self._foreign.add(code)

    # ------------------------------------------------------------------ sentence-level entry point
    def code_sentence(self, doc, s0: int, s1: int, matches, day: str | None, text: str | None = None) -> list[RawEvent]:
        """Events in tokens [s0, s1) of `doc`, given the lexicon's matches inside that range.
        `text` is the doc's text when the caller has it (doc.text joins every token anew)."""
        self._accepted, self._trigger_tokens, self._trigger_starts = [], set(), set()
        self.towns = []  # gazetteer places taken as actors in this sentence (for `explain`)
        self.why: dict[int, str] = {}  # trigger start -> why it gave no event (for `explain`)
        self._no_event_reason = ""
        triggers_raw = [m for m in matches if m[2].kind == TRIGGER]
        if not triggers_raw:
            return []
        if self._dateline_possible(s0):
            s0 = self._skip_dateline(doc, s0, s1)
        actor_matches = [m for m in matches if m[2].kind != TRIGGER and m[0] >= s0
                         and not (m[2].actor is not None and m[2].actor.not_yet_public(day))]
        if not actor_matches:
            return []
        self._s0, self._s1, self._doc = s0, s1, doc
        # Lower-cased words of the sentence, read once: the role and target searches look at
        # the same words many times.
        self._words = [t.lower_ for t in doc[s0:s1]]
        self._wordset = set(self._words)
        kept = self._longest(actor_matches, day)
        # "Real Madrid", "bahasa Inggris": a longer non-actor name has won over the actor inside it.
        kept = [m for m in kept if m[2].actor is None or m[2].actor.kind != "ignore"]
        if self.g.affiliation_prefixes:
            # "anti-Syria journalist", "pro-Russian separatists": an affiliation, not the country.
            kept = [m for m in kept if not (self._w(m[0] - 1) == "-" and self._w(m[0] - 2) in self.g.affiliation_prefixes)]
        self._trig_pos = {k for start, end, _ in triggers_raw for k in range(start, end)}
        units = self._units(doc, kept, day)
        if self.g.gazetteer_places:
            units = self._with_places(doc, units, kept, triggers_raw, s0, s1, day)
        if self.g.private_person_sector:
            text = text or self._text or doc.text
            if _AGE.search(text, doc[s0].idx, doc[s1 - 1].idx + len(doc[s1 - 1])):
                units = self._private_persons(doc, units, s0, s1)
        if not units:
            return []
        self._group(units)
        self._resolve_bare(units)
        self._units_now = units
        triggers = self._triggers(triggers_raw, kept, s0, s1)
        self._accepted = triggers
        self._trigger_tokens = set().union(*(t.tokens() for t in triggers)) if triggers else set()
        # (an adjective such as "an armed group" bounds no phrase: it is no other event)
        self._trigger_starts = {t.start for t in triggers if not self._adjectival(t)}
        events: list[RawEvent] = []
        self.why = {}
        self._claimer = []
        self._found: dict[int, list[RawEvent]] = {}  # trigger start -> its events (for participle clauses)
        for trig in triggers:
            reason = self._cancelled(trig)
            if reason:
                self.why[trig.start] = reason
                continue
            self._no_event_reason = "source and target are the same actor"
            found = self._roles(trig, units, self._negated)
            self._found[trig.start] = found
            if trig.entry.rule.claims and found:
                # "Hamas claimed responsibility for the bombing that killed 18 Israelis": the
                # claimer is the doer of the violence named after the claim in this sentence
                self._claimer = [e.source for e in found if e.source is not None][:1]
            if not found:
                self.why[trig.start] = self._no_event_reason
            events += found
        return self._dedupe(self._fold_purposes(events))

    def _fold_purposes(self, events: list[RawEvent]) -> list[RawEvent]:
        """"Students staged demonstrations to demand reforms by the government", "Kurds demonstrated
        calling for independence from Iraq": a demand or appeal right after a protest is what the
        protest is for, not a second event; the protest is aimed at whom the demand is."""
        hosts = [e for e in events if e.code[:2] in PROTEST_ROOTS]
        if not hosts:
            return events
        out = []
        for d in events:
            host = next((h for h in hosts if d.code[:2] in PURPOSE_ROOTS
                         and 0 <= d.trigger.start - h.trigger.end <= PURPOSE_WINDOW), None)
            if host is None:
                out.append(d)
                continue
            self.why[d.trigger.start] = f"purpose of {host.rule} (what the protest is for, not a second event)"
            for h in hosts:
                if h.trigger is host.trigger and h.target is None and d.target is not None:
                    h.target, h.target_code = d.target, d.target_code
        return out

    # ------------------------------------------------------------------------------------ helpers
    def _w(self, i: int) -> str:
        k = i - self._s0
        return self._words[k] if 0 <= k < len(self._words) else ""

    def _skip_dateline(self, doc, s0: int, s1: int) -> int:
        """First token after a dateline such as "Jakarta, CNN Indonesia -- " (not actors)."""
        if s0 >= s1:
            return s0
        start_char = doc[s0].idx
        end_char = doc[s1 - 1].idx + len(doc[s1 - 1])
        full = self._text if self._text is not None else doc.text
        text = full[start_char:min(end_char, start_char + 200)]  # a dateline is short
        if end_char - start_char > 200:
            text += " " * 20  # the sentence goes on: keep the "not the whole sentence" check true
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
    def _longest(matches, day: str | None = None):
        """Non-overlapping matches, longest first (so "Korea Utara" beats "Korea"); where two
        people share a name ("Bush", "Aquino"), the one in office on `day` (else nearest to it)."""
        taken: set[int] = set()
        out = []
        for start, end, entry in sorted(matches, key=lambda m: (m[0] - m[1], m[0], _out_of_office(m[2], day))):
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
            if (adjacent and self._merges(cur, entry, head_first)) or (
                    cur is not None and not adjacent and self._bridges(doc, cur, start, entry, end)):
                self._absorb(cur, entry, end, day, head_first)
            else:
                if cur is not None:
                    units.append(cur)
                cur = Unit(start=start, end=start)
                cur.governed_by = self._governing(start, role=entry.kind in (AGENT, DEMONYM))  # ("by current Haitian officials")
                self._absorb(cur, entry, end, day, head_first)
            i += 1
        if cur is not None:
            units.append(cur)
        for u in units:
            if u.country and not u.person and self._w(u.start - 1) in self.g.ethnic_markers:
                # "ethnic Albanians", "ethnic Albanian guerrillas": a people, not Albania
                u.country, u.plain_country = "", False
                if not u.sector:
                    u.sector = self.g.demonym_plural_sector
            if u.country and u.sector and not u.person and self._w(u.end) in self.g.ally_nouns:
                # "Israel's militia ally in southern Lebanon": the country's ally, not its own
                u.country, u.plain_country = "", False
            self._finish(u)
            u.possessed = self._after_possessive_pronoun(u.start)
        return [u for u in units if u.code or u.bare]

    def _after_possessive_pronoun(self, start: int) -> bool:
        """"their forces", "its own troops": a possessive pronoun up to two plain words before."""
        for k in range(start - 1, max(self._s0, start - 3) - 1, -1):
            if self._w(k) in self.g.possessive_pronouns:
                return True
            if not self._plain_word(k) and k not in self._trig_pos:
                return False
        return False

    def _plain_word(self, k: int) -> bool:
        """A word that can stand inside a noun phrase: no preposition, conjunction, boundary,
        adverb or trigger word."""
        w = self._w(k)
        g = self.g
        return (w.isalpha() and k not in self._trig_pos and w not in g.prepositions and w not in g.conjunctions
                and w not in g.clause_boundaries and w not in g.adverbs and w not in g.relativizers)

    def _bridges(self, doc, cur: Unit, start: int, entry: Entry, end: int) -> bool:
        """Do `cur` and the match at `start` make one actor across the words between them?
        - a possessor and its role noun: "Sudan's government", "Iraq's interim government";
        - a demonym, modifiers and the role noun: "French paper workers" (head-last languages);
        - a role noun and the country it belongs to: "the president of Armenia", "King Hassan of
          Morocco", "rebels in the Ivory Coast"."""
        window = self.g.modifier_window
        gap = list(range(cur.end, start))
        if not window or not gap or len(gap) > window + 2:
            return False
        words = [self._w(k) for k in gap]
        if entry.kind == AGENT and cur.country and not cur.sector and not cur.person:
            if words[0] in self.g.possessive_suffixes:
                # ("Syria's state-run newspaper": a hyphenated modifier counts as one word)
                rest = [k for k in gap[1:] if self._w(k) != "-"]
                return len(rest) <= window + words.count("-") and all(self._plain_word(k) for k in rest)
            if cur.last_kind in (DEMONYM, ACTOR) and len(gap) == 2 and self._w(gap[0]) == "-":
                # "Vietnamese-led forces", "US-led coalition": the leader's forces
                return self._w(gap[1]) in self.g.leader_compounds
            if cur.last_kind == DEMONYM:
                # "French paper workers"; one capitalised word too: "Turkish Kurd refugees",
                # "Iraqi Shiite militias" (a people or faith within the country)
                return len(gap) <= window and all(
                    self._plain_word(k) and (doc[k].is_lower or (len(gap) == 1 and doc[k].is_title)) for k in gap)
            return False
        if (self.g.role_linkers and cur.sector and (not cur.country or cur.people) and not cur.person
                and entry.kind in (ACTOR, CAPITAL, DEMONYM) and entry.actor.kind in ("country", "igo")
                and not self._after_possessive_pronoun(cur.start)):  # "its forces in Lebanon" are not Lebanon's
            for j, w in enumerate(words):
                # "the Albanians of southern Serbia" live there; "Kenyans in Somalia" are Kenyans
                if w in self.g.role_linkers and (not cur.country or w in self.g.possessive_markers):
                    if self._w(end) in self.g.possessive_suffixes:
                        return False  # "a commander of Israel's militia": Israel owns the next noun
                    names, dets = gap[:j], words[j + 1:]
                    return (all(doc[k].is_title and k not in self._trig_pos for k in names)
                            and all(d in self.g.determiners or d in self.g.region_adjectives for d in dets))
        return False

    def _governing(self, start: int, role: bool = False) -> str:
        """The preposition an actor starting at `start` stands after, looking past determiners and
        quantifiers ("by the Israeli army", "kepada para pejabat"); "" when none."""
        k = start - 1
        # ("in northern Iraq", "in the south-west of": a region adjective is part of the place)
        while k >= self._s0 and start - k <= 3 and (
                self._w(k) in self.g.determiners or self._w(k) in self.g.region_adjectives):
            k -= 1
        if role and self.g.head == "last":
            # "talks with Muslim rebels", "against the armed separatists": up to `modifier_window`
            # adjectives before a role noun are part of its phrase
            j, mods = k, 0
            while mods < self.g.modifier_window and j > self._s0 and self._plain_word(j):
                j, mods = j - 1, mods + 1
                while j >= self._s0 and self._w(j) in self.g.determiners:
                    j -= 1
                if self._w(j) in self.g.prepositions:
                    k = j
                    break
        elif self.g.head == "last" and self._plain_word(k) and self._doc[k].is_lower and self._w(k - 1) in self.g.determiners:
            # "from the defeated Fatah Party", "by the outlawed PKK": one adjective between a
            # determiner and a name is part of the name's phrase
            j = k - 1
            while j >= self._s0 and self._w(j) in self.g.determiners:
                j -= 1
            if self._w(j) in self.g.prepositions:
                k = j
        prev = self._w(k)
        # "thousands of students", "a group of refugees": a partitive "of" heads no oblique phrase.
        if prev in self.g.possessive_markers and self._w(k - 1) in self.g.partitives:
            return ""
        # "after U.S. officials alleged ...": a word that also opens a clause introduces a subject.
        # (Opening the sentence, "Sejak Pyongyang meluncurkan ..." is background: left as it was.)
        if prev in self.g.clause_boundaries and k > self._s0:
            return ""
        return prev if prev in self.g.prepositions else ""

    def _with_places(self, doc, units: list[Unit], kept, triggers_raw, s0: int, s1: int, day: str | None) -> list[Unit]:
        """Towns and regions of the gazetteer as places of their country ("police in Lagos", "a
        bombing near the town of Samarra"), like capitals: only names that are safely one place."""
        if self._para is None or self._para.doc is not doc:
            self._para = mentions.Paragraph(doc, self._text)
        covered = {k for a, b, _ in kept for k in range(a, b)} | {k for a, b, _ in triggers_raw for k in range(a, b)}
        persons = {k for a, b, e in kept if e.actor is not None and e.actor.kind == "person" for k in range(a, b)}
        found = mentions.find(self._para, s0, s1, gazetteer.get_gazetteer(), self.g.language, covered, persons)
        if not found:
            return units
        countries = {u.code[:3] for u in units if _is_countryish(u.code[:3])} | self._foreign
        added = []
        for m in found:
            if any(k in covered for k in range(m.start, m.end)):
                continue  # a capital or another actor the dictionaries already know
            if any(0 <= k < len(doc) and s0 < k and doc[k].is_title for k in (m.start - 1, m.end)):
                continue  # part of a longer name: "Baghdad University", "National Union"
            if self._w(m.start - 1) in self.g.role_linkers and (
                    self._w(m.start - 2) in self.g.place_nouns or any(u.end == m.start - 1 and u.sector for u in units)):
                m.locative = True  # "the town of Samarra", "the mayor of Mostar" name a place
            place = mentions.resolve(m, countries, self.g.language)
            if (place is None or place.kind == "country" or not _is_countryish(place.country)
                    or not (m.locative or place.population >= mentions.NAMED_TOWN)):
                continue  # (a small town is only a place after "in", "near", ...)
            country = self.lex.formerly[place.country].code_at(day) if place.country in self.lex.formerly else place.country
            u = Unit(start=m.start, end=m.end, code=country, country=country, plain_country=True,
                     target_only=True, town=True)  # ("Milan fans clashed ...": a town does nothing)
            u.governed_by = self._governing(m.start)
            if self._w(m.start - 2) in self.g.place_nouns and self._w(m.start - 1) in self.g.role_linkers:
                u.governed_by = self._governing(m.start - 2)  # "in the city of Quetta": in Quetta
            self._finish(u)
            added.append(u)
            self.towns.append((u.start, u.end, u.code))
        return sorted(units + added, key=lambda u: u.start) if added else units

    def _private_persons(self, doc, units: list[Unit], s0: int, s1: int) -> list[Unit]:
        """News names private people with their age in brackets: "Sri Rahayu (32)". Such a name,
        unknown to the dictionaries, is an actor of the sector `private_person_sector` (CVL)."""
        taken = {k for u in units for k in range(u.start, u.end)}
        extra = []
        for i in range(s0 + 2, s1 - 2):
            if doc[i].text != "(" or not doc[i + 1].text.isdigit() or doc[i + 2].text != ")":
                continue
            if len(doc[i + 1].text) > 3:
                continue
            start = i
            while start - 1 >= s0 and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha and start - 1 not in taken:
                start -= 1
            if start < i:
                u = Unit(start=start, end=i, sector=self.g.private_person_sector, bare=True)
                u.governed_by = self._governing(start)
                extra.append(u)
        if not extra:
            return units
        return sorted(units + extra, key=lambda u: u.start)

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
        u.last_kind = entry.kind
        if entry.kind == AGENT:
            u.target_only = entry.target_only and not u.sector
            if not u.sector or not head_first:
                u.sector = entry.sector
            if entry.country and not u.country:
                u.country = entry.country
                u.people = entry.people
            return
        actor = entry.actor
        if actor.kind == "person":
            u.person = True
            u.plain_country = False
            u.code = actor.code_at(day)
            return
        if not u.person:
            u.country = actor.code_at(day)  # (a country's dated code: Juba before 2011 is Sudan's)
            u.plain_country = actor.kind == "country" and not u.sector

    def _finish(self, u: Unit) -> None:
        if u.sector:
            u.plain_country = False
        if u.person:
            # "Palestinian Prime Minister Ismail Haniyeh": an explicit title with its country says
            # what office the person holds in this text, whatever the dated roles say.
            if u.sector and _is_countryish(u.country):
                u.code = u.country + u.sector
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
                # "A, B, and C", "the government and the rebels": a serial comma and determiners
                # after the conjunction still join.
                while len(between) > 1 and between[0] != "," and between[-1] in self.g.determiners:
                    between.pop()
                # "the government and Malay Muslim rebels": modifiers of the next role noun
                mods = 0
                while (len(between) > 1 and between[0] != "," and mods < self.g.modifier_window
                       and units[j + 1].last_kind == AGENT and self._plain_word(units[j + 1].start - 1 - mods)):
                    between.pop()
                    mods += 1
                if len(between) == 2 and between[0] == "," and between[1] in self.g.conjunctions:
                    between = between[1:]
                if (units[i].governed_by in self.g.between_markers and 1 < len(between) <= 4
                        and between[-1] in self.g.conjunctions and between[-1] != ","
                        and all(self._plain_word(k) for k in range(units[j].end, units[j].end + len(between) - 1))):
                    # "between an Israeli peace movement and the PLO": the first party's head noun
                    # is no actor, yet "between" names two parties
                    between = between[-1:]
                if (len(between) > 2 and between[-1] == "," and units[j].plain_country and units[j + 1].plain_country
                        and len(between) <= 7 and (between[0] in self.g.conjunctions or between[0] == ",")
                        and any(w in self.g.conjunctions for w in between[:2])
                        and not any(w in self.g.clause_boundaries for w in between[2:-1])):
                    # "Iran, Sudan, and with strings attached, Cuba": an aside before a list's last country
                    between = [next(w for w in between[:2] if w in self.g.conjunctions)]
                if len(between) != 1 or between[0] not in self.g.conjunctions:
                    break
                seps.append(between[0])
                j += 1
            # A run joined only by commas is not a list unless it ends with a real conjunction
            # ("A, B dan C"); a comma after a prepositional phrase ends it ("Menurut Lavrov, Rusia").
            # A run of three or more countries is a list even with commas only ("to Iran, Libya,
            # North Korea, Sudan").
            listed = len(seps) >= 2 and all(units[k].plain_country for k in range(i, j + 1))
            if seps and not listed and (all(s == "," for s in seps) or (seps[0] == "," and units[i].governed_by)):
                j = i
            for k in range(i, j + 1):
                units[k].group = gid
                if k > i:
                    units[k].governed_by = units[i].governed_by
            head = units[j]
            if self.g.head == "last" and j > i and head.sector and head.last_kind == AGENT:
                # "French and Egyptian warships": the head noun belongs to every demonym before it.
                for k in range(i, j):
                    v = units[k]
                    # ("US and British forces": a country's acronym stands as an adjective too)
                    acronym = v.plain_country and v.end - v.start == 1 and self._doc[v.start].text.replace(".", "").isupper()
                    if (v.last_kind == DEMONYM or acronym) and not v.sector and _is_countryish(v.code):
                        v.sector, v.code, v.plain_country = head.sector, v.code + head.sector, False
            first = units[i]
            if (self.g.head == "last" and j > i and first.sector and not first.person
                    and any(self._w(k) in self.g.role_linkers for k in range(first.start, first.end))):
                # "the navies of Indonesia, Malaysia and Singapore": the role noun is every country's
                for k in range(i + 1, j + 1):
                    v = units[k]
                    if v.plain_country and not v.sector and _is_countryish(v.code):
                        v.sector, v.code, v.plain_country = first.sector, v.code + first.sector, False
            gid += 1
            i = j + 1

    def _resolve_bare(self, units: list[Unit]) -> None:
        """A role noun with no country ("polisi", "Presiden") takes, in order:
        1. the language's default country when the article is domestic: it has mentioned an actor
           of that country, or no country at all (Indonesian news: "polisi" is the Indonesian police);
        2. the only foreign country the article has mentioned ("Militer dan polisi menyerang ..." in
           a story about Myanmar);
        3. otherwise none yet: as a target it will take the source's country (see `_pairs`), as a
           source it cannot be placed and gives no event rather than a guess."""
        guessed = False
        if self._home_seen or not self._foreign:
            fallback = self.g.default_country
        elif len(self._foreign) == 1:
            fallback, guessed = next(iter(self._foreign)), True
        else:
            fallback = ""
        for u in units:
            if u.bare and self.g.group_country:
                # "the Sudanese government and the rebels": a role noun coordinated with a placed
                # actor shares its country.
                placed = [v for v in self._group_of(units, u) if not v.bare and _is_countryish(v.code[:3])]
                if placed:
                    u.code, u.guessed = placed[0].code[:3] + u.sector, False
                    continue
            if u.bare and u.possessed:
                # "Bosnian Serbs said their forces ...": the owner is the sentence's first subject.
                owner = self._antecedent(units, u.start)
                if owner and _is_countryish(owner[0].code[:3]):
                    u.code, u.guessed = owner[0].code[:3] + u.sector, False
                    continue
            if u.bare and self.g.affiliation_linkers:
                # "forces loyal to Gaddafi", "a group based in Trinidad": whose side or where based
                owner = self._affiliation(units, u)
                if owner is not None:
                    u.code, u.guessed, u.placed_by = owner.code[:3] + u.sector, False, owner
                    continue
            if u.bare and self.g.gazetteer_places:
                # "Police in Lagos", "the governor of Kano": a place right after the role noun
                # says whose it is, before any guess from the rest of the article.
                k = u.end + 1  # ("the governor of the Tyumen region": past determiners)
                while self._w(k) in self.g.determiners:
                    k += 1
                # ("the president of Israel's parliament": an owned body after "of" too)
                place = next((v for v in units if v.start == k and self._w(u.end) in self.g.role_linkers and (
                    v.plain_country or (self._w(u.end) in self.g.possessive_markers and not v.bare and not v.person
                                        and _is_countryish(v.code[:3])))), None)
                if place is not None:
                    u.code, u.guessed, u.placed_by = place.code[:3] + u.sector, False, place
                    continue
            if u.bare and not fallback and self.g.locative_prepositions:
                # "Prisoners rioted at a jail in East Timor's capital": with no country from the
                # article, a role noun takes the place its clause is set in.
                place = self._clause_place(units, u)
                if place is not None:
                    u.code, u.guessed, u.placed_by = place.code[:3] + u.sector, True, place
                    continue
            if u.bare:
                u.code = (fallback + u.sector) if fallback else ""
                u.guessed = guessed

    def _affiliation(self, units: list[Unit], u: Unit) -> Unit | None:
        """The placed actor right after an `affiliation_linkers` phrase after `u`, if any."""
        for phrase in self.g.affiliation_linkers:
            words = phrase.split()
            if [self._w(u.end + j) for j in range(len(words))] != words:
                continue
            k = u.end + len(words)
            while self._w(k) in self.g.determiners:
                k += 1
            return next((v for v in units if v.start == k and not v.bare and _is_countryish(v.code[:3])), None)
        return None

    def _clause_place(self, units: list[Unit], u: Unit) -> Unit | None:
        """The first place after `u` in its clause named after a locative preposition."""
        for v in units:
            if v.start <= u.start or v.start - u.end > 2 * OBLIQUE_WINDOW:
                continue
            if self._crosses_boundary(u.end, v.start):
                return None
            if (v.plain_country and v.governed_by in self.g.locative_prepositions
                    and self._w(v.end) not in self.g.border_nouns):
                return v
        return None

    def _triggers(self, raw, kept, s0: int, s1: int) -> list[Trigger]:
        in_actor = set()
        for start, end, _ in kept:
            in_actor.update(range(start, end))
        cands: list[Trigger] = []
        for start, end, entry in raw:
            if start < s0 or any(i in in_actor for i in range(start, end)):
                continue
            rule = entry.rule
            span_end, with_start = end, -1
            if rule.with_:
                hit = self._find_phrase(rule.with_, end, min(s1, end + WITH_WINDOW))
                if hit is None and entry.voice == "passive":
                    # "A power-sharing agreement was signed by ...": a passive's object is its subject
                    hit = self._find_phrase(rule.with_, max(s0, start - WITH_WINDOW), start)
                    if hit is not None and self._crosses_boundary(hit[1], start):
                        hit = None
                if hit is None:
                    continue
                with_start, span_end = hit
            if rule.without:
                hit = self._find_phrase(rule.without, end, min(s1, end + WITHOUT_WINDOW))
                # ("warned of famine" is excluded; in "warned Iraq of serious consequences" the
                # words after the object are about it, not the verb's sense)
                if hit is not None and not any(k in in_actor or self._doc[k].like_num for k in range(end, hit[0])):
                    # (nor after a number: "killed two members of an armed group" has its object)
                    continue
            cands.append(Trigger(start, end, entry, span_end, with_start))
        # The most specific reading wins: more words matched, then a rule with a `with`
        # condition, then the longer (more specific) CAMEO code. `with` words that are an actor
        # ("latihan angkatan laut") count for less than words that only the rule explains
        # ("latihan ... gabungan"): the actor would be there whatever the event.
        def weight(t: Trigger) -> tuple:
            own = sum(1 for k in t.tokens() if k not in in_actor or t.start <= k < t.end)
            # On a full tie the active reading wins ("rejected" is both an active and a passive form).
            # Last, for one verb, the `with` words nearest it: "blocked roads in Brussels to
            # protest ..." is blocking roads, not blocking a protest.
            near = abs(t.with_start - t.end) if t.with_start >= 0 else 0
            return (self._gerund_noun(t) and t.entry.voice == "active", -own, -(t.end - t.start), -bool(t.entry.rule.with_), -len(t.entry.rule.code),
                    t.entry.voice != "active", t.start, near)

        cands.sort(key=weight)
        taken: set[int] = set()
        out = []
        for t in cands:
            toks = t.tokens()
            if toks & taken:
                continue
            taken.update(toks)
            out.append(t)
        out.sort(key=lambda t: t.start)
        return out

    def _index(self, phrases: tuple[str, ...]) -> dict[str, list[tuple[str, ...]]]:
        idx = self._phrase_index.get(phrases)
        if idx is None:
            idx = {}
            for p in phrases:
                parts = tuple(p.lower().split())
                if not parts:
                    continue
                idx.setdefault(parts[0], []).append(parts)
                if len(parts) == 1:  # a single word may carry a clitic: "senjatanya"
                    for e in self.g.enclitics:
                        idx.setdefault(parts[0] + e, []).append(parts)
            # At one position the longest phrase wins ("emergency food aid" over "emergency food"),
            # whatever the order the dictionary lists them in.
            for first in idx:
                idx[first].sort(key=len, reverse=True)
            self._phrase_index[phrases] = idx
        return idx

    def _find_phrase(self, phrases, lo: int, hi: int) -> tuple[int, int] | None:
        """(start, end) of the first of `phrases` starting in [lo, hi), or None. The last word of a
        phrase may carry a clitic ("gencatan senjata" matches "gencatan senjatanya")."""
        idx = self._index(phrases)
        if self._wordset.isdisjoint(idx):  # no phrase can start anywhere in this sentence
            return None
        for i in range(lo, hi):
            for parts in idx.get(self._w(i), ()):
                n = len(parts)
                ok = True
                for k in range(1, n):
                    w = self._w(i + k)
                    if w != parts[k] and not (k == n - 1 and any(w == parts[k] + e for e in self.g.enclitics)):
                        ok = False
                        break
                if ok:
                    return i, i + n
        return None

    def _before_adverbs(self, i: int) -> int:
        """Index of the first word before position i that is no adverb, auxiliary or negation
        ("it will not accept": the subject is still "it")."""
        k = i - 1
        while k >= self._s0 and (self._w(k) in self.g.adverbs or self._w(k) in self.g.negations):
            k -= 1
        return k

    def _crosses_boundary(self, lo: int, hi: int) -> bool:
        """Is there a clause boundary among the words in [lo, hi)?"""
        return any(self._w(k) in self.g.clause_boundaries for k in range(lo, hi))

    def _clause_start(self, i: int) -> int:
        """First token of the clause that token i is in. A short bracketed aside is inside the
        clause: "The International Labor Office (ILO) reiterated ..."."""
        k = i - 1
        while k >= self._s0:
            w = self._w(k)
            if w == ")":
                opening = next((j for j in range(k - 1, max(self._s0, k - PAREN_WINDOW) - 1, -1) if self._w(j) == "("), None)
                if opening is not None and opening > self._s0:
                    k = opening - 1
                    continue
            if w == "," and self.g.head == "last":
                # "Israel, which has occupied the Golan since 1967, rejected ...", "Kuwait, backed
                # by the United States, demanded ...": a relative or participle aside between
                # commas is inside the clause, like brackets
                opening = next((j for j in range(k - 1, max(self._s0, k - ASIDE_WINDOW) - 1, -1)
                                if self._w(j) == ","), None)
                first = self._w(opening + 1) if opening is not None else ""
                if opening is not None and opening > self._s0 and first != "that" and (
                        first in self.g.relativizers or first.endswith(self.g.participle_endings)):
                    k = opening - 1
                    continue
            if w in self.g.clause_boundaries:
                break
            k -= 1
        return k + 1

    def _adjectival(self, t: Trigger) -> bool:
        """"the detained journalists", "an armed separatist group": a verb form after a determiner
        is an adjective."""
        return (t.entry.voice == "active" and self._w(t.start - 1) in self.g.determiners
                and bool(self.g.participle_endings) and self._w(t.start).endswith(self.g.participle_endings))

    def _comma_participle(self, start: int) -> bool:
        """Does a participle clause after a comma start at `start` (", killing 20 people")? It
        shares the sentence's subject."""
        return (self._w(start - 1) == "," and bool(self.g.gerund_endings)
                and self._w(start).endswith(self.g.gerund_endings))

    def _violent_noun(self, t: Trigger) -> Trigger | None:
        """The violent event noun that names the specific act of a general violent verb: in its
        subject ("A roadside bombing near Samarra killed ...", "A car bomb exploded ..., killing
        five"), else after "in" ("killed 1,400 people in a sarin gas attack")."""
        lo = self._s0 if self._comma_participle(t.start) else self._clause_start(t.start)
        before = next((o for o in reversed(self._accepted) if o.entry.voice == "nominal" and lo <= o.start
                       and o.end <= t.start and o.entry.rule.code[:2] in VIOLENT_ROOTS), None)
        if before is not None or not self.g.locative_prepositions:
            return before
        # "killed 1,400 people in a sarin gas attack": the act named after "in" is how they were killed
        for o in self._accepted:
            if (o.entry.voice == "nominal" and o.entry.rule.code[:2] in VIOLENT_ROOTS and t.end <= o.start
                    and o.start - t.end <= WITH_WINDOW + 4 and not self._crosses_boundary(t.end, o.start)):
                k = o.start - 1
                while k > t.end and o.start - k <= 3 and self._plain_word(k) and self._w(k) not in self.g.locative_prepositions:
                    k -= 1
                if self._w(k) in self.g.locative_prepositions:
                    return o
        return None

    def _violent_participle(self, t: Trigger) -> RawEvent | None:
        """For a violent participle after a comma ("..., killing 20 people"), the event of the
        violent act before it in the sentence that it reports the outcome of, if any."""
        if t.entry.voice != "active" or t.entry.rule.code[:2] not in VIOLENT_ROOTS or not self._comma_participle(t.start):
            return None
        for o in reversed(self._accepted):
            if o.start < t.start and o.entry.rule.code[:2] in VIOLENT_ROOTS:
                found = [e for e in self._found.get(o.start, ()) if e.source is not None]
                return found[0] if found else None
        return None

    def _unconventional_weapon(self, t: Trigger) -> bool:
        """Is one of the grammar's `unconventional_weapons` named in the trigger's clause, before it
        or within WITH_WINDOW + 2 words after it ("attacked by militiamen armed with machetes")?"""
        hi = t.end
        while hi < min(self._s1, t.end + WITH_WINDOW + 2) and self._w(hi) not in self.g.clause_boundaries and self._w(hi) != ",":
            hi += 1
        return any(self._w(k) in self.g.unconventional_weapons for k in range(self._clause_start(t.start), hi))

    def _natural_cause(self, t: Trigger) -> int:
        """Where a natural cause ("hurricane", "floods") stands in the subject of a trigger, -1 if
        none; a participle clause after a comma ("..., killing dozens") has the sentence's subject."""
        lo = self._s0 if self._comma_participle(t.start) else self._clause_start(t.start)
        return next((k for k in range(lo, t.start) if self._w(k) in self.g.natural_causes), -1)

    def _gerund_noun(self, t: Trigger) -> bool:
        """"over the killing", "the shelling of Gaza": a one-word -ing trigger after a determiner
        is a noun whose object follows "of" (see `_roles`), whether a verb or a noun pattern found it."""
        return (t.end - t.start == 1 and bool(self.g.gerund_endings) and self._w(t.start - 1) in self.g.determiners
                and self._w(t.start).endswith(self.g.gerund_endings))

    def _of_object(self, units: list[Unit], lo: int) -> list[Unit]:
        """The actor of an "of" phrase right at `lo`, past up to three modifiers ("of five
        Palestinian civilians", "of a police station")."""
        if self._w(lo) not in self.g.possessive_markers:
            return []
        for u in units:
            if u.start <= lo:
                continue
            if u.start - lo - 1 <= 3 and all(self._plain_word(k) or self._doc[k].like_num for k in range(lo + 1, u.start)):
                return self._group_of(units, u)
            break
        return []

    def _cancelled(self, t: Trigger) -> str:
        """Why a trigger is no event: negated ("tidak akan menyerang"), conditional ("jika Israel
        menyerang"), hedged, or the complement of an appeal or threat; "" when it stands."""
        self._negated = ""
        # "the decision of sending troops", "an appeal for deploying": a gerund after such a
        # preposition names an act inside a noun phrase, it does not report one.
        first = self._w(t.start)
        if self._adjectival(t):
            return f"a participle after {self._w(t.start - 1)!r} (an adjective, not an act)"
        if (t.entry.voice == "active" and self._w(t.start - 1) in self.g.gerund_prepositions
                and first.endswith(self.g.gerund_endings) and self.g.gerund_endings):
            return f"gerund after {self._w(t.start - 1)!r} (names an act, does not report one)"
        lo = max(self._clause_start(t.start), t.start - self.g.negation_window)
        before = [self._w(k) for k in range(lo, t.start)]
        joined = " ".join(before)
        for neg in self.g.negations:
            if (" " in neg and neg in joined) or neg in before:
                if not t.entry.rule.negated:
                    return f"negated by {neg!r}"
                self._negated = t.entry.rule.negated  # "will not accept refugees": a rejection
                break
        clause = self._clause_start(t.start)
        for k in range(clause, t.start):
            if self._w(k) in self.g.conditionals:
                return f"conditional ({self._w(k)!r})"
        # Hopes, wishes and possibilities are not acts: "berharap Sandiaga mau berkunjung",
        # "tak mungkin DPR memberangus kebebasan pers".
        lo = max(clause, t.start - self.g.hedge_window)
        for k in range(lo, t.start):
            if self._w(k) in self.g.hedges:
                return f"hedged ({self._w(k)!r})"
        # The complement of an appeal, demand, accusation or threat is what is asked, alleged or
        # threatened, not an act that happened: "mendesak Korea Utara untuk mematuhi ...",
        # "tudingan bahwa Doha mendukung terorisme", "mengancam akan menyerang".
        before = [o for o in self._accepted if o.end <= t.start]
        if before:
            other = max(before, key=lambda o: o.end)
            if other.entry.rule.code[:2] in IRREALIS_ROOTS or other.entry.rule.code in DENIALS:
                # from the end of the appeal's own words: its `with` words may hold the
                # complementizer ("demanded that Iran release ...")
                between = [self._w(k) for k in range(other.end, t.start)]
                for w in between:
                    if w in self.g.complementizers:
                        return f"complement of {other.entry.rule.id} (what is asked or threatened, not done)"
                    if w in self.g.clause_boundaries:
                        break  # "meminta ... setelah AS menyatakan siap ...": a new clause
        return ""

    # ---------------------------------------------------------------------------- role assignment
    def _in_trigger(self, u: Unit) -> bool:
        """Is the unit made only of trigger words ("mengirim utusan": the envoy is the act)?"""
        return all(k in self._trigger_tokens for k in range(u.start, u.end))

    def _group_of(self, units: list[Unit], u: Unit) -> list[Unit]:
        return [v for v in units if v.group == u.group]

    def _coordinated(self, anchor: int) -> bool:
        """Is the verb at `anchor` the second of two coordinated predicates ("... dan mengecam")?"""
        return self._w(self._before_adverbs(anchor)) in self.g.coordinators

    def _relative_head_is_not_an_actor(self, units: list[Unit], anchor: int) -> bool:
        """"negara-negara yang mendukung resolusi": the subject of a relative clause is its head
        noun; when that noun is no actor, no actor further left is the subject either."""
        k = self._before_adverbs(anchor)
        if self._w(k) not in self.g.relativizers:
            return False
        head = k - 1
        while head >= self._s0 and self._w(head) in (")", ","):
            head -= 1
        return not any(u.start <= head < u.end for u in units)

    def _antecedent(self, units: list[Unit], pronoun: int) -> list[Unit]:
        """"Hungary has said it will support ...": a subject pronoun refers back to the sentence's
        first actor that is a subject (not inside a prepositional phrase)."""
        for u in units:
            if u.end > pronoun:
                break
            if not u.governed_by and not self._in_trigger(u):
                return [v for v in self._group_of(units, u) if v.end <= pronoun]
        return []

    def _subject(self, units: list[Unit], anchor: int, *, first: bool = False) -> list[Unit]:
        clause = self._clause_start(anchor)
        k = self._before_adverbs(anchor)
        if self._w(k) in self.g.pronouns and not any(k < u.start < anchor for u in units):
            return self._antecedent(units, k)
        if self.g.gerund_endings and self._w(anchor).endswith(self.g.gerund_endings):
            # "students protesting against the law": a participle right after an actor is that
            # actor's act, whatever phrase the actor stands in.
            for u in units:
                if u.end == anchor and not u.plain_country:
                    return self._group_of(units, u)
            if self._w(anchor - 1) == ",":
                # "..., killing 20 people": a participle clause shares the sentence's subject.
                return self._antecedent(units, anchor)
        if self._w(k) in self.g.relativizers:
            # "... to Macedonia, which is preparing an offensive": the subject is the head noun.
            head = k - 1 if self._w(k - 1) == "," else k
            for u in units:
                if u.end == head:
                    return self._group_of(units, u)
        if self._relative_head_is_not_an_actor(units, anchor):
            return []
        # ("telephoned his counterpart to express ...": a purpose infinitive has the clause's subject)
        infinitive = self._w(k) in self.g.infinitive_markers and any(clause <= o.start < k for o in self._accepted)
        if first or infinitive or self._coordinated(anchor):
            # A coordinated predicate shares the clause's subject: the first actor of the clause
            # that is not inside a prepositional phrase, not the object of the first verb.
            # ("... killed two Iraqi youths and wounded five": the youths are the first verb's object.)
            first_verb = min((o.start for o in self._accepted if clause <= o.start < anchor), default=anchor)
            for u in units:
                if (clause <= u.start and u.end <= first_verb and not u.governed_by
                        and anchor - u.end <= 3 * SUBJECT_WINDOW):
                    return [v for v in self._group_of(units, u) if v.end <= anchor]
            return []
        for u in reversed(units):
            if u.end > anchor or u.start < clause or anchor - u.end > SUBJECT_WINDOW:
                continue
            if u.governed_by or self._in_trigger(u):
                continue
            group = self._group_of(units, u)
            return [v for v in group if v.end <= anchor]
        # "..., disampaikan Mattis ketika bertemu dengan Ryamizard": a subordinate clause with no
        # subject of its own shares the subject of the clause before it.
        if clause > self._s0 and self._w(clause - 1) in self.g.subordinators:
            return self._subject(units, clause - 1)
        return []

    def _reduced_relative_of_a_non_actor(self, units: list[Unit], t: Trigger) -> bool:
        """Is a passive trigger with no auxiliary ("kidnapped by") right after a plain noun that is
        no actor, and after an object of another verb, so a reduced relative clause on that noun?"""
        if not self.g.passive_auxiliaries or self._w(t.start) in self.g.passive_auxiliaries:
            return False  # "was kidnapped by": an auxiliary, a clause of its own
        if not self._plain_word(t.start - 1):
            return False
        if any(u.start <= t.start - 1 < u.end for u in units):
            return False  # "Israeli soldiers wounded by ...": the actor is the subject
        # ... and only when another verb came before it in the clause ("freed 300 schoolgirls
        # kidnapped by"), not at a clause's start ("Schoolgirls kidnapped by X were freed")
        clause = self._clause_start(t.start)
        return any(clause <= o.start < t.start - 1 for o in self._accepted)

    def _subject_owner(self, units: list[Unit], anchor: int) -> list[Unit]:
        """"A camp for Congolese refugees was attacked": when a passive subject's head noun is no
        actor, the actor it is of or for, right after it, is what was acted on."""
        links = self.g.possessive_markers | self.g.beneficiary_prepositions
        clause = self._clause_start(anchor)
        for u in reversed(units):
            if u.end > anchor or u.start < clause or anchor - u.end > SUBJECT_WINDOW:
                continue
            if u.governed_by not in links or self._in_trigger(u):
                return []
            prep = u.start - 1
            while prep > clause and self._w(prep) in self.g.determiners:
                prep -= 1
            head = prep - 1  # the noun the phrase hangs on: a plain word, not part of an actor
            if self._w(prep) in links and head >= clause and self._plain_word(head) and not any(
                    v.start <= head < v.end for v in units):
                return self._group_of(units, u)
            return []
        return []

    def _after(self, units: list[Unit], lo: int, *, direct: bool = True, exclude=(), authors: bool = False,
               author_first: bool = False) -> list[Unit]:
        """The target after position lo, within the clause:
        - a direct object: an actor starting within OBJECT_WINDOW tokens, not inside a
          prepositional phrase ("menyerang pemberontak Houthi", "memanggil Duta Besar Myanmar");
        - or an actor after a target preposition within OBLIQUE_WINDOW tokens, also deeper in
          that phrase ("menembakkan 59 rudal ke pangkalan udara ... milik Suriah").
        The search stops at another event noun, whose own phrase the actor then belongs to
        ("mengutuk serangan melawan pasukan Myanmar" condemns the attack, not Myanmar)."""
        seen_prep = False
        author: list[Unit] = []
        past_event = False  # beyond another event noun only its author can be the target
        k = lo
        hi = lo + OBLIQUE_WINDOW
        for u in units:
            # "withdraw their forces from Chad": the doer's own forces are not the target.
            # ("met his Japanese counterpart": a country of its own makes it another party)
            if u.start < lo or u in exclude or self._in_trigger(u) or (u.possessed and not u.country):
                continue
            if u.start > hi:
                return author
            while k < u.start:  # scan the words between for boundaries, prepositions, other events
                w = self._w(k)
                if w in self.g.clause_boundaries:
                    return author
                if k in self._trigger_starts:
                    if not authors:
                        return author
                    # "refused to respond to a demand from the US President", "condemned the
                    # attack by Hamas": the author of the event answered is the target.
                    past_event = True
                if w in self.g.target_prepositions or (
                        k + 1 < u.start and f"{w} {self._w(k + 1)}" in self.g.target_prepositions):
                    seen_prep = True
                k += 1
            if past_event:
                if u.governed_by in self.g.agent_markers or u.governed_by in self.g.nominal_agent_markers:
                    return author or self._group_of(units, u)
                if u.governed_by in self.g.between_markers:
                    return self._group_of(units, u)  # "brokered a truce between Israel and Hamas"
                continue
            if self.g.reporting_verbs and self._reports(self._phrase_end(units, u)):
                return author  # "..., Chilean police said": the reporting clause's subject
            gap = u.start - lo
            if gap == 0:
                return self._group_of(units, u)  # right after the trigger ("tiba di Moskow")
            if u.governed_by in self.g.agent_markers or u.governed_by in self.g.nominal_agent_markers:
                # "rejected calls by Belarus", "accepted demands from the rebels": with no other
                # target, the author of what the act answers is its target.
                if authors and not author:
                    author = self._group_of(units, u)
                    if author_first:
                        return author
                if u.governed_by in self.g.agent_markers:
                    continue
            # "membakar fasilitas milik PT Freeport": the owner of the object is the target.
            if direct and (not u.governed_by or u.governed_by in self.g.possessive_markers) and gap <= OBJECT_WINDOW:
                return self._group_of(units, u)
            if (u.governed_by in self.g.target_prepositions or u.governed_by in self.g.beneficiary_prepositions
                    or self._two_word_prep(u) or seen_prep):
                if u.governed_by in self.g.origin_prepositions:
                    # "fired rockets from Gaza into southern Israel": where from is no target when
                    # a goal follows
                    goal = next((v for v in units if u.end <= v.start <= hi and v.governed_by in self.g.target_prepositions
                                 and v.governed_by not in self.g.origin_prepositions
                                 and not self._crosses_boundary(u.end, v.start)), None)
                    if goal is not None:
                        return self._group_of(units, goal)
                return self._group_of(units, u)
        return author

    def _topic(self, units: list[Unit], lo: int, exclude=()) -> list[Unit]:
        """The actor after a topic preposition ("over", "about") in the trigger's clause."""
        for u in units:
            if u.start < lo or u in exclude or u.start - lo > 2 * OBLIQUE_WINDOW:
                continue
            if self._crosses_boundary(lo, u.start):
                return []
            if u.governed_by in self.g.topic_prepositions:
                return self._group_of(units, u)
        return []

    def _speaker(self, units: list[Unit], anchor: int) -> list[Unit]:
        """The subject of the clause that reports the clause of `anchor` ("X said (that) ...")."""
        clause = self._clause_start(anchor)
        for _ in range(3):  # "Straw said on Friday that ...": past "that" and "said"
            if clause <= self._s0:
                return []
            found = self._subject(units, clause - 1)
            if found:
                return found
            clause = self._clause_start(clause - 1)
        return []

    def _complement_subject(self, units: list[Unit], lo: int, exclude=()) -> list[Unit]:
        """The subject right after a complementizer that follows the trigger ("that the US")."""
        k = lo
        while k < self._s1 and k - lo < 3 and self._w(k) in self.g.adverbs:
            k += 1
        if self._w(k) not in self.g.complementizers or k >= self._s1:
            return []
        for u in units:
            if u.start <= k or u in exclude:
                continue
            between = range(k + 1, u.start)
            if len(between) <= 2 and all(self._w(j) in self.g.determiners for j in between) and not u.governed_by:
                return self._group_of(units, u)
            return []
        return []

    def _locative(self, units: list[Unit], lo: int, exclude=()) -> list[Unit]:
        """A country or place named after a locative preposition in the trigger's clause."""
        if not self.g.locative_prepositions:
            return []
        for u in units:
            if u.start < lo or u in exclude or u.start - lo > OBLIQUE_WINDOW:
                continue
            if self._crosses_boundary(lo, u.start) or any(k in self._trigger_starts for k in range(lo, u.start)):
                return []
            if (u.governed_by in self.g.locative_prepositions and u.plain_country and not u.bare and not u.town
                    and self._w(u.end) not in self.g.border_nouns
                    and not any(x.placed_by is u for x in exclude)):
                return [u]
        return []

    def _next_actor(self, units: list[Unit], lo: int, root: str, exclude=()) -> list[Unit]:
        """The first coded actor after `lo`, within `fallback_target_window` tokens, before a
        `fallback_target_stops`, reporting word ("..., Thai military sources said") or conditional
        ("will not accept refugees if war starts in Iraq"; a threat is aimed at the condition's
        actor: "threatened to stop talks if the United States goes ahead")."""
        for u in units:
            # ("warned that its forces would close the strait": one's own forces are not the target)
            if (u.start < lo or u in exclude or (u.possessed and u.bare) or self._in_trigger(u)
                    or any(x.placed_by is u for x in exclude)):
                continue
            if u.start - lo > self.g.fallback_target_window:
                return []
            end = self._phrase_end(units, u)
            if self._reports(end) or any(
                    self._w(k) in self.g.fallback_target_stops or self._w(k) in self.g.reporting_verbs
                    or (self._w(k) in self.g.conditionals and root not in THREAT_ROOTS) for k in range(lo, end)):
                return []
            if u.code and (not u.bare or self.g.fallback_bare):
                return self._group_of(units, u)
        return []

    def _unattributed(self, units: list[Unit], targets: list[Unit], lo: int, trigger: int) -> list[Unit]:
        """Violence with no named doer ("three soldiers were killed by a roadside bomb in the Iraqi
        city of Basra") is an unidentified armed force's, of the country where it happened; with no
        place named, of the victims' country, unless they are soldiers (often abroad)."""
        sector = self.g.unattributed_sector
        attacked = {u.code[:3] for u in targets if u.plain_country}  # a country attacked: by another
        place = next((u for u in units if u.start >= lo and u.plain_country and u not in targets and u.code
                      and u.code[:3] not in attacked and not any(x.placed_by is u or x.start == u.end for x in targets)
                      and not self._crosses_boundary(lo, u.start)), None)
        if place is None:
            # "A roadside bomb near the town of Fallujah killed ...": where, in the subject
            clause = self._clause_start(trigger)
            place = next((u for u in units if clause <= u.start < trigger and u.town and u.code
                          and u.code[:3] not in attacked), None)
        if place is not None:
            return [Unit(place.start, place.end, code=place.code[:3] + sector, sector=sector)]
        victim = targets[0]
        if (victim.code and _is_countryish(victim.code[:3]) and not attacked
                and not any(victim.code[3:].startswith(x) for x in self.g.soldier_sectors)):
            return [Unit(victim.start, victim.start, code=victim.code[:3] + sector, sector=sector)]
        return []

    def _reports(self, end: int) -> bool:
        """Does a reporting verb follow an actor ending at `end`, so that the actor is its subject
        ("Thai military sources said", "police said")?"""
        for k in range(end, min(end + 2, self._s1)):
            w = self._w(k)
            if w in self.g.reporting_verbs:
                return True
            if not w.isalpha() or w in self.g.prepositions:  # ("the ambassador over reports of spying")
                return False
        return False

    @staticmethod
    def _phrase_end(units: list[Unit], u: Unit) -> int:
        """Where the run of adjacent actor units starting with `u` ends ("Chilean" + "police")."""
        end = u.end
        for v in units:
            if v.start == end:
                end = v.end
        return end

    def _two_word_prep(self, u: Unit) -> bool:
        pair = f"{self._w(u.start - 2)} {self._w(u.start - 1)}"
        return pair in self.g.target_prepositions

    def _agent(self, units: list[Unit], lo: int, window: int = OBLIQUE_WINDOW, *, nominal: bool = False) -> list[Unit]:
        """The agent of a passive or nominal event: the actor after "oleh" (by); for an event noun
        also after "dari" ("kecaman dari Moskow")."""
        markers = self.g.agent_markers | (self.g.nominal_agent_markers if nominal else frozenset())
        for u in units:
            if u.start < lo or u.start - lo > window:
                continue
            if self._crosses_boundary(lo, u.start):
                return []
            if u.governed_by in markers:
                return self._group_of(units, u)
            if nominal and self.g.head == "last":
                # "the release of hostages held by Hamas": an actor between the noun and "by"
                # heads the phrase the agent belongs to.
                return []
        return []

    def _opens_clause(self, t: Trigger) -> bool:
        """Does the trigger open its clause, only determiners before it ("An attack on ...")?"""
        k = t.start - 1
        while k >= self._s0 and self._w(k) in self.g.determiners:
            k -= 1
        return k < self._clause_start(t.start)

    def _after_circumstance(self, start: int) -> bool:
        """Does a `circumstance_prepositions` word stand before `start`, past determiners and up to
        two adjectives ("during a two-day visit")?"""
        k, words = start - 1, 0
        while k > self._s0 and (self._w(k) in self.g.determiners or self._w(k) == "-" or (
                words < 3 and self._plain_word(k) and self._w(k) not in self.g.circumstance_prepositions)):
            words += self._w(k) not in self.g.determiners
            k -= 1
        return self._w(k) in self.g.circumstance_prepositions or f"{self._w(k - 1)} {self._w(k)}" in self.g.circumstance_prepositions

    def _late_agent(self, units: list[Unit], lo: int) -> list[Unit]:
        """The actor of a ", by X" phrase after a passive trigger's aside, within LATE_AGENT_WINDOW
        tokens, with no other event, clause boundary or reporting clause before it."""
        for u in units:
            if u.start < lo:
                continue
            if u.start - lo > LATE_AGENT_WINDOW or any(k in self._trigger_starts for k in range(lo, u.start)):
                return []
            if u.governed_by not in self.g.agent_markers:
                continue
            k = u.start - 1
            while k > lo and self._w(k) not in self.g.agent_markers:
                k -= 1
            if self._w(k - 1) != "," or self._crosses_boundary(lo, k):
                return []
            return self._group_of(units, u)
        return []

    def _roles(self, t: Trigger, units: list[Unit], code_: str = "") -> list[RawEvent]:
        voice = t.entry.voice
        rule = t.entry.rule
        if not code_ and voice == "active" and rule.code[:2] in VIOLENT_ROOTS and rule.code.endswith("0"):
            weapon = self._violent_noun(t)
            if weapon is not None:
                code_ = weapon.entry.rule.code  # "A roadside bombing killed ...": the bombing decides the code
        inherited = self._violent_participle(t)
        if inherited is not None and not code_ and rule.code.endswith("0"):
            code_ = inherited.code  # "blew himself up on a bus, killing 18": the bombing killed them
        if not code_ and self.g.unconventional_code and rule.code == "190" and self._unconventional_weapon(t):
            code_ = self.g.unconventional_code  # "militiamen armed with machetes attacked": an assault
        root = (code_ or rule.code)[:2]
        # Targets are looked for right after the trigger words: "mendesak Israel ... menghentikan".
        # A `with` phrase right after the trigger is part of the verb phrase ("would" + "tighten
        # the naval blockade"): the target comes after it, unless the phrase names it ("memanggil"
        # + "Duta Besar").
        after = t.end
        if t.with_start == t.end and not any(t.with_start <= u.start < t.span_end for u in units):
            after = t.span_end
        sources: list[Unit] = []
        targets: list[Unit] = []
        if (voice == "active" and self.g.passive_auxiliaries and self._w(t.start - 1) in self.g.passive_auxiliaries
                and (self._w(t.start).endswith(self.g.participle_endings)
                     or (self._w(t.end - 1).endswith(self.g.participle_endings) and self._w(t.end) in self.g.agent_markers))):
            # "has been killed in a car bomb", "were sharply criticized by": an active pattern
            # after a passive auxiliary is passive ("was deeply concerned" with no agent is not).
            voice = "passive"
        if (voice == "active" and self._w(t.start).endswith(self.g.participle_endings) and (
                self._w(t.end) in self.g.reduced_passive_after
                or (t.with_start == t.end and self._w(t.end) in self.g.verb_particles
                    and self._w(t.span_end - 1) in self.g.reduced_passive_after))):
            # "two Russian diplomats accused of spying", "West Africans ordered out of Nigeria": a
            # participle (with its particle) right before "of" heads a reduced relative clause,
            # passive ("accused Uganda of" has its object in between).
            voice = "passive"
        if inherited is not None:
            # "A Hamas suicide bomber blew himself up ..., killing at least 18 people": a participle
            # clause after a violent act reports its outcome, the act's doer's
            targets = self._after(units, after, direct=True, exclude=[inherited.source])
            if not targets:
                self._no_event_reason = "a participle clause of another violent act, with no object"
                return []
            # the people killed are those attacked ("a camp for Congolese refugees was attacked ...,
            # killing 156 people"), else where it happened ("on a bus in Jerusalem")
            victims = inherited.target_code[:3] if inherited.target is not None else ""
            if not _is_countryish(victims):
                place = self._locative(units, self._clause_start(t.start), exclude=[inherited.source])
                victims = place[0].code[:3] if place else ""
            if _is_countryish(victims):
                targets = [replace(u, code=victims + u.sector, guessed=False) if u.bare else u for u in targets]
            return self._pairs([inherited.source], targets, t, "active", code_)
        if self._gerund_noun(t):
            # "the shooting of two soldiers", "the army's shelling of Gaza": an -ing noun with its
            # object after "of"; its doer follows "by", owns it, or claimed it ("over the killing"
            # alone names an act, it reports none).
            targets = self._of_object(units, after)
            light = self._light_verb_before(t.start)
            sources = (self._agent(units, after) or self._possessor(units, t.start)
                       or (self._subject(units, light) if light is not None else [])
                       or (self._claimer if root in VIOLENT_ROOTS else []))
            if not targets or not sources:
                self._no_event_reason = f"an -ing noun after {self._w(t.start - 1)!r} with no doer or no object"
                return []
            return self._pairs(sources, targets, t, "nominal", code_)
        if voice == "active" and self.g.obligation_code and self._w(self._before_adverbs(t.start)) in self.g.obligations:
            # "(Straw said) the Sudanese government must reach an agreement": not an agreement but
            # the speaker's demand on the clause's subject.
            sources = self._speaker(units, t.start)
            targets = self._subject(units, t.start)
            if not sources or not targets:
                self._no_event_reason = "obligation ('must') with no speaker or no subject"
                return []
            return self._pairs(sources, targets, t, "active", self.g.obligation_code)
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
                if not sources:  # "permintaan maaf itu disampaikan Mattis": agent without "oleh"
                    sources = [u for u in self._after(units, passive_light, direct=True)
                               if u.start - passive_light <= 1 and not u.governed_by]
                targets = self._after(units, passive_light, direct=False, exclude=sources)
            else:
                sources = self._genitive(units, after) or self._possessor(units, t.start)
                if not sources or all(u.bare and (not u.code or u.guessed) for u in sources):
                    # "kecaman dari Moskow": the agent of an event noun follows it closely; further
                    # on, "dari"/"oleh" belong to another noun ("reaksi atas kebijakan dari Menteri").
                    # ("military aid from China": an unplaced role noun before the noun is a modifier)
                    sources = self._agent(units, after, NOMINAL_AGENT_WINDOW, nominal=True) or sources
                if not sources and self._claimer and root in VIOLENT_ROOTS:
                    sources = self._claimer
                if not sources and root == VISIT_ROOT:
                    # "a visit to Jakarta by the Australian prime minister"; "praised Chavez's
                    # programmes during a visit to Caracas": the clause subject's visit
                    sources = [u for u in self._agent(units, after) if u.governed_by in self.g.agent_markers] or (
                        self._subject(units, t.start, first=True) if self._after_circumstance(t.start) else [])
                if not sources and self._has_enclitic(t):
                    # "pertemuannya dengan Phu Trong", "lawatan resminya ke Indonesia": -nya points
                    # back to the clause's subject, the first actor of the clause.
                    sources = self._subject(units, t.start, first=True)
                # ("an attempt to assassinate the governor": a pattern ending in an infinitive takes
                # a direct object)
                targets = self._after(units, after, direct=t.end - t.start > 2 and self._w(t.end - 2) in self.g.complementizers,
                                      exclude=sources)
                of_object = self._of_object(units, after) if self.g.head == "last" and root in OF_OBJECT_ROOTS else []
                if of_object and (not targets or targets == of_object):
                    # "the assassination of the governor", "the arrest of two journalists by
                    # police": the one acted on follows "of" (a visit "of" X is X's own)
                    targets = of_object
                    sources = [u for u in sources if u not in of_object] or [
                        u for u in self._agent(units, after) if not any(k in self._trigger_starts for k in range(after, u.start))]
                receiver = self._light_verb_before(t.start, self.g.receiving_verbs)
                if not targets and sources and receiver is not None:
                    # "Japan received aid from the United States": the receiver is the target
                    targets = [u for u in self._subject(units, receiver) if u not in sources]
                if not targets and not rule.symmetric and not self._agent(units, after, nominal=True):
                    # A bare noun phrase such as "program bantuan Amerika Serikat" names an act
                    # without reporting one: with no target and no "oleh"/"dari" agent, no event.
                    self._no_event_reason = "event noun with no target and no agent: names an act, reports none"
                    return []
        elif voice == "passive":
            if self._reduced_relative_of_a_non_actor(units, t):
                # "freed 300 schoolgirls kidnapped by Boko Haram" with no actor for "schoolgirls":
                # the participle's subject is that noun, not an actor further left
                targets = []
            else:
                targets = self._subject(units, t.start) or self._subject_owner(units, t.start)
            sources = self._agent(units, after)
            if not sources and self.g.head == "last":
                # "has been accused of misusing funds, much of it believed embezzled, by Haitian
                # officials": the agent may follow an aside set off by commas
                sources = self._late_agent(units, after)
            if not sources and rule.source == "speaker":
                # "(Straw said) Libya must hand over ...": the demand is the speaker's.
                sources = self._speaker(units, t.start)
            if not sources:
                # "ditembak tentara India": the agent may follow a passive verb with no "oleh".
                sources = [u for u in self._after(units, after, direct=True) if u.start - after <= 1 and not u.governed_by]
            if not sources and targets and root in self.g.authority_roots:
                # "A US national has been put under investigation in Italy": an arrest or
                # investigation with no named agent is the authorities' of the place named.
                place = self._locative(units, after, exclude=targets)
                if place:
                    sources = [Unit(place[0].start, place[0].start, code=place[0].code[:3] + self.g.authority_sector,
                                    sector=self.g.authority_sector)]
        else:
            sources = self._subject(units, t.start)
            targets = self._after(units, after, direct=True, exclude=sources,
                                  authors=self.g.authors_as_targets or rule.author_target,
                                  author_first=rule.author_target)
            if root in TOPIC_ROOTS and self.g.topic_prepositions:
                # "complained to the UN over Israeli air raids": what is complained about is the target.
                topic = self._topic(units, after, exclude=sources)
                targets = topic or targets
            if not targets and root in IRREALIS_ROOTS:
                # "demanded that the US cancel ...": the demand is on the complement's subject.
                targets = self._complement_subject(units, after, exclude=sources)
                if targets and root in THREAT_ROOTS and all(u.possessed for u in targets):
                    # "warned that his guerrillas would fire rockets at Tel Aviv": a threat carried
                    # out by one's own forces is aimed at their object
                    targets = self._next_actor(units, targets[-1].end, root, exclude=sources + targets)
        # ("the bombing in Jerusalem that killed 18 Israelis": a town is no doer)
        sources = [u for u in sources if not u.town]
        if root in VIOLENT_ROOTS and self.g.natural_causes:
            cause = self._natural_cause(t)
            if cause >= 0 and not any(u.start < cause for u in sources):
                # "The hurricane killed 30 people", "An earthquake struck Turkey, killing dozens"
                self._no_event_reason = f"{self._w(cause)!r} is a natural cause, not an actor"
                return []
        if not sources and self._claimer and root in VIOLENT_ROOTS:
            sources = self._claimer
        if (not sources and targets and root in VIOLENT_ROOTS and self.g.unattributed_sector
                and (voice != "nominal" or self._opens_clause(t))):
            # ("An attempt to assassinate the governor was thwarted": a violent noun as its
            # clause's subject reports the act; as an object, "condemned the killing of", it names it)
            sources = self._unattributed(units, targets, after, t.start)
        if not sources:
            self._no_event_reason = ("no source: no actor before the trigger in its clause" if voice == "active"
                                     else f"no source: no agent for this {voice} trigger")
            return []
        if not targets and rule.with_target and t.with_start >= 0:
            # "released the opposition leader": the persons released are named by the `with` words
            targets = [u for u in units if t.with_start <= u.start and u.end <= t.span_end and u not in sources][:1]
            targets = self._group_of(units, targets[0]) if targets else []
        if not targets and not rule.no_target and not rule.symmetric and root not in PLACE_IS_NO_TARGET:
            # "lifted a curfew in Montenegro": an act with no other target is aimed at the
            # country where it takes place.
            targets = self._locative(units, after, exclude=sources)
        if (not targets and voice == "active" and self.g.fallback_target_window and not rule.no_target
                and not rule.symmetric and root not in PARTNER_ROOTS):
            # "refused to commit any assistance to the US-led war": with no object found, an act
            # is aimed at the next actor of its sentence (a language's coding convention).
            targets = self._next_actor(units, after, root, exclude=sources)
        own = sources[0].code[:3] if rule.own_target and sources and sources[0].code else ""
        if _is_countryish(own) and all(u.plain_country and u.code[:3] == own for u in targets):
            # "Sudan's government lifted the state of emergency", "Bolivia lifted the curfew in La
            # Paz": an act on the country's own people (its country, no sector), when no other
            # target, and no place abroad, is named.
            targets = [Unit(t.start, t.start, code=own, country=own)]
        if (not targets and len({u.code for u in sources}) > 1 and self.g.reciprocals
                and self._find_phrase(self.g.reciprocals, after, min(self._s1, after + 2)) is not None):
            # "Armenia and Azerbaijan accused each other of ...": every party at every other
            return [e for a in sources for e in self._pairs([a], [b for b in sources if b.code != a.code], t, voice, code_)]
        if rule.no_target:
            targets = []
        elif rule.symmetric:
            # Partners of a symmetric act are joined by "dengan"/"antara" or follow the verb at
            # once ("bertemu Gibran"); other objects are not partners: "bekerja sama dalam
            # menghadapi Korut" is no cooperation with North Korea.
            # ("telephoned his Turkish counterpart": past a determiner or possessive pronoun)
            targets = [u for u in targets if u.governed_by in self.g.partner_prepositions
                       or (not u.bare and all(self._w(k) in self.g.determiners or self._w(k) in self.g.possessive_pronouns
                                              for k in range(after, u.start)))]
            if (not targets and len(sources) == 1 and voice == "active" and self.g.fallback_target_window
                    and root not in PARTNER_ROOTS and not code_):
                # "the opposition agreed to postpone the demonstration in Baku": one party agreeing
                # to do something, an act aimed like any other, one way.
                targets = self._next_actor(units, after, root, exclude=sources)
                if targets:
                    return self._pairs(sources, targets, t, voice, rule.code)
        return self._pairs(sources, targets, t, voice, code_)

    def _has_enclitic(self, t: Trigger) -> bool:
        last = self._w(t.end - 1)
        return any(last.endswith(e) for e in self.g.enclitics)

    def _genitive(self, units: list[Unit], lo: int) -> list[Unit]:
        for u in units:
            if u.start < lo:
                continue
            if self._crosses_boundary(lo, u.start):
                break
            # Head-last languages put a bare possessor before the noun ("Israeli air strikes"): after
            # it only "of"/"between" can mark one ("the withdrawal of Serbian forces").
            bare_ok = self.g.head != "last"
            marked = u.governed_by in self.g.between_markers or (
                not bare_ok and u.governed_by in self.g.possessive_markers)
            if u.start - lo <= GENITIVE_WINDOW + (not bare_ok) and ((bare_ok and not u.governed_by) or marked):
                return self._group_of(units, u)
            break
        return []

    def _possessor(self, units: list[Unit], start: int) -> list[Unit]:
        """"Israel's attack", "Israeli air strikes", "the Russian government's refusal": in a
        head-last language the doer of an event noun can stand right before it."""
        if self.g.head != "last":
            return []
        for u in units:
            if u.end > start or u.end < start - 1 - self.g.modifier_window:
                continue
            gap = list(range(u.end, start))
            if gap and self._w(gap[0]) in self.g.possessive_suffixes:
                gap = gap[1:]
            if all(self._plain_word(k) for k in gap) and not u.governed_by:
                return [u]
        return []

    def _light_verb_before(self, i: int, verbs: frozenset[str] | None = None) -> int | None:
        # "melakukan serangan", "menggelar pertemuan bilateral", "mengadakan sebuah pertemuan";
        # further back only over plain words: "held a new round of border talks"
        for k in range(i - 1, max(self._s0, i - max(3, self.g.light_verb_window)) - 1, -1):
            # ("Russian-made rockets": a verb inside a hyphenated adjective is no light verb)
            if self._w(k) in (self.g.light_verbs if verbs is None else verbs) and self._w(k - 1) != "-":
                return k
            if i - k >= 3 and not (self._plain_word(k) or self._w(k) in self.g.determiners
                                   or self._w(k) in self.g.possessive_markers):
                return None
        return None

    def _passive_light_after(self, i: int) -> int | None:
        # "serangan (yang) dilakukan oleh Hamas"
        for k in range(i, i + 4):
            if any(i <= u.start < k for u in self._units_now):
                return None  # "the release of hostages held by Hamas": held belongs to the hostages
            if self._w(k) in self.g.passive_light_verbs:
                return k + 1
        return None

    def _pairs(self, sources, targets, t: Trigger, voice: str, code_: str = "") -> list[RawEvent]:
        rule = t.entry.rule
        event_code = code_ or rule.code
        out = []
        # A role noun that could not be placed, or a generic noun such as "orang" (people), which
        # is an actor when something is done to it but not as a doer ("Setiap orang yang ...").
        placed = [u for u in sources if u.code and not u.target_only]
        if not placed:
            words = " ".join(self._doc[u.start:u.end].text for u in sources)
            self._no_event_reason = f"source {words!r} has no country (a role noun the article does not place)"
            return out
        sources = placed
        for u in targets:
            # A role noun with no country as the target of a placed source: most such events are
            # domestic (police arrest protesters, an army fights rebels), so it takes the source's.
            if u.bare and not u.code and self.g.locative_prepositions:
                # "Israeli air strikes on Gaza killed ten people": the victims are where it happened.
                # "... killed 23 people ... when they blew themselves up in Tel Aviv": further
                # away, only a place named as where ("in") it happened.
                place = next((v for v in self._units_now if v.plain_country and v not in sources
                              and self._w(v.end) not in self.g.border_nouns and (
                    (abs(v.start - u.start) <= OBLIQUE_WINDOW and v.governed_by in self.g.target_prepositions)
                    or (abs(v.start - u.start) <= 2 * OBLIQUE_WINDOW
                        and v.governed_by in self.g.locative_prepositions))), None)
                if place is not None:
                    u.code = place.code[:3] + u.sector
            if u.bare and not u.code and _is_countryish(sources[0].code[:3]):
                u.code = sources[0].code[:3] + u.sector
        targets = [u for u in targets if u.code]
        # "Guru bahasa Inggris itu mengecam Rusia": a role noun placed only because Russia is the
        # article's one foreign country is no Russian when Russia is the other party.
        other = {u.code[:3] for u in targets if not u.guessed}
        if not self.g.domestic_guess:
            sources = [u for u in sources if not (u.guessed and u.code[:3] in other)]
        if not sources:
            self._no_event_reason = "source's country was only guessed, and it is the target's"
            return out
        state_act = event_code[:2] < STATE_ACT_ROOTS_BELOW

        def code(u: Unit) -> str:
            # A country named as the doer or addressee of a statement, appeal, visit, sanction or
            # arrest acts through its government ("Rusia menyerukan gencatan senjata" -> RUSGOV,
            # coding guide); in fighting (18-20) the country as a whole is the party.
            return u.code + "GOV" if state_act and u.plain_country and len(u.code) == 3 and not u.town else u.code

        # ("Putin and Erdogan met Macron": a direct object or partner is the other party)
        partners = [u for u in targets if not u.governed_by or u.governed_by in self.g.partner_prepositions]
        if rule.together and len({u.code[:3] for u in sources}) > 1 and not code_ and not partners:
            # "French and Egyptian warships launched war games": done together, it is cooperation.
            event_code = rule.together
            for a in sources:
                for b in sources:
                    if a is not b and a.code[:3] != b.code[:3]:
                        out.append(RawEvent(a, b, event_code, rule.id, t, voice, code(a), code(b)))
            return out
        if rule.symmetric and not code_:  # (a demand that two parties agree is no agreement)
            parties = sources + [u for u in targets if u not in sources]
            if len(parties) > 1:
                for a in parties:
                    for b in parties:
                        if a is not b and a.code != b.code:
                            out.append(RawEvent(a, b, event_code, rule.id, t, voice, code(a), code(b)))
                return out
        if not targets and self.g.symmetric_needs_partner and event_code[:2] in PARTNER_ROOTS:
            # "Israel's Cabinet met on Sunday": a meeting with no other party is internal business.
            self._no_event_reason = "a meeting or diplomatic act with no other party"
            return out
        def own_place(s: Unit, tg: Unit) -> bool:
            # "Bosnian Serbs completed their withdrawal from the Bosnian town of Gorazde": for
            # these roots a place in the doer's own country is where it acted, not whom it acted on.
            return (event_code[:2] in self.g.own_place_no_target_roots and tg.plain_country
                    and bool(s.sector) and tg.code[:3] == s.code[:3])

        def same(s: Unit, tg: Unit) -> bool:
            # "Hezbollah guerrillas killed the deputy chief of Israel's militia ally in southern
            # Lebanon": in violence a role noun placed by its clause is another party than a named one
            return code(tg) == code(s) and not (event_code[:2] in VIOLENT_ROOTS and tg.bare
                                                 and tg.placed_by is not None and not s.bare)

        for s in sources:
            # ("Rusia ... pemerintah Rusia": no act on oneself; "Serbia's president promised to
            # democratize Serbia": aimed only at itself, the act has no other target)
            if not targets or (self.g.self_target_dropped and event_code[:2] not in PARTNER_ROOTS
                               and all(same(s, tg) or own_place(s, tg) for tg in targets)):
                out.append(RawEvent(s, None, event_code, rule.id, t, voice, code(s), ""))
            for tg in targets:
                if not same(s, tg) and not own_place(s, tg):
                    # "forced the UN refugee agency out": expelling a body is 166, a person 174
                    body = rule.bodies and not code_ and code(tg)[:3] in INTERNATIONAL_BODIES
                    ev_code = rule.bodies if body else event_code
                    if ev_code == NON_MILITARY_BOMBING and s.sector == "MIL":
                        ev_code = MILITARY_BOMBING  # "the bombing of its embassy by NATO warplanes": an air strike
                    out.append(RawEvent(s, tg, ev_code, rule.id, t, voice, code(s), code(tg)))
                    if rule.reverse:
                        out.append(RawEvent(tg, s, rule.reverse, rule.id, t, voice, code(tg), code(s)))
        return out

    @staticmethod
    def _dedupe(events: list[RawEvent]) -> list[RawEvent]:
        """One event per (source, target country, root) in a sentence, the first found, except for
        the parties of one trigger's coordinated target; an event with no target is dropped when
        the same source has that root with a target."""
        with_target = {(e.source_code, e.code[:2]) for e in events if e.target_code}
        seen: dict[tuple, tuple] = {}
        out = []
        for e in events:
            if not e.source_code:
                continue
            if not e.target_code and (e.source_code, e.code[:2]) in with_target:
                continue
            key = (e.source_code, e.target_code[:3], e.code[:2])
            if key in seen:
                # "urged the Sudanese government and the rebels to ...": each party of one
                # trigger's coordinated target is its own event, even of one country.
                trigger, codes = seen[key]
                if trigger is not e.trigger or e.target_code in codes:
                    continue
                codes.add(e.target_code)
            else:
                seen[key] = (e.trigger, {e.target_code})
            out.append(e)
        return out
