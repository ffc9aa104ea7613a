"""When did it happen? Publication dates from an article's text and event dates from a sentence.

The words (months, day names, "kemarin", "yesterday", ...) are data: `data/lang/<xx>/dates.yaml`.

Conventions (the usual reading of news):
- a date written in the sentence ("21 Oktober 2025", "Selasa (21/10)", "October 21") is the event's
  date; without a year it is the one nearest the publication date;
- a relative word shifts the publication date: "kemarin"/"yesterday" -1, "besok"/"tomorrow" +1,
  "pekan lalu"/"last week" -7, "dua hari lalu"/"two days ago" -2;
- a bare day name ("Selasa", "on Tuesday") is the most recent such day on or before the
  publication date; "Selasa lalu"/"last Tuesday" the most recent one strictly before it, "Selasa
  depan"/"next Tuesday" the next one after it;
- the first date expression of the sentence decides, an explicit date before a relative one,
  except a written date equal to the publication date (the dateline), which yields to a relative
  word later in the sentence.

`date_source` says how an event's date was found: article (the article's metadata or dateline),
user (`--date`), today (no date anywhere: the day of the run), sentence-explicit, sentence-relative,
or none.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..coding.dictionaries import DictionaryError, lang_data

ARTICLE, USER, TODAY, NONE = "article", "user", "today", "none"
SENTENCE_EXPLICIT, SENTENCE_RELATIVE = "sentence-explicit", "sentence-relative"
DATE_SOURCES = (ARTICLE, SENTENCE_EXPLICIT, SENTENCE_RELATIVE, USER, TODAY, NONE)

HEAD_LINES = 3  # a dateline sits in the first lines of an article, never further down
HEAD_CHARS = 200  # ... and near their start: later dates are about what the article reports
DATELINE_AT = 60  # a dateline's date comes within this many characters of its line's start ...
DATE_LINE = 80  # ... on a line this short (a date line) or before the dash that opens the text
_DATELINE_DASH = re.compile(r"\s[-–—]{1,2}\s")
MIN_YEAR = 1900  # a "publication date" before this is a historical date, not a dateline
DATE_KEYS = ("months", "weekdays", "relative_days", "numbers", "days_ago", "not_event_before",
             "weekday_past_before", "weekday_future_before", "weekday_past_after", "weekday_future_after")


def _alt(words) -> str:
    # Longest first so that "kemarin lusa" wins over "kemarin".
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _capitalised_alt(words) -> str:
    # Months and day names count only as written in news: "Oktober", "OKTOBER", never "oktober"
    # ("mei" and "may" are ordinary words, "minggu" means week).
    forms = {f for w in words for f in (w[:1].upper() + w[1:], w.upper())}
    return _alt(forms)


@dataclass(frozen=True)
class DateWords:
    """One language's date words, compiled into the regular expressions that find dates."""

    lang: str
    months: dict[str, int]
    weekdays: dict[str, int]
    shifts: dict[str, int]
    numbers: dict[str, int]
    full: re.Pattern  # dates with a year
    partial: re.Pattern  # day and month without a year
    relative_re: re.Pattern
    weekday_re: re.Pattern
    not_event: re.Pattern | None
    past_words: frozenset[str]
    future_words: frozenset[str]
    relative_cue: re.Pattern  # a sentence without one of these words has no relative date
    month_cue: re.Pattern  # ... and one without a month name or d/m no written date

    @classmethod
    def from_data(cls, lang: str, data: dict) -> "DateWords":
        months = {str(k).lower(): int(v) for k, v in (data.get("months") or {}).items()}
        weekdays = {str(k).lower(): int(v) for k, v in (data.get("weekdays") or {}).items()}
        relative = {str(k).lower(): int(v) for k, v in (data.get("relative_days") or {}).items()}
        numbers = {str(k).lower(): int(v) for k, v in (data.get("numbers") or {}).items()}
        mon = _capitalised_alt(months) or r"(?!x)x"
        day = _capitalised_alt(weekdays) or r"(?!x)x"
        # Optional day name before a date: "Selasa, 21 Oktober 2025", "Tuesday, October 21, 2025".
        lead = rf"(?:\b(?:{day}),?\s+)?"
        full = re.compile(
            rf"{lead}(?:\b(?P<d1>\d{{1,2}})\s+(?P<m1>{mon})\.?,?\s+(?P<y1>\d{{4}})"  # 21 Oktober 2025
            rf"|\b(?P<m2>{mon})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"  # October 21, 2025
            rf"|\(?\b(?P<d3>\d{{1,2}})(?P<sep>[/.-])(?P<n3>\d{{1,2}})(?P=sep)(?P<y3>\d{{4}})\)?)(?!\d)")  # (21/10/2025)
        partial = re.compile(
            rf"{lead}(?:\b(?P<d1>\d{{1,2}})\s+(?P<m1>{mon})\b\.?"  # 21 Oktober
            rf"|\b(?P<m2>{mon})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b"  # October 21
            # (21/10): in brackets only, since a bare 2/3 is a fraction or a score.
            rf"|\(\s?(?P<d3>\d{{1,2}})\s?/\s?(?P<n3>\d{{1,2}})\s?\))")
        days_ago = str(data.get("days_ago") or "")
        rel_parts = [rf"\b(?P<rel>{_alt(relative)})\b"] if relative else []
        if days_ago:
            rel_parts.append(r"\b" + days_ago.replace("{numbers}", _alt(numbers) or r"(?!x)x") + r"\b")
        relative_re = re.compile("(?i:" + "|".join(rel_parts) + ")" if rel_parts else r"(?!x)x")
        past_b, fut_b = data.get("weekday_past_before") or [], data.get("weekday_future_before") or []
        past_a, fut_a = data.get("weekday_past_after") or [], data.get("weekday_future_after") or []
        before = _alt([*past_b, *fut_b])
        after = _alt([*past_a, *fut_a])
        weekday_re = re.compile(
            (rf"(?:\b(?i:(?P<pre>{before}))\s+)?" if before else "")
            + rf"\b(?P<day>{day})\b"
            + (rf"(?:\s+(?i:(?P<post>{after}))\b)?" if after else ""))
        stop = data.get("not_event_before") or []
        not_event = re.compile(rf"(?i:\b(?:{_alt(stop)}))\s*(?:tanggal\s+|on\s+|the\s+)?$") if stop else None
        # A word every date expression needs: a month or day name, the longest word of a relative
        # phrase ("pekan" of "pekan lalu", "yesterday" of "the day before yesterday"), and the
        # longest plain word of days_ago ("hari", "days").
        cues = {*weekdays, *(max(p.split(), key=len) for p in relative),
                max(re.findall(r"[a-z]+", days_ago.replace("{numbers}", "")) or [""], key=len)} - {""}
        # Searched in the lower-cased sentence: a case-insensitive alternation is several times slower.
        relative_cue = re.compile(rf"\b(?:{_alt(cues)})\b" if cues else r"(?!x)x")
        month_cue = re.compile(rf"\b(?:{mon})\b|\d\s?[/.-]\s?\d")
        return cls(lang, months, weekdays, relative, numbers, full, partial, relative_re, weekday_re,
                   not_event, frozenset(w.lower() for w in [*past_b, *past_a]),
                   frozenset(w.lower() for w in [*fut_b, *fut_a]), relative_cue, month_cue)

    # -- pieces -----------------------------------------------------------------------------------
    def _month(self, m: re.Match, i: int) -> int | None:
        name = m.group(f"m{i}")
        return self.months.get(name.lower()) if name else None

    def _day_month(self, m: re.Match) -> tuple[int, int] | None:
        for i in (1, 2):
            if m.group(f"d{i}"):
                return int(m.group(f"d{i}")), self._month(m, i)
        return int(m.group("d3")), int(m.group("n3"))

    def _year(self, m: re.Match) -> int | None:
        for i in (1, 2, 3):
            if m.groupdict().get(f"y{i}"):
                return int(m.group(f"y{i}"))
        return None

    def _skipped(self, text: str, start: int) -> bool:
        return bool(self.not_event and self.not_event.search(text[max(0, start - 30):start]))

    # -- finding dates ------------------------------------------------------------------------------
    def full_dates(self, text: str):
        """(start, date) of every date with a year in `text`, in order."""
        for m in self.full.finditer(text):
            d, mon = self._day_month(m)
            day = _date(self._year(m), mon, d)
            if day:
                yield m.start(), day

    def explicit(self, text: str, pub: dt.date | None) -> tuple[tuple[int, dt.date] | None, str]:
        """The first date written in `text` that is not after "sejak"/"since" (a date without a
        year takes the year that puts it nearest the publication date), and `text` with every
        written date blanked out, so that their day names are not read again as relative days."""
        found = None
        masked = text
        for pattern in (self.full, self.partial):
            for m in pattern.finditer(masked):
                masked = masked[:m.start()] + " " * (m.end() - m.start()) + masked[m.end():]
                if found is not None and m.start() > found[0] or self._skipped(text, m.start()):
                    continue
                d, mon = self._day_month(m)
                year = self._year(m)
                day = _date(year, mon, d) if year else (_nearest(pub, mon, d) if pub else None)
                if day:
                    found = (m.start(), day)
        return found, masked

    def relative(self, text: str, pub: dt.date) -> tuple[int, dt.date] | None:
        """The publication date shifted by the first relative word or day name in `text`."""
        best = None
        m = self.relative_re.search(text)
        if m:
            if m.groupdict().get("rel"):
                shift = self.shifts[m.group("rel").lower()]
            else:
                n = m.group("n").lower()
                shift = -(int(n) if n.isdigit() else self.numbers[n])
            best = (m.start(), pub + dt.timedelta(days=shift))
        w = self.weekday_re.search(text)
        if w and (best is None or w.start() < best[0]):
            target = self.weekdays[w.group("day").lower()]
            mod = (w.groupdict().get("pre") or w.groupdict().get("post") or "").lower()
            back = (pub.weekday() - target) % 7
            if mod in self.future_words:
                day = pub + dt.timedelta(days=(target - pub.weekday()) % 7 or 7)
            else:
                day = pub - dt.timedelta(days=back or (7 if mod in self.past_words else 0))
            best = (w.start(), day)
        return best


