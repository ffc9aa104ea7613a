"""Compile the dictionaries of one language into a single spaCy PhraseMatcher.

Every alias, role noun, demonym and event trigger becomes a pattern under a key; the matcher
runs once over each paragraph (in C), and the coder only looks at sentences that hold a trigger.
Built once per worker and language (`get_lexicon`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from ..annotate import morph
from ..annotate.nlp import flush_tokenizer_cache, get_nlp
from .dictionaries import Actor, EventRule, Grammar, load_actors, load_agents, load_events, load_grammar

# Actor kinds whose names often sit inside an organisation's or another person's name.
_INSIDE_NAMES = frozenset({"country", "metonym", "person"})

# An exact-case entry whose token texts are its patterns' own, as written (filled in by _compile).
_AS_WRITTEN: frozenset = frozenset({("\0as written",)})

# Kinds of entries a match can point to.
ACTOR, CAPITAL, DEMONYM, AGENT, TRIGGER = "actor", "capital", "demonym", "agent", "trigger"


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str
    actor: Actor | None = None
    sector: str = ""  # agents
    country: str = ""  # agents that imply a country
    rule: EventRule | None = None
    voice: str = ""  # triggers: active | passive | nominal
    exact: frozenset[tuple[str, ...]] | None = None  # token texts that must match exactly (case)
    target_only: bool = False  # agents: generic nouns that are actors only as targets
    people: bool = False  # agents: a demonym's plural ("Albanians"), a people


def _needs_exact_case(alias: str, actor: Actor) -> bool:
    # Acronyms in capitals (AS, RI, PBB) would otherwise match ordinary words ("as"); people's
    # names likewise ("May", "Rice", "Kim").
    letters = [c for c in alias if c.isalpha()]
    return actor.kind == "person" or (bool(letters) and alias.isupper() and len(letters) <= 6)


class Lexicon:
    """Everything the coder matches in one language, compiled."""

    def __init__(self, lang: str, extra_dirs: tuple[str, ...] = ()):
        from spacy.matcher import PhraseMatcher

        self.lang = lang
        self.grammar: Grammar = load_grammar(lang, extra_dirs)
        self.nlp = get_nlp(lang)
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.entries: dict[int, Entry] = {}
        self.rules: tuple[EventRule, ...] = load_events(lang, extra_dirs)
        self._morph = morph.get(self.grammar.morphology)
        self.roots: frozenset[str] = frozenset(r.lower() for rule in self.rules for r in rule.verb)
        self._pending: dict[str, tuple[Entry, set[str]]] = {}
        agents = load_agents(lang, extra_dirs)
        self._add_actors(load_actors(extra_dirs), agents)
        self._add_agents(agents)
        self._add_rules()
        self._compile()

    # -- building -------------------------------------------------------------------------------
    def _add(self, key: str, entry: Entry, phrases) -> None:
        if key in self._pending:
            self._pending[key][1].update(phrases)
        else:
            self._pending[key] = (entry, set(phrases))

    def _add_actors(self, actors, agents) -> None:
        actors = list(actors)
        # countries formed later (South Sudan): the gazetteer's towns are dated through them too
        self.formerly = {a.code: a for a in actors if a.formerly}
        if self.grammar.misspelt_country_length:
            self._add_misspellings(actors, agents)
        for actor in actors:
            names = actor.aliases.get(self.lang, ()) + actor.aliases.get("any", ())
            caps = actor.capitals.get(self.lang, ()) + actor.capitals.get("any", ())
            for kind, forms in ((ACTOR, names), (CAPITAL, caps)):
                loose = [a for a in forms if not _needs_exact_case(a, actor)]
                strict = [a for a in forms if _needs_exact_case(a, actor)]
                if loose:
                    self._add(f"{kind}:{actor.key}", Entry(kind, actor=actor), loose)
                if strict:  # the exact token texts are read from the patterns' docs (_compile)
                    self._add(f"{kind}!:{actor.key}", Entry(kind, actor=actor, exact=_AS_WRITTEN), strict)
            dem = actor.demonyms.get(self.lang, ())
            if dem:
                self._add(f"{DEMONYM}:{actor.key}", Entry(DEMONYM, actor=actor), dem)
            # "Palestinians", "Iraqis": a demonym's plural names the country's people (grammar file).
            plural = [d + "s" for d in dem if d.endswith(self.grammar.demonym_plural_endings)]
            if plural and self.grammar.demonym_plural_endings and actor.kind == "country":
                self._add(f"{AGENT}:people:{actor.key}",
                          Entry(AGENT, sector=self.grammar.demonym_plural_sector, country=actor.code,
                                people=True), plural)

    def _add_misspellings(self, actors, agents) -> None:
        """News copy misspells long country names by a dropped letter ("Ethopia", "Afganistan"):
        each one-word country name of `misspelt_country_length` letters or more also matches with
        one letter missing, capitalised as written and never where the variant is another name."""
        taken = {a.lower() for actor in actors for forms in (actor.aliases, actor.capitals, actor.demonyms)
                 for lang in (self.lang, "any") for a in forms.get(lang, ())}  # "Somali" stays a demonym
        taken |= {t.lower() for agent in agents for t in agent.terms}
        for actor in actors:
            if actor.kind != "country":
                continue
            names = actor.aliases.get(self.lang, ()) + actor.aliases.get("any", ())
            variants = {n[:k] + n[k + 1:] for n in names
                        if n.isalpha() and n[:1].isupper() and len(n) >= self.grammar.misspelt_country_length
                        for k in range(1, len(n))}
            variants = sorted(v for v in variants if v.lower() not in taken)
            if variants:
                self._add(f"{ACTOR}~:{actor.key}", Entry(ACTOR, actor=actor, exact=frozenset((v,) for v in variants)),
                          variants)

    def _add_agents(self, agents) -> None:
        for i, agent in enumerate(agents):
            self._add(f"{AGENT}:{i}", Entry(AGENT, sector=agent.sector, country=agent.country,
                                            target_only=agent.only == "target"), agent.terms)

    def _with_enclitics(self, phrases) -> set[str]:
        out = set()
        for p in phrases:
            out.add(p)
            out.update(p + e for e in self.grammar.enclitics)
        return out

    def _add_rules(self) -> None:
        for rule in self.rules:
            active, passive = list(rule.word), list(rule.passive)
            for root in rule.verb:
                a, p = self._morph.forms(root)
                active += a
                passive += p
            for voice, phrases in (("active", active), ("passive", passive), ("nominal", rule.noun)):
                if phrases:
                    self._add(f"{TRIGGER}:{voice}:{rule.id}", Entry(TRIGGER, rule=rule, voice=voice),
                              self._with_enclitics(phrases))

    def _compile(self) -> None:
        strings = self.nlp.vocab.strings
        tokenizer = self.nlp.tokenizer
        for key, (entry, phrases) in self._pending.items():
            phrases = sorted(p for p in phrases if p.strip())
            if not phrases:
                continue
            docs = list(tokenizer.pipe(phrases))
            if entry.exact is _AS_WRITTEN:
                entry = replace(entry, exact=frozenset(tuple(t.text for t in doc) for doc in docs))
            self.matcher.add(key, docs)
            self.entries[strings.add(key)] = entry
        self._pending.clear()
        # Tokenizing tens of thousands of patterns filled the tokenizer's cache with words that
        # news rarely uses, which measurably halves its speed on real text: start it afresh.
        flush_tokenizer_cache(tokenizer)

    # -- use ------------------------------------------------------------------------------------
    def lemma(self, word: str) -> str:
        return self._morph.lemma(word, self.roots)

    def match(self, doc) -> list[tuple[int, int, Entry]]:
        """All (start, end, entry) matches in a Doc, exact-case entries checked."""
        out = []
        entries = self.entries
        raw = [(entries[mid], start, end) for mid, start, end in self.matcher(doc)]
        covered = None
        for entry, start, end in raw:
            if entry.exact is not None and tuple(t.text for t in doc[start:end]) not in entry.exact:
                continue
            actor = entry.actor
            if actor is not None and start > 0 and actor.kind in _INSIDE_NAMES:
                # A name inside a longer capitalised name that no dictionary knows is part of that
                # name: "Farhat Abbas" is not Mahmoud Abbas, "Iriana Joko Widodo" not the president,
                # "Persekutuan Gereja Indonesia" not Indonesia, "Hotman Paris" not France. A known
                # word before it ("Presiden", "Serangan", "Amerika Serikat") vouches for the name.
                prev = doc[start - 1]
                # At a sentence start only a non-function word counts ("Iriana ...", not "Namun ...").
                # A demonym is an adjective: a capitalised first word before it is no name ("Angry French workers").
                opener = prev.is_sent_start and (prev.is_stop or entry.kind == DEMONYM)
                if prev.is_alpha and prev.text[:1].isupper() and not opener:
                    if covered is None:
                        covered = {k for _, a, b in raw for k in range(a, b)}
                    if start - 1 not in covered:
                        continue
            out.append((start, end, entry))
        out.sort(key=lambda m: (m[0], m[1]))
        return out


@lru_cache(maxsize=8)
def get_lexicon(lang: str, extra_dirs: tuple[str, ...] = ()) -> Lexicon:
    return Lexicon(lang, extra_dirs)
