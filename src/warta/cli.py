"""The `warta` command: a thin layer over `warta.api`. Each command is one library call.

Errors in what the user gave (a missing file, a bad date, a broken dictionary) are one line on
stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table

from . import api

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="warta: political event data (CAMEO/PLOVER) from Indonesian and English news.")
dict_app = typer.Typer(no_args_is_help=True, help="Work with the dictionaries (actors, agents, event patterns).")
app.add_typer(dict_app, name="dict")
actors_app = typer.Typer(no_args_is_help=True, help="Find the actors a corpus names that the dictionaries lack.")
app.add_typer(actors_app, name="actors")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

FORMATS_CODE = ("table", "jsonl", "gdelt", "plover")
INPUTS_HELP = ("Files, folders, JSONL(.gz), WARC(.gz), RSS/Atom feeds, http(s) URLs, *.urls lists of URLs, "
               "or - for stdin.")
OFFLINE_HELP = "Fetch nothing: URLs become errors, feed items use their summaries."


class UserError(Exception):
    """Something the user can fix; printed as one line."""


def _undated_notice(n: int, today: str | None) -> None:
    if n:
        err.print(f"note: {n} article{'s' if n > 1 else ''} had no date; used today's date {today} "
                  "(pass --date YYYY-MM-DD to set one)", highlight=False, markup=False)


def _fail(message: str) -> None:
    err.print(f"error: {message}", style="bold red", highlight=False, markup=False)
    raise typer.Exit(2)


@app.command("code")
def code_cmd(
    inputs: List[str] = typer.Argument(..., help=INPUTS_HELP),
    fmt: str = typer.Option("table", "--format", "-f", help="table | jsonl | gdelt | plover"),
    date: Optional[str] = typer.Option(None, "--date", help="Date (YYYY-MM-DD) for undated input."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Force the language (id or en)."),
    dict_dir: List[str] = typer.Option([], "--dict", help="Extra dictionary folder (same layout as warta/data)."),
    offline: bool = typer.Option(False, "--offline", help=OFFLINE_HELP),
) -> None:
    """Code articles and print their events (nothing is stored)."""
    if fmt not in FORMATS_CODE:
        _fail(f"--format {fmt!r} is not one of {', '.join(FORMATS_CODE)}")
    from .records import Result

    events, problems, dated_today, today = [], [], 0, None
    for r in api.results(inputs, date=date, lang=lang, dict_dirs=dict_dir, offline=offline):
        if isinstance(r, Result):
            events.extend(r.events)
            if r.error:
                problems.append(r.error)
            elif r.article.date_source == "today":
                dated_today, today = dated_today + 1, r.article.date
        else:
            problems.append(r)
    _undated_notice(dated_today, today)
    for p in problems:
        err.print(f"{p.kind}: {p.origin or p.article_id}: {p.stage}: {p.reason}", highlight=False, markup=False)
    if fmt != "table":
        from .export import exporters

        exporters.get(fmt)(events, sys.stdout)
    elif events or not problems:
        table = Table(show_lines=False)
        for col in ("article", "sent", "source", "target", "code", "plover", "rule", "evidence"):
            table.add_column(col, overflow="fold")
        for e in events:
            table.add_row(e.article_id[:18], str(e.sentence), e.source, e.target or "-", e.code, e.plover, e.rule,
                          f"{e.source_text} | {e.trigger} | {e.target_text}")
        out.print(table)
        out.print(f"{len(events)} events")
    if problems and not events and all(p.kind == "error" for p in problems):
        raise typer.Exit(1)


@app.command("ingest")
def ingest_cmd(
    inputs: List[str] = typer.Argument(..., help=INPUTS_HELP),
    db: Path = typer.Option(Path("warta.duckdb"), "--db", help="DuckDB file to write (created if missing)."),
    date: Optional[str] = typer.Option(None, "--date", help="Date (YYYY-MM-DD) for undated input."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Force the language (id or en)."),
    dict_dir: List[str] = typer.Option([], "--dict", help="Extra dictionary folder."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary."),
    offline: bool = typer.Option(False, "--offline", help=OFFLINE_HELP),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", min=0,
                                          help="Processes coding in parallel (default: config, 0 = all cores)."),
    dedup_threshold: Optional[float] = typer.Option(
        None, "--dedup-threshold", min=0.0, max=1.0,
        help="Similarity (0-1) at which an article is a copy of an earlier one (default 0.8; 0 = off)."),
    dedup_window: Optional[int] = typer.Option(
        None, "--dedup-window", min=0,
        help="How many of the last first-seen articles stored a new one is compared with (default 100000; 0 = all)."),
    recode: bool = typer.Option(False, "--recode", help="Code again articles the store already holds."),
) -> None:
    """Code articles into the DuckDB store and print a summary.

    Resumable: articles already stored are skipped, so rerunning an interrupted ingest codes the rest.
    """
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(bar_width=None),
                        TextColumn("{task.fields[stats]}"), TimeElapsedColumn(), console=err,
                        transient=False, disable=quiet)
    with progress:
        task = progress.add_task("coding", total=None, stats="")

        def stats(rep) -> str:
            return (f"{rep.articles} articles, {rep.events} events, {rep.failed} failed, {rep.skipped} skipped, "
                    f"{rep.duplicates} duplicates, {rep.already_stored} already stored")

        def tick(rep) -> None:
            # Only worth drawing for more than a few articles.
            if rep.articles >= 5 and rep.articles % 25 == 0:
                progress.update(task, stats=stats(rep))

        report = api.ingest(inputs, db=db, date=date, lang=lang, dict_dirs=dict_dir, on_progress=tick,
                            offline=offline, workers=workers, dedup_threshold=dedup_threshold,
                            dedup_window=dedup_window, recode=recode)
        progress.update(task, stats=stats(report))
    _undated_notice(report.dated_today, report.today)
    for e in report.errors[:20]:
        err.print(f"{e.kind}: {e.origin or e.article_id}: {e.stage}: {e.reason}", highlight=False, markup=False)
    if report.n_errors > 20:
        err.print(f"... and {report.n_errors - 20} more (see the errors table)")
    if not quiet:
        _print_summary(db)


@app.command("spark")
def spark_cmd(
    inputs: List[str] = typer.Argument(..., help="JSONL(.gz), Parquet, other files or folders (local or s3://...)."),
    out_dir: Path = typer.Option(..., "--out", "-o", help="Folder for the Parquet tables (articles/, events/, errors/)."),
    date: Optional[str] = typer.Option(None, "--date", help="Date (YYYY-MM-DD) for undated input."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Force the language (id or en)."),
    dict_dir: List[str] = typer.Option([], "--dict", help="Extra dictionary folder."),
    dedup_threshold: Optional[float] = typer.Option(None, "--dedup-threshold", min=0.0, max=1.0,
                                                    help="Similarity at which an article is a copy (0 = off)."),
    master: Optional[str] = typer.Option(None, "--master", help="Spark master, e.g. local[4] (default local[*])."),
    remote: Optional[str] = typer.Option(None, "--remote", help="Spark Connect URL, e.g. sc://host:15002."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary."),
) -> None:
    """Code articles on Apache Spark into Parquet tables; query them with --db OUT."""
    out_path = api.spark(inputs, out_dir, date=date, lang=lang, dict_dirs=dict_dir, dedup_threshold=dedup_threshold,
                         master=master, remote=remote)
    if not quiet:
        _print_summary(Path(out_path))


def _print_summary(db: Path) -> None:
    from .store import Store

    with Store(db, read_only=True) as store:
        s = store.summary()
    out.print(f"[bold]{db}[/]: {s['articles']} articles ({s['coded']} coded, {s['skipped']} skipped, "
              f"{s['failed']} failed), {s['events']} events")
    t = Table(title="top dyads")
    for c in ("source", "target", "events"):
        t.add_column(c)
    for src, tgt, n in s["top_dyads"]:
        t.add_row(src, tgt or "-", str(n))
    r = Table(title="top event roots")
    for c in ("root", "plover", "events"):
        r.add_column(c)
    for root, plover, n in s["top_roots"]:
        r.add_row(root, plover or "-", str(n))
    out.print(t)
    out.print(r)


@app.command("summary")
def summary_cmd(db: Path = typer.Option(Path("warta.duckdb"), "--db",
                                        help="DuckDB file, or folder of Parquet tables from `warta spark`.")) -> None:
    """Print what a store holds: articles, events, top dyads and roots."""
    if not db.exists():
        _fail(f"no store at {db}; run `warta ingest ... --db {db}` first")
    _print_summary(db)


@app.command("export")
def export_cmd(
    db: Path = typer.Option(Path("warta.duckdb"), "--db",
                            help="DuckDB file, or folder of Parquet tables from `warta spark`."),
    fmt: str = typer.Option(..., "--format", "-f", help="gdelt | plover | jsonl | parquet | csv"),
    out_path: Path = typer.Option(..., "--out", "-o", help="File to write."),
) -> None:
    """Export the store's events (GDELT 2.0 TSV, PLOVER JSON lines, JSONL, Parquet, CSV)."""
    n = api.export(db, fmt, out_path)
    err.print(f"wrote {n} events to {out_path} ({fmt})")


