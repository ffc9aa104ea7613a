"""`read_inputs`: every input (file, folder, URL, "-") streamed as Articles, bad ones as ErrorRows."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import Article, ErrorRow
from .dates import normalise_date
from .decoding import BINARY_REASON, decode_html, decode_utf8, looks_binary
from .errors import IngestError, error_row
from .feed import read_feed
from .fetch import Fetcher, FetchSettings
from .html_page import article_from_html
from .jsonl import iter_jsonl
from .plain_text import EMPTY_REASON, article_from_text
from .sniff import FEED, HTML, JSONL, SNIFF_BYTES, URLS, WARC, format_by_content, format_by_name, is_gzip_name
from .stdin import read_stdin
from .urls import is_url, read_url, read_url_list
from .walk import iter_folder
from .warc import read_warc

STDIN = "-"
MISSING_REASON = "no such file or directory"


def read_inputs(
    inputs: Iterable[str | Path], *, default_date: str | None = None, offline: bool = False,
    fetch: dict | None = None,
) -> Iterator[Article | ErrorRow]:
    """Stream Articles from files, folders, WARCs, feeds, URLs and "-" (stdin), in order.

    A bad file, page or line never raises: it is yielded as an ErrorRow(stage="ingest") and
    reading goes on. `default_date` (checked now, ValueError if unparseable) fills in the date of
    articles that have none. `offline` fetches nothing (URLs become error rows, feed items their
    summaries); `fetch` overrides keys of the configuration's [fetch] section (checked now).
    """
    fallback = None
    if default_date is not None:
        fallback = normalise_date(default_date)
        if fallback is None:
            raise ValueError(f"default_date is not a date: {default_date!r}")
    if isinstance(inputs, (str, Path)):  # a single path is a common slip; treat it as a list of one
        inputs = [inputs]
    fetcher = Fetcher(FetchSettings.from_config(fetch), offline=offline)
    return _stream(inputs, fallback, fetcher)


def _stream(inputs: Iterable[str | Path], fallback: str | None, fetcher: Fetcher) -> Iterator[Article | ErrorRow]:
    try:
        for item in inputs:
            for record in _read_one(item, fetcher):
                if fallback is not None and isinstance(record, Article) and record.date is None:
                    record.date, record.date_source = fallback, "user"
                yield record
    finally:
        fetcher.close()


def _read_one(item: str | Path, fetcher: Fetcher) -> Iterator[Article | ErrorRow]:
    if str(item) == STDIN:
        yield from _guarded("<stdin>", read_stdin())
        return
    if isinstance(item, str) and is_url(item):
        yield from _guarded(item, read_url(item, fetcher))
        return
    path = Path(item)
    if path.is_dir():
        found = False
        for file in iter_folder(path):
            found = True
            yield from _guarded(str(file), read_file(file, fetcher))
        if not found:
            yield error_row(str(path), "no input files in folder")
        return
    yield from _guarded(str(path), read_file(path, fetcher))


def _guarded(origin: str, records: Iterator[Article | ErrorRow]) -> Iterator[Article | ErrorRow]:
    """Whatever goes wrong while reading one input ends that input with an ErrorRow, not the run."""
    try:
        yield from records
    except IngestError as exc:
        yield error_row(origin, exc.reason)
    except FileNotFoundError:
        yield error_row(origin, MISSING_REASON)
    except (gzip.BadGzipFile, zlib.error, EOFError) as exc:
        yield error_row(origin, f"corrupt gzip file: {exc or type(exc).__name__}")
    except OSError as exc:
        yield error_row(origin, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # a reader bug must not stop a million-article run either
        yield error_row(origin, f"unexpected {type(exc).__name__}: {exc}")


def read_file(path: Path, fetcher: Fetcher | None = None) -> Iterator[Article | ErrorRow]:
    """Articles in one file, by its extension or, failing that, its content. May raise IngestError.

    `fetcher` fetches the pages of feed items and listed URLs; without one, nothing is fetched.
    """
    origin = str(path)
    if not path.exists():
        raise FileNotFoundError(origin)
    fetcher = fetcher or Fetcher(offline=True)
    fmt = format_by_name(path) or _sniff(path)
    if fmt == JSONL:
        yield from _read_jsonl(path, origin)
        return
    if fmt == WARC:  # streamed record by record: crawl files run to gigabytes
        yield from read_warc(path, fetcher.settings.max_bytes)
        return
    if fmt == URLS:
        yield from read_url_list(path, fetcher)
        return
    if is_gzip_name(path):
        with gzip.open(path, "rb") as fh:
            data = fh.read()
    else:
        data = path.read_bytes()
    if not data.strip():
        raise IngestError(EMPTY_REASON)
    if fmt == FEED:
        yield from read_feed(data, origin, fetcher)
    elif fmt == HTML:
        yield article_from_html(decode_html(data), origin)
    else:
        yield article_from_text(decode_utf8(data), origin)


def _sniff(path: Path) -> str:
    opener = gzip.open if is_gzip_name(path) else open
    with opener(path, "rb") as fh:
        return format_by_content(fh.read(SNIFF_BYTES))


def _read_jsonl(path: Path, origin: str) -> Iterator[Article | ErrorRow]:
    opener = gzip.open if is_gzip_name(path) else open
    with opener(path, "rb") as fh:
        # A NUL in the first block means this is not text at all, not a file of bad lines.
        if looks_binary(fh.peek(SNIFF_BYTES)[:SNIFF_BYTES]):
            raise IngestError(BINARY_REASON)
        yield from iter_jsonl(fh, origin)  # iterating the file object reads one line at a time
