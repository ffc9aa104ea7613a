"""The typed records that flow between warta's stages.

ingest -> Article -> clean -> CleanText -> annotate -> Sentence/Token -> code -> Event -> store/export

Every offset in an `Event` refers to the article's *original* text (`Article.text`), never to the
cleaned text, so a user can always find the evidence in what they fed in.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field


def content_id(text: str, title: str = "") -> str:
    """Stable id for an article that came without one: a hash of its title and text."""
    digest = hashlib.sha1((title + "\n" + text).encode("utf-8", "surrogatepass")).hexdigest()
    return "sha1:" + digest[:16]


@dataclass(slots=True)
class Article:
    """One article as ingested. `text` is the original text: offsets refer to it."""

    id: str
    text: str
    title: str = ""
    date: str | None = None  # ISO yyyy-mm-dd, publication date if known
    url: str = ""
    lang: str | None = None  # hint from the input; annotate detects it when None
    origin: str = ""  # where it came from: a path, "path:line", "<stdin>"
    outlet: str = ""  # who published it (JSONL `source`), else the URL's host; counts GDELT's NumSources
    date_source: str = ""  # how `date` was found: article | user | today | none (set by the pipeline)

    def to_dict(self) -> dict:
        return asdict(self)


def outlet_of(article: Article) -> str:
    """The publisher: the given outlet, else the host of the URL ("www." dropped), else ""."""
    if article.outlet:
        return article.outlet
    from urllib.parse import urlsplit

    return (urlsplit(article.url).hostname or "").removeprefix("www.")


@dataclass(slots=True)
class ErrorRow:
    """An article that could not be coded (or was skipped), with the stage and the reason."""

    article_id: str
    stage: str  # ingest | clean | annotate | code | store
    reason: str
    origin: str = ""
    kind: str = "error"  # error | skipped

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Event:
    """One coded event: who did what to whom, with the evidence that produced it."""

    article_id: str
    sentence: int  # index of the sentence in the article
    text: str  # the sentence, as in the original text
    start: int  # sentence offsets in the original article text
    end: int
    source: str  # actor code such as RUSGOV, "" when none
    source_text: str
    target: str
    target_text: str
    code: str  # CAMEO code as a string with leading zeros: "041", "0256", "190"
    root: str  # first two digits of code
    plover: str  # PLOVER event type (CONSULT, ASSAULT, ...)
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein: float
    date: str | None
    lang: str
    rule: str  # id of the dictionary entry (event pattern) that fired
    trigger: str = ""  # the words that fired the rule
    trigger_lemma: str = ""  # root of the trigger's first word ("menyerangnya" -> "serang")
    trigger_start: int = -1  # offsets of the trigger in the original text
    trigger_end: int = -1
    voice: str = "active"  # active | passive | nominal
    # How `date` was found: article (metadata or dateline), sentence-explicit ("21 Oktober" in the
    # sentence), sentence-relative ("kemarin", "Selasa"), user (--date), today, none.
    date_source: str = "article"
    source_start: int = -1
    source_end: int = -1
    target_start: int = -1
    target_end: int = -1
    # Where it happened (warta.geo): GDELT's ActionGeo. geo_source says how the place was found:
    # sentence (a place in the event's sentence), article (the article's main place), actor (the
    # actors' country), none.
    geo_type: int = 0  # GDELT geographic type: 1 country, 2 US state, 3 US city, 4 world city, 5 world ADM1; 0 none
    geo_name: str = ""  # full name: "Kabupaten Poso, Sulawesi Tengah, Indonesia"
    geo_country: str = ""  # ISO alpha-3
    geo_adm1: str = ""  # GDELT ADM1 code: FIPS country code + admin1 ("ID21"); the FIPS code for countries
    geo_lat: float | None = None
    geo_lon: float | None = None
    geo_feature_id: str = ""  # GeoNames id for cities, ADM1 or country code for areas, cur:... for curated
    geo_source: str = "none"  # sentence | article | actor | none
    event_id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.event_id:
            key = f"{self.article_id}|{self.sentence}|{self.source}|{self.target}|{self.code}"
            self.event_id = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict:
        return asdict(self)


EVENT_FIELDS: tuple[str, ...] = tuple(Event.__dataclass_fields__)


@dataclass(slots=True)
class Result:
    """What processing one article gives: its row, its events, and any error or skip."""

    article: Article
    events: list[Event] = field(default_factory=list)
    error: ErrorRow | None = None
    n_sentences: int = 0
    status: str = "coded"  # coded | skipped | error
    places: list = field(default_factory=list)  # warta.geo.Mention, every place named (Resources.all_places)


@dataclass(slots=True)
class Duplicate:
    """A near-duplicate of an article seen earlier: stored as a mention of it, never coded."""

    article: Article
    duplicate_of: str  # id of the first-seen copy, whose events are the evidence
    similarity: float  # estimated Jaccard similarity of their word shingles
