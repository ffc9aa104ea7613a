"""The public functions behind `warta`'s commands; each CLI command calls exactly one of them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .engine import get_engine, trim_heap
from .pipeline import Resources, process
from .records import Article, Duplicate, ErrorRow, Event, Result, content_id

BATCH = 500  # articles per store transaction: big enough to amortise, small enough to stay flat
# Articles written between two reconnections to the store (see Store.reconnect): a writer that kept
# one connection grew ~10 MiB per 10^5 articles; reconnecting costs a checkpoint (~0.2 s).
RECONNECT_EVERY = 50_000
# Error rows kept in the report (all are in the store's errors table): a crawl of millions of pages
# with many skipped ones would otherwise hold them all in memory.
REPORTED_ERRORS = 100


def _check_date(date: str | None) -> str | None:
    if date is None:
        return None
    try:
        return dt.date.fromisoformat(date).isoformat()
    except ValueError:
        raise ValueError(f"--date {date!r} is not a date; use YYYY-MM-DD, e.g. 2023-10-12") from None


def _resources(date: str | None, lang: str | None = None, dict_dirs: Iterable[str] = ()) -> Resources:
    r = Resources(default_date=_check_date(date), extra_dirs=tuple(str(d) for d in dict_dirs))
    if lang:
        if lang not in r.languages:
            raise ValueError(f"--lang {lang!r} is not supported; choose one of {', '.join(r.languages)}")
    return r


def code_text(text: str, *, date: str | None = None, lang: str | None = None, title: str = "",
              article_id: str | None = None, resources: Resources | None = None) -> list[Event]:
    """Code one text (an article or a sentence) and return its events."""
    resources = resources or _resources(date, lang)
    day = _check_date(date)
    art = Article(id=article_id or content_id(text, title), text=text, title=title, date=day, lang=lang,
                  date_source="user" if day else "")
    return process(art, resources).events


def results(inputs: Iterable[str | Path], *, date: str | None = None, lang: str | None = None,
            engine: str = "local", dict_dirs: Iterable[str] = (),
            resources: Resources | None = None, offline: bool = False,
            fetch: dict | None = None, workers: int = 1,
            stages: Iterable[Callable[[Iterator], Iterator]] = ()) -> Iterator[Result | ErrorRow | Duplicate]:
    """Stream Results (and ingest ErrorRows) for files, folders, JSONL(.gz), WARC(.gz), RSS/Atom feeds,
    URLs (and *.urls lists of them) or "-" (stdin). `offline` fetches nothing; `fetch` overrides
    keys of the [fetch] configuration (timeout, max_bytes, retries, per_host_interval, ...).

    `stages` filter the ingest stream before coding (skip stored articles, mark near-duplicates);
    `workers` > 1 codes in that many processes (0: all cores).
    """
    from .ingest import read_inputs

    resources = resources or _resources(date, lang, dict_dirs)
    items = read_inputs([str(i) for i in inputs], default_date=resources.default_date, offline=offline,
                        fetch=fetch)
    if lang:
        items = (_with_lang(a, lang) for a in items)
    for stage in stages:
        items = stage(items)
    yield from get_engine(engine)(items, resources, workers=workers)


def _with_lang(item, lang):
    if isinstance(item, Article) and not item.lang:
        item.lang = lang
    return item


def code(inputs: Iterable[str | Path], **kwargs) -> list[Event]:
    """Code files, folders or "-" and return all events (use `results` to stream)."""
    out: list[Event] = []
    for r in results(inputs, **kwargs):
        if isinstance(r, Result):
            out.extend(r.events)
    return out


@dataclass
class IngestReport:
    articles: int = 0  # read and handled in this run (coded, skipped, failed or duplicate)
    coded: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    duplicates: int = 0  # near-duplicates of an article seen earlier: stored as mentions, not coded
    already_stored: int = 0  # in the store from an earlier (perhaps interrupted) run: not coded again
    errors: list[ErrorRow] = field(default_factory=list)  # the first REPORTED_ERRORS; the store has all
    n_errors: int = 0  # error and skip rows in all
    dated_today: int = 0  # articles with no date of their own and no --date: dated with `today`
    today: str | None = None


def _report_error(report: IngestReport, error: ErrorRow) -> None:
    report.n_errors += 1
    if len(report.errors) < REPORTED_ERRORS:
        report.errors.append(error)


def _unstored(items: Iterable, store, report: IngestReport, chunk: int = 1000) -> Iterator:
    """The stream without the articles the store already holds (one look-up per chunk)."""
    it = iter(items)
    while block := list(islice(it, chunk)):
        done = store.stored_ids(x.id for x in block if isinstance(x, Article))
        for x in block:
            if isinstance(x, Article) and x.id in done:
                report.already_stored += 1
            else:
                yield x


def ingest(inputs: Iterable[str | Path], *, db: str | Path = "warta.duckdb", date: str | None = None,
           lang: str | None = None, engine: str = "local", dict_dirs: Iterable[str] = (),
           on_progress: Callable[[IngestReport], None] | None = None, batch: int | None = None,
           offline: bool = False, fetch: dict | None = None,
           workers: int | None = None, dedup_threshold: float | None = None, dedup_window: int | None = None,
           recode: bool = False) -> IngestReport:
    """Code inputs (as for `results`) into the DuckDB store, resumably.

    Articles already in the store are skipped (an interrupted run, rerun, codes only the rest);
    `recode=True` codes them again, replacing their rows. Near-duplicates of an article seen
    earlier (estimated Jaccard >= `dedup_threshold`; 0 turns it off) are stored as its mentions;
    an article is compared with the last `dedup_window` first-seen articles stored (0: all).
    `workers`: processes coding in parallel (0: all cores). Unset options come from the config.
    """
    from .config import load_config
    from .dedup import NearDuplicates
    from .store import Store

    cfg = load_config()
    batch = batch or int(cfg["store"].get("batch", BATCH))
    workers = int(cfg["pipeline"].get("workers", 0)) if workers is None else workers
    if dedup_threshold is None:
        dedup_threshold = float(cfg["dedup"]["threshold"]) if cfg["dedup"].get("enabled", True) else 0.0
    if dedup_window is None:
        dedup_window = int(cfg["dedup"].get("window", 0))
    report = IngestReport()
    buf: list[Result | ErrorRow | Duplicate] = []
    with Store(db) as store:
        near = NearDuplicates(store, dedup_threshold, window=dedup_window) if dedup_threshold else None
        stages = [] if recode else [lambda items: _unstored(items, store, report)]
        if near:
            stages.append(near.mark)

        since_reconnect = 0

        def flush() -> None:
            nonlocal since_reconnect
            side = near.take(i.article.id for i in buf if isinstance(i, Result)) if near else None
            store.write(buf, side)
            since_reconnect += len(buf)
            buf.clear()
            if since_reconnect >= RECONNECT_EVERY:
                store.reconnect()
                since_reconnect = 0
            trim_heap()  # a batch's rows and DuckDB's work memory are freed: give the pages back

        for item in results(inputs, date=date, lang=lang, engine=engine, dict_dirs=dict_dirs, offline=offline,
                            fetch=fetch, workers=workers, stages=stages):
            report.articles += 1
            if isinstance(item, ErrorRow):
                report.failed += 1
                _report_error(report, item)
            elif isinstance(item, Duplicate):
                report.duplicates += 1
            elif item.status == "coded":
                report.coded += 1
                report.events += len(item.events)
                if item.article.date_source == "today":
                    report.dated_today += 1
                    report.today = item.article.date
            else:
                report.skipped += item.status == "skipped"
                report.failed += item.status == "error"
                if item.error:
                    _report_error(report, item.error)
            buf.append(item)
            if len(buf) >= batch:
                flush()
            if on_progress:
                on_progress(report)
        if buf:
            flush()
    return report


def spark(inputs: Iterable[str | Path], out: str | Path, *, date: str | None = None, lang: str | None = None,
          dict_dirs: Iterable[str] = (), dedup_threshold: float | None = None, master: str | None = None,
          remote: str | None = None, session=None) -> str:
    """Code inputs on Apache Spark into Parquet tables out/articles, events, errors (the store's
    columns); `warta summary/export --db OUT` read them. Needs the `spark` extra and Java 17+."""
    try:
        from .spark import run_spark
    except ImportError:
        raise ValueError("the Spark engine needs PySpark: pip install 'warta[spark]' (and Java 17+)") from None
    from .config import load_config

    if dedup_threshold is None:
        cfg = load_config()["dedup"]
        dedup_threshold = float(cfg["threshold"]) if cfg.get("enabled", True) else 0.0
    return run_spark([str(i) for i in inputs], out, spark=session, resources=_resources(date, lang, dict_dirs),
                     lang=lang, dedup_threshold=dedup_threshold, master=master, remote=remote)


def export(db: str | Path, fmt: str, out: str | Path) -> int:
    """Write the store's events as gdelt (TSV), plover (JSON lines), jsonl, parquet or csv."""
    from .export import exporters
    from .records import EVENT_FIELDS
    from .store import Store

    writer = exporters.get(fmt)  # an unknown format fails before the store is opened
    if not Path(db).exists():
        raise FileNotFoundError(f"no store at {db}; run `warta ingest ... --db {db}` first")
    with Store(db, read_only=True) as store:
        rows = store.events()
        urls = dict(store.con.execute("SELECT id, url FROM articles").fetchall())
        mentions = store.mentions()
    events = [Event(**{k: r[k] for k in EVENT_FIELDS}) for r in rows]
    writer(events, out, urls, mentions=mentions)
    return len(events)


