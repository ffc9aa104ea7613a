"""`read_inputs`: every input (file, folder, "-") streamed as Articles, bad ones as ErrorRows."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import Article, ErrorRow
from .dates import normalise_date
from .decoding import BINARY_REASON, decode_html, decode_utf8, looks_binary
from .errors import IngestError, error_row
from .html_page import article_from_html
from .jsonl import iter_jsonl
from .plain_text import EMPTY_REASON, article_from_text
from .sniff import HTML, JSONL, SNIFF_BYTES, format_by_content, format_by_name, is_gzip_name
from .stdin import read_stdin
from .walk import iter_folder

STDIN = "-"
MISSING_REASON = "no such file or directory"


def read_inputs(
    inputs: Iterable[str | Path], *, default_date: str | None = None
) -> Iterator[Article | ErrorRow]:
    """Stream Articles from files, folders and "-" (stdin), in order.

    A bad file, page or line never raises: it is yielded as an ErrorRow(stage="ingest") and
    reading goes on. `default_date` (checked now, ValueError if unparseable) fills in the date of
    articles that have none.
    """
    fallback = None
    if default_date is not None:
        fallback = normalise_date(default_date)
        if fallback is None:
            raise ValueError(f"default_date is not a date: {default_date!r}")
    if isinstance(inputs, (str, Path)):  # a single path is a common slip; treat it as a list of one
        inputs = [inputs]
    return _stream(inputs, fallback)


def _stream(inputs: Iterable[str | Path], fallback: str | None) -> Iterator[Article | ErrorRow]:
    for item in inputs:
        for record in _read_one(item):
            if fallback is not None and isinstance(record, Article) and record.date is None:
                record.date, record.date_source = fallback, "user"
            yield record


def _read_one(item: str | Path) -> Iterator[Article | ErrorRow]:
    if str(item) == STDIN:
        yield from _guarded("<stdin>", read_stdin())
        return
    path = Path(item)
    if path.is_dir():
        found = False
        for file in iter_folder(path):
            found = True
            yield from _guarded(str(file), read_file(file))
        if not found:
            yield error_row(str(path), "no input files in folder")
        return
    yield from _guarded(str(path), read_file(path))


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


def read_file(path: Path) -> Iterator[Article | ErrorRow]:
    """Articles in one file, by its extension or, failing that, its content. May raise IngestError."""
    origin = str(path)
    if not path.exists():
        raise FileNotFoundError(origin)
    fmt = format_by_name(path)
    if fmt == JSONL or (fmt is None and _sniff(path) == JSONL):
        yield from _read_jsonl(path, origin)
        return
    if is_gzip_name(path):
        with gzip.open(path, "rb") as fh:
            data = fh.read()
    else:
        data = path.read_bytes()
    if not data.strip():
        raise IngestError(EMPTY_REASON)
    if fmt is None:
        fmt = format_by_content(data[:SNIFF_BYTES])
    if fmt == HTML:
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