_DIGIT = re.compile(r"\d")


def _date(year, month, day) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None


def _nearest(pub: dt.date, month: int | None, day: int) -> dt.date | None:
    candidates = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := _date(y, month, day))]
    return min(candidates, key=lambda d: abs((d - pub).days)) if candidates else None


@lru_cache(maxsize=16)
def date_words(lang: str, extra_dirs: tuple[str, ...] = ()) -> DateWords:
    """The date words of a language (packaged, then the user's folders, key by key)."""
    data = lang_data(lang, "dates.yaml", extra_dirs)
    try:
        return DateWords.from_data(lang, data)
    except (TypeError, ValueError, AttributeError, re.error) as exc:
        raise DictionaryError(f"lang/{lang}/dates.yaml: {exc}; see docs/dictionaries.md (dates)") from None


def check_date_words(lang: str, extra_dirs: tuple[str, ...] = ()) -> list[str]:
    """Problems in a language's dates.yaml, each a sentence saying what to fix."""
    problems = []
    try:
        if not lang_data(lang, "dates.yaml", extra_dirs):
            return []  # optional: a language without one dates events by the article only
        words = date_words(lang, extra_dirs)
    except DictionaryError as exc:
        return [str(exc)]
    if not words.months:
        problems.append("no months: give months: {name: number 1-12}")
    problems += [f"months: {k!r} -> {v} is not 1-12" for k, v in words.months.items() if not 1 <= v <= 12]
    problems += [f"weekdays: {k!r} -> {v} is not 0-6 (Monday = 0)" for k, v in words.weekdays.items() if not 0 <= v <= 6]
    problems += [f"relative_days: {k!r} -> {v} is more than 31 days away" for k, v in words.shifts.items() if abs(v) > 31]
    return problems


