"""One pure function at the centre: `process(article, resources) -> Result`.

Every engine calls it (in-process, a process pool, Spark later); `Resources` is built once per
worker and holds the compiled dictionaries and spaCy pipelines, loaded lazily per language.

    ingest -> clean -> annotate (language, sentences, tokens) -> code -> Event records
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from . import cameo
from .annotate import dates, langid, nlp
from .clean import clean
from .coding import dictionaries
from .coding.coder import Coder, RawEvent
from .coding.lexicon import TRIGGER, get_lexicon
from . import geo
from .geo import get_gazetteer
from .procmem import collector_paused
from .records import Article, ErrorRow, Event, Result

_PARAGRAPH = re.compile(r"[^\n]+")  # paragraphs: maximal runs without a line break
MIN_LANG_SCORE = 0.30  # below this the language guess is noise (a few words, numbers, markup)


@dataclass
class Resources:
    """What a worker loads once: compiled lexicons and coders per language.

    Built from the configuration (`warta.config.load_config`) unless given explicitly.
    """

    languages: tuple[str, ...] = ()
    extra_dirs: tuple[str, ...] = ()
    default_date: str | None = None
    today: str | None = None  # the date given to undated articles (config pipeline.undated)
    min_language_score: float = MIN_LANG_SCORE
    all_places: bool = False  # read place names in every article, not only in those with events
    _coders: dict[str, Coder] = field(default_factory=dict)

    def __post_init__(self) -> None:
        from .config import load_config

        cfg = load_config()
        self.extra_dirs = tuple(cfg["dictionaries"]["extra"]) + tuple(self.extra_dirs)
        # A language is coded when it is asked for and has data: lang/<xx>/grammar.yaml in the
        # package or a dictionary folder (a new language is new data files, no code).
        with_data = set(dictionaries.languages(self.extra_dirs))
        self.languages = tuple(lang for lang in (self.languages or cfg["pipeline"]["languages"]) if lang in with_data)
        self.min_language_score = float(cfg["pipeline"].get("min_language_score", self.min_language_score))
        if self.today is None and cfg["pipeline"].get("undated", "today") == "today":
            self.today = dt.date.today().isoformat()

    def __getstate__(self) -> dict:
        # Sent to worker processes without the compiled coders: each worker builds its own.
        state = dict(self.__dict__)
        state["_coders"] = {}
        return state

    def preload(self, languages=None) -> None:
        """Load now what coding otherwise loads at the first article that needs it: the coders
        (dictionaries, spaCy pipeline) of `languages` (default: every language coded), the
        gazetteer and the language model. A process that forks its workers after this shares all
        of it with them; a language not loaded here is loaded by a worker when it meets one."""
        wanted = self.languages if languages is None else [lang for lang in self.languages if lang in languages]
        with collector_paused():
            for lang in wanted:
                self.coder(lang)
            get_gazetteer()
            langid.load()

    def codes(self, lang: str, score: float) -> bool:
        """Is an article detected as `lang` with this score coded (else skipped)?"""
        return lang in self.languages and score >= self.min_language_score

    def coder(self, lang: str) -> Coder:
        if lang not in self._coders:
            with collector_paused():
                self._coders[lang] = Coder(get_lexicon(lang, self.extra_dirs))
        return self._coders[lang]


def _event_record(raw: RawEvent, article: Article, lang: str, sent_index: int, sent_span: tuple[int, int],
                  doc, para_offset: int, ct, day: str | None, date_source: str, lemma) -> Event:
    info = cameo.lookup(raw.code)

    def orig(tok_start: int, tok_end: int) -> tuple[int, int]:
        a = para_offset + doc[tok_start].idx
        b = para_offset + doc[tok_end - 1].idx + len(doc[tok_end - 1].text)
        return ct.orig_span(a, b)

    ss, se = sent_span
    src_span = orig(raw.source.start, raw.source.end) if raw.source else (-1, -1)
    tgt_span = orig(raw.target.start, raw.target.end) if raw.target else (-1, -1)
    trg_span = orig(raw.trigger.start, raw.trigger.end)
    text = article.text
    return Event(
        article_id=article.id,
        sentence=sent_index,
        text=text[ss:se],
        start=ss,
        end=se,
        source=raw.source_code,
        source_text=text[src_span[0]:src_span[1]] if raw.source else "",
        target=raw.target_code,
        target_text=text[tgt_span[0]:tgt_span[1]] if raw.target else "",
        code=raw.code,
        root=info.root,
        plover=info.plover,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        date=day,
        lang=lang,
        rule=raw.rule,
        trigger=text[trg_span[0]:trg_span[1]],
        trigger_lemma=lemma(doc[raw.trigger.start].lower_),
        trigger_start=trg_span[0],
        trigger_end=trg_span[1],
        voice=raw.voice,
        date_source=date_source,
        source_start=src_span[0],
        source_end=src_span[1],
        target_start=tgt_span[0],
        target_end=tgt_span[1],
    )


_LANG_ALIASES = {"ind": "id", "in": "id", "eng": "en", "ms": "id", "msa": "id", "may": "id"}


def normalise_lang(value: str) -> str:
    """"id-ID", "ind", "ID" -> "id"; "en_US", "eng" -> "en"."""
    base = value.strip().lower().replace("_", "-").split("-")[0]
    return _LANG_ALIASES.get(base, base)


def detect_language(article: Article, text: str, languages) -> tuple[str, float]:
    """The article's language: its own `lang` field when it has one, else detected from the text."""
    if article.lang:
        return normalise_lang(article.lang), 1.0
    return langid.detect(text)