@app.command("eval")
def eval_cmd(
    gold: List[str] = typer.Argument(None, help="Gold files or folders (default: ../shared/gold)."),
    errors: bool = typer.Option(False, "--errors", help="List every miss and false positive with its sentence."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Score warta against gold sets: precision, recall, F1 at root, code and full level."""
    reports = api.evaluate(gold or None, errors=errors)
    if as_json:
        sys.stdout.write(json.dumps([r.to_dict() for r in reports], indent=2) + "\n")
        return
    for rep in reports:
        out.print(f"\n[bold]{rep.path}[/] ({rep.kind}, {rep.n_items} items)")
        if rep.note:
            out.print(f"  {rep.note}")
            continue
        if rep.kind == "article":
            out.print(f"  required events found: {rep.required_found}/{rep.required_total}, "
                      f"allowed extras: {rep.allowed}, false positives: {rep.false_positives}")
        t = Table()
        for c in ("level", "precision", "recall", "F1", "tp", "fp", "fn"):
            t.add_column(c, justify="right")
        for lvl, tally in rep.levels.items():
            if rep.kind == "article" and lvl != "root":
                continue
            t.add_row(lvl, f"{tally.precision:.3f}", f"{tally.recall:.3f}", f"{tally.f1:.3f}",
                      str(tally.tp), str(tally.fp), str(tally.fn))
        out.print(t)
        if rep.per_root:
            pr = Table(title="per root (root level)")
            for c in ("root", "precision", "recall", "F1", "tp", "fp", "fn"):
                pr.add_column(c, justify="right")
            for root in sorted(rep.per_root):
                tl = rep.per_root[root]
                pr.add_row(root, f"{tl.precision:.2f}", f"{tl.recall:.2f}", f"{tl.f1:.2f}", str(tl.tp), str(tl.fp), str(tl.fn))
            out.print(pr)
        for m in rep.errors:
            ev = m.event
            tgt = ev.get("target", "")
            if isinstance(tgt, list):
                tgt = "|".join(tgt) or '""'
            what = f"{ev.get('source')}->{tgt or '-'} {ev.get('code') or ev.get('roots')}"
            fired = ", ".join(f"{p['source']}->{p['target'] or '-'} {p['code']} [{p['rule']}]" for p in m.fired) or "nothing"
            out.print(f"  {m.kind} {m.sentence_id}: {what}", highlight=False, markup=False)
            if m.text:
                out.print(f"      sentence: {m.text}", highlight=False, markup=False)
            out.print(f"      warta gave: {fired}", highlight=False, markup=False)
            if m.near:
                out.print(f"      closest: {m.near}", highlight=False, markup=False)
            if m.why:
                out.print(f"      why: {m.why}", highlight=False, markup=False)


@app.command("eval-places")
def eval_places_cmd(
    gold: Path = typer.Argument(Path("tests/data/places_id.jsonl"), help="Place gold file (JSON lines)."),
    as_json: bool = typer.Option(False, "--json", help="Print the score and the misses as JSON."),
) -> None:
    """Score place resolution: the share of place mentions resolved to the expected place."""
    rep = api.evaluate_places(gold)
    if as_json:
        sys.stdout.write(json.dumps(rep.to_dict(), indent=2, ensure_ascii=False) + "\n")
        return
    for w in rep.wrong:
        expect = (w["expect"] or {}).get("name", "no place")
        out.print(f"  wrong {w['id']}: {w['mention']!r} expected {expect}; {w['why']}", highlight=False, markup=False)
    out.print(f"{rep.path}: {rep.correct}/{rep.total} place mentions resolved correctly "
              f"(accuracy {rep.accuracy:.3f})", highlight=False, markup=False)


@app.command("explain")
def explain_cmd(
    text: str = typer.Argument(..., help="A sentence or paragraph to explain."),
    lang: str = typer.Option("id", "--lang", help="Language of the text (id or en)."),
    date: Optional[str] = typer.Option(None, "--date", help="Date (YYYY-MM-DD) to resolve people's offices."),
) -> None:
    """Show the actors and event patterns found in a text and what the coder made of them."""
    out.print(api.explain(text, lang=lang, date=date).replace(" || ", "\n"), highlight=False, markup=False)


@dict_app.command("check")
def dict_check_cmd(
    dict_dir: List[str] = typer.Option([], "--dict", help="Extra dictionary folder to check as well."),
    warnings: bool = typer.Option(True, "--warnings/--no-warnings", help="Show warnings too."),
) -> None:
    """Validate the dictionaries; say which file and entry is wrong and how to fix it."""
    problems = api.check_dictionaries(dict_dir)
    errors = [p for p in problems if p.level == "error"]
    for p in problems:
        if p.level == "error" or warnings:
            colour = "red" if p.level == "error" else "yellow"
            out.print(f"{p.level}: {p.file}: {p.entry}: {p.message}", style=colour, highlight=False, markup=False)
    n_warn = len(problems) - len(errors)
    if errors:
        out.print(f"{len(errors)} errors, {n_warn} warnings")
        raise typer.Exit(1)
    out.print(f"dictionaries OK ({n_warn} warnings)")


@actors_app.command("unknown")
def actors_unknown_cmd(
    db: Path = typer.Option(..., "--db", help="DuckDB store written by `warta ingest`."),
    top: int = typer.Option(50, "--top", help="How many names to list."),
    lang: str = typer.Option("id", "--lang", help="Language of the articles to read (id or en)."),
    all_articles: bool = typer.Option(False, "--all-articles",
                                      help="Read every coded article, not only those with events."),
    min_articles: int = typer.Option(2, "--min-articles", help="Leave out names fewer articles mention."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per name instead of a table."),
    dict_dir: List[str] = typer.Option([], "--dict", help="Extra dictionary folder (its names count as known)."),
) -> None:
    """List the most frequent person and organisation names no dictionary knows, with counts and
    example sentences, to add to the actor files."""
    found = api.unknown_actors(db, top=top, lang=lang, all_articles=all_articles, min_articles=min_articles,
                               dict_dirs=dict_dir)
    if as_json:
        for c in found:
            sys.stdout.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
        return
    table = Table(title=f"names no dictionary knows ({db})")
    for col in ("#", "name", "kind", "mentions", "articles", "example"):
        table.add_column(col, overflow="fold")
    for i, c in enumerate(found, 1):
        example = c.examples[0] if c.examples else ""
        table.add_row(str(i), c.name, c.kind, str(c.count), str(c.articles),
                      example + (f"\n[{c.hint}]" if c.hint else ""))
    out.print(table, markup=False, highlight=False)


def main() -> None:
    """Entry point: run the app, turning user errors into one line and exit status 2."""
    from .coding.dictionaries import DictionaryError
    from .store import StoreError

    try:
        app()
    except (FileNotFoundError, ValueError, DictionaryError, StoreError, UserError) as exc:
        err.print(f"error: {exc}", style="bold red", highlight=False, markup=False)
        sys.exit(2)


if __name__ == "__main__":
    main()