def evaluate(paths=None, *, errors: bool = False, date: str | None = None):
    """Score warta on gold files/folders; see `warta.evaluate` (the package) for the report."""
    from .evaluate import evaluate as _evaluate

    return _evaluate(paths, Resources(default_date=_check_date(date)), errors=errors)


def evaluate_places(path: str | Path = "tests/data/places_id.jsonl"):
    """Score place resolution on sentences with their expected place; see `warta.evaluate.places`."""
    from .evaluate.places import evaluate_places as _evaluate_places

    if not Path(path).exists():
        raise FileNotFoundError(f"no place gold file at {path}; give one (JSON lines with text, mention, expect)")
    return _evaluate_places(path)


def explain(text: str, *, lang: str = "id", date: str | None = None) -> str:
    """Per sentence: the actors and patterns matched and the events coded (or why none were)."""
    from .coding.explain import explain as _explain

    return _explain(text, lang, _check_date(date), _resources(date, lang))


def unknown_actors(db: str | Path, *, top: int = 50, lang: str = "id", all_articles: bool = False,
                   min_articles: int = 2, dict_dirs: Iterable[str] = ()):
    """The `top` most frequent person and organisation names in a store's articles that no
    dictionary knows, with counts and example sentences (a list of `Candidate`). Only articles
    in which warta coded an event are read (political news), unless `all_articles`."""
    from .clean import clean
    from .coding.unknown import unknown_names
    from .store import Store

    if top < 1:
        raise ValueError(f"--top {top} must be 1 or more")
    if not Path(db).exists():
        raise FileNotFoundError(f"no store at {db}; run `warta ingest ... --db {db}` first")
    with Store(db, read_only=True) as store:
        def articles():
            cur = store.con.execute("SELECT id, title, text, lang FROM articles WHERE status = 'coded' AND lang = ? "
                                    "AND (n_events > 0 OR ?) ORDER BY id", [lang, all_articles])
            while rows := cur.fetchmany(1000):
                for aid, title, text, alang in rows:
                    yield clean(Article(aid, text or "", title=title or "", lang=alang)).text, alang

        return unknown_names(articles, lang, top=top, min_articles=min_articles,
                             extra_dirs=tuple(str(d) for d in dict_dirs))


def check_dictionaries(dict_dirs: Iterable[str] = ()):
    """Validate the packaged (and the user's) dictionaries; returns a list of problems."""
    from .coding.dictionaries import check

    return check(dict_dirs)