def languages_of(items, resources: Resources) -> set[str]:
    """The languages coded among these articles, as `process` would find them (the language model
    on the raw text here, not the cleaned one: close enough to choose what to load)."""
    found = set()
    for item in items:
        if isinstance(item, Article) and item.text:
            lang, score = detect_language(item, item.text[:2000], resources.languages)
            if resources.codes(lang, score):
                found.add(lang)
    return found


def coded_sentences(text: str, coder: Coder, day: str | None, date_source: str = dates.NONE,
                    extra_dirs: tuple[str, ...] = ()):
    """Yield (paragraph offset, doc, sentence, its matches, its raw events, (event date, its
    source)) for every non-blank sentence of a cleaned text, paragraph by paragraph (a line break
    always ends a sentence). A sentence that says when ("kemarin", "Selasa (21/10)") dates its
    events and resolves its people's offices at that date; others take the article's `day`."""
    lex = coder.lex
    paragraphs = [(m.start(), m.group()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    coder.begin_article()
    for (offset, para), doc in zip(paragraphs, nlp.docs(lex.nlp, (p for _, p in paragraphs))):
        coder.begin_paragraph(para)
        matches = lex.match(doc)
        m_i = 0
        for sent in doc.sents:
            s_start, s_end = sent.start, sent.end
            if not para[sent.start_char:sent.end_char].strip():
                continue
            # matches come sorted by start: take this sentence's slice without rescanning them all
            while m_i < len(matches) and matches[m_i][0] < s_start:
                m_i += 1
            j = m_i
            inside = []
            while j < len(matches) and matches[j][0] < s_end:
                if matches[j][1] <= s_end:
                    inside.append(matches[j])
                j += 1
            raws = []
            when = (day, date_source)
            if inside:
                when = dates.event_date(para[sent.start_char:sent.end_char], day, lex.lang, extra_dirs) or when
                coder.observe(doc, s_start, s_end, inside, when[0])
                raws = coder.code_sentence(doc, s_start, s_end, inside, when[0], para)
            yield offset, doc, sent, inside, raws, when


def article_date(article: Article, lang: str, resources: Resources) -> tuple[str | None, str]:
    """The article's date and where it came from: its metadata, else its dateline, else the
    user's --date, else today (when configured), else none."""
    if article.date:
        return article.date, article.date_source or dates.ARTICLE
    found = dates.publication_date(article.text, lang, resources.extra_dirs)
    if found:
        return found, dates.ARTICLE
    if resources.default_date:
        return resources.default_date, dates.USER
    if resources.today:
        return resources.today, dates.TODAY
    return None, dates.NONE


def _find_places(ct, sentences, gz, lang: str) -> dict[int, list]:
    """Place mentions per sentence index, with their offsets in the original text."""
    out: dict[int, list] = {}
    para = None
    for sent_index, offset, doc, start, end, inside in sentences:
        if para is None or para.doc is not doc:
            stop = ct.text.find("\n", offset)  # a paragraph runs to the next line break (_PARAGRAPH)
            para = geo.Paragraph(doc, ct.text[offset:stop if stop >= 0 else len(ct.text)])
        covered = {k for a, b, _ in inside for k in range(a, b)}
        persons = {k for a, b, e in inside if e.actor is not None and e.actor.kind == "person" for k in range(a, b)}
        found = geo.find(para, start, end, gz, lang, covered, persons)
        for m in found:
            m.sentence = sent_index
            last_start = para.idx[m.end - 1]
            last_len = len(doc[m.end - 1].text)
            m.char_start, m.char_end = ct.orig_span(offset + para.idx[m.start], offset + last_start + last_len)
        if found:
            out[sent_index] = found
    return out


def _locate(pending, by_sentence, gz, lang: str) -> None:
    """Resolve the article's place mentions with its countries, then give every event its place."""
    mentions = [m for found in by_sentence.values() for m in found]
    actor_countries = {c for ev, *_ in pending for c in (geo.actor_country(ev.source, gz),
                                                         geo.actor_country(ev.target, gz)) if c}
    countries = geo.context_countries(mentions, actor_countries, gz)
    for m in mentions:
        m.place = geo.resolve(m, countries, lang)
    dominant = geo.dominant_place(mentions)
    topic = gz.word_set(lang, "topic")
    for ev, raw, doc, sent_index, triggers in pending:
        own = set(range(raw.trigger.start, raw.trigger.end))
        spans = geo.EventSpans(
            trigger=(raw.trigger.start, raw.trigger.end),
            source=(raw.source.start, raw.source.end) if raw.source else None,
            target=(raw.target.start, raw.target.end) if raw.target else None,
            source_code=ev.source, target_code=ev.target, quad_class=ev.quad_class)
        place, how = geo.locate(spans, by_sentence.get(sent_index, []), doc, dominant, gz, topic, triggers - own)
        ev.geo_source = how
        if place is not None:
            ev.geo_type, ev.geo_name, ev.geo_country = place.type, place.full_name, place.country
            ev.geo_adm1, ev.geo_lat, ev.geo_lon, ev.geo_feature_id = place.adm1, place.lat, place.lon, place.feature_id


def process(article: Article, resources: Resources) -> Result:
    """Clean, annotate and code one article. Never raises for bad input: errors become rows."""
    result = Result(article=article)
    try:
        return _process(article, resources, result)
    except dictionaries.DictionaryError:
        # A broken dictionary is no bad article: every article would fail the same way (and an
        # evaluation would score nothing), so it stops the run with its own message.
        raise
    except Exception as exc:  # one broken article never stops a corpus: record it, go on
        result.status = "error"
        result.events = []
        result.error = ErrorRow(article.id, "code", f"{type(exc).__name__}: {exc}", article.origin)
        return result


def _process(article: Article, resources: Resources, result: Result) -> Result:
    if not article.text or not article.text.strip():
        result.status = "error"
        result.error = ErrorRow(article.id, "clean", "article has no text", article.origin)
        return result
    ct = clean(article)
    if not ct.text.strip():
        result.status = "error"
        result.error = ErrorRow(article.id, "clean", "no article text left after removing page furniture", article.origin)
        return result
    lang, score = detect_language(article, ct.text, resources.languages)
    if not resources.codes(lang, score):
        result.status = "skipped"
        what = f"language {lang!r} (score {score:.2f})" if lang else "no language detected"
        result.error = ErrorRow(article.id, "annotate",
                                f"skipped: {what}; warta codes {', '.join(resources.languages)}",
                                article.origin, kind="skipped")
        article.lang = lang or None
        return result
    article.lang = lang
    day, date_source = article_date(article, lang, resources)
    article.date, article.date_source = day, date_source
    coder = resources.coder(lang)
    events: list[Event] = []
    pending = []  # (event, raw event, doc, sentence index, the sentence's trigger tokens)
    sentences = []  # (sentence index, paragraph offset, doc, first token, end token, matches)
    sent_index = -1
    coded = coded_sentences(ct.text, coder, day, date_source, resources.extra_dirs)
    for sent_index, (offset, doc, sent, inside, raws, (when, source)) in enumerate(coded):
        sentences.append((sent_index, offset, doc, sent.start, sent.end, inside))
        if raws:
            span = ct.orig_span(offset + sent.start_char, offset + sent.end_char)
            triggers = {k for a, b, e in inside if e.kind == TRIGGER for k in range(a, b)}
            for raw in raws:
                ev = _event_record(raw, article, lang, sent_index, span, doc, offset, ct, when, source,
                                   coder.lex.lemma)
                events.append(ev)
                pending.append((ev, raw, doc, sent_index, triggers))
    # Places are read only where they are used: articles with events, or when asked (eval-places).
    if pending or resources.all_places:
        gz = get_gazetteer()
        by_sentence = _find_places(ct, sentences, gz, lang)
        _locate(pending, by_sentence, gz, lang)
        if resources.all_places:  # kept only when asked: results may cross process boundaries
            result.places = [m for found in by_sentence.values() for m in found]
    result.events = events
    result.n_sentences = sent_index + 1
    return result
