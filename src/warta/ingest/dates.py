"""Publication dates normalised to ISO `YYYY-MM-DD`; anything unparseable gives None."""

from __future__ import annotations

import datetime as _dt
import re
from email.utils import parsedate_to_datetime

# Year first: ISO dates and datetimes (2017-08-26, 2017-08-26T10:00:00Z, 2017/08/26, 2017.08.26).
_YMD = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])")
# Day first, the usual order in Indonesian and European sources (26/08/2017, 26-08-2017, 26.08.2017).
_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?![\d])")
# Compact 20170826, as in GDELT-style dumps; eight digits only so that epochs are not misread.
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
# Month names (Indonesian and English, full and short) because news pages often print dates in words.
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("januari", "january", "jan"),
            ("februari", "pebruari", "february", "feb", "peb"),
            ("maret", "march", "mar"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("agustus", "august", "agu", "agt", "aug"),
            ("september", "sept", "sep"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nopember", "nov", "nop"),
            ("desember", "december", "des", "dec"),
        ],
        start=1,
    )
    for name in names
}
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})", re.I)  # 26 Agustus 2017
_MONTH_DAY_YEAR = re.compile(r"([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", re.I)  # August 26, 2017


def _iso(year: str | int, month: str | int, day: str | int) -> str | None:
    try:
        return _dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def normalise_date(value: object) -> str | None:
    """ISO `YYYY-MM-DD` for a date or datetime given in a common form, else None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    # The date part as written, ignoring any time zone, because the publisher's local date is meant.
    if m := _YMD.match(text):
        return _iso(*m.groups())
    if m := _DMY.match(text):
        day, month, year = m.groups()
        return _iso(year, month, day)
    if m := _COMPACT.fullmatch(text):
        return _iso(*m.groups())
    if m := _DAY_MONTH_YEAR.search(text):
        day, month, year = m.groups()
        if month.lower() in _MONTHS:
            return _iso(year, _MONTHS[month.lower()], day)
    if m := _MONTH_DAY_YEAR.search(text):
        month, day, year = m.groups()
        if month.lower() in _MONTHS:
            return _iso(year, _MONTHS[month.lower()], day)
    # RFC 2822 ("Sat, 26 Aug 2017 10:00:00 +0000") because RSS feeds and e-mail dumps use it.
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
