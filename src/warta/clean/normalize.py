"""Unicode clean-up with an offset map: NFKC, no zero-width characters, no-break spaces as spaces."""

from __future__ import annotations

import re
import unicodedata

from .offsets import MapBuilder, OffsetMap

# Invisible characters that split words for a tokenizer (zero-width space/joiners, word joiner,
# byte-order mark, soft hyphen, Mongolian vowel separator): deleted.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
# Only stretches of non-ASCII text can change; one ASCII letter before is included because a
# combining mark after it composes with it ("e" + U+0301 -> "é").
_CANDIDATE = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")
# Characters of combining class 0 that still compose with the character before them, so they
# must not start a cluster: Hangul vowel/final jamo, and (from the Unicode decomposition data)
# Indic two-part vowel signs and length marks, Tibetan vowel signs, half-width kana voicing marks.
_JOINS_PREVIOUS = re.compile(
    "[\u1160-\u11ff\ud7b0-\ud7ff"
    "\u09be\u09d7\u0b3e\u0b56\u0b57\u0bbe\u0bd7\u0cc2\u0cd5\u0cd6\u0d3e\u0d57\u0dcf\u0ddf"
    "\u0f73\u0f75\u0f81\u0fb5\u0fb7\u102e\u1b35\uff9e\uff9f"
    "\U00011127\U0001133e\U00011357\U000114b0\U000114ba\U000114bd\U000115af\U00011930]"
)


def needs_normalising(text: str) -> bool:
    """False for the usual case, checked in C: ASCII, or already NFKC with nothing invisible."""
    if text.isascii():
        return False
    return not unicodedata.is_normalized("NFKC", text) or _INVISIBLE_RE.search(text) is not None


def normalise_text(text: str) -> str:
    """The normalised string alone (for titles), same rules as `normalise`."""
    if not needs_normalising(text):
        return text
    return unicodedata.normalize("NFKC", _INVISIBLE_RE.sub("", text))


def normalise(text: str) -> tuple[str, OffsetMap | None]:
    """NFKC text with invisible characters removed; None for the map when nothing changed."""
    if not needs_normalising(text):
        return text, None
    b = MapBuilder(text)
    done = 0
    for m in _CANDIDATE.finditer(text):
        start, end = m.span()
        b.copy(done, start)
        run = m.group()
        if unicodedata.is_normalized("NFKC", run) and not _INVISIBLE_RE.search(run):
            b.copy(start, end)
        else:
            _normalise_run(b, run, start)
        done = end
    b.copy(done, len(text))
    return b.build()


def _joins(ch: str) -> bool:
    return bool(unicodedata.combining(ch)) or _JOINS_PREVIOUS.match(ch) is not None


def _normalise_run(b: MapBuilder, run: str, offset: int) -> None:
    """Normalise one short non-ASCII stretch cluster by cluster, so each result maps to its source."""
    start = 0
    n = len(run)
    for i in range(1, n + 1):
        # A cluster is a base character with the marks that attach to it; it ends before the next base.
        if i < n and _joins(run[i]):
            continue
        # An invisible character between a base and its mark stays inside the cluster, so that
        # deleting it lets them compose; elsewhere it is a cluster of its own (and maps to nothing).
        if i < n and run[i] in _INVISIBLE:
            j = i
            while j < n and run[j] in _INVISIBLE:
                j += 1
            if j < n and _joins(run[j]):
                continue
        cluster = _INVISIBLE_RE.sub("", run[start:i])
        b.replace(offset + start, offset + i, unicodedata.normalize("NFKC", cluster) if cluster else "")
        start = i