# ------------------------------------------------------------------------------------ the API


def publication_date(text: str, lang: str, extra_dirs: tuple[str, ...] = ()) -> str | None:
    """The date in an article's dateline ("Jakarta, Selasa (21/10/2025) -", "Selasa, 21 Oktober
    2025", "Tuesday, October 21, 2025"), looked for in its first lines only; None if there is none."""
    words = date_words(lang, extra_dirs)
    lines = [ln.strip()[:HEAD_CHARS] for ln in text.splitlines() if ln.strip()][:HEAD_LINES]
    this_year = dt.date.today().year
    for line in lines:
        dash = _DATELINE_DASH.search(line)
        for start, day in words.full_dates(line):
            in_dateline = len(line) <= DATE_LINE or (dash is not None and start < dash.start())
            if start <= DATELINE_AT and in_dateline and MIN_YEAR <= day.year <= this_year + 1:
                return day.isoformat()
    return None


def event_date(sentence: str, pub: str | None, lang: str, extra_dirs: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """(ISO date, date_source) of what a sentence reports when the sentence itself says when,
    else None (the event takes the article's date)."""
    words = date_words(lang, extra_dirs)
    # Most sentences say nothing about when: cheap looks before the regular expressions. A
    # written date has a digit and a month name or d/m; a relative one a day name or relative word.
    written = _DIGIT.search(sentence) is not None and words.month_cue.search(sentence) is not None
    relative = pub is not None and words.relative_cue.search(sentence.lower()) is not None
    if not (written or relative):
        return None
    pub_day = dt.date.fromisoformat(pub) if pub else None
    found, rest = words.explicit(sentence, pub_day) if written else (None, sentence)
    if relative:
        rel = words.relative(rest, pub_day)
        # A written date equal to the publication date is the dateline ("Jakarta, Selasa
        # (21/10/2025) - ... kemarin ..."): the relative word says when the event was.
        if rel and (found is None or found[1] == pub_day or rel[0] < found[0]):
            return rel[1].isoformat(), SENTENCE_RELATIVE
    if found and found[1] != pub_day:  # the publication date again is the dateline: the article's date
        return found[1].isoformat(), SENTENCE_EXPLICIT
    return None

