"""Page-furniture patterns (data/boilerplate/<lang>.txt), compiled once into one regex per language.

File format: one regex per line, `#` starts a comment line, matched case-insensitively at the
start of a stripped line. A line starting `@cut ` is a comment-section header: that line and
everything after it are dropped. Other patterns drop just the line they match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..resources import read_lines

KNOWN_LANGS = ("id", "en")
CUT_PREFIX = "@cut "
# Language tags as inputs give them ("id-ID", "ind", "in", "en-US", "eng") reduced to a file name.
_ALIASES = {"ind": "id", "in": "id", "eng": "en"}


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """One combined regex: group `cut` for comment-section headers, group `drop` for single lines."""

    regex: re.Pattern[str] | None
    n_patterns: int = 0

    def classify(self, line: str) -> str | None:
        """"cut", "drop" or None for one stripped line (the clean stage inlines this)."""
        if self.regex is None:
            return None
        m = self.regex.match(line)
        if m is None:
            return None
        return "cut" if m.group("cut") is not None else "drop"


def lang_key(lang: str | None) -> str | None:
    """"id" or "en" for a language tag, None when it is neither."""
    if not lang:
        return None
    base = lang.strip().lower().replace("_", "-").split("-")[0]
    base = _ALIASES.get(base, base)
    return base if base in KNOWN_LANGS else None


def compile_patterns(lines: Iterable[str]) -> Boilerplate:
    """Combine pattern lines (same syntax as the data files) into one Boilerplate."""
    cut: list[str] = []
    drop: list[str] = []
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        target = cut if line.startswith(CUT_PREFIX) else drop
        pattern = line[len(CUT_PREFIX):].strip() if target is cut else line
        try:
            re.compile(pattern, re.I)
        except re.error as exc:
            raise ValueError(f"bad boilerplate pattern {pattern!r}: {exc}") from exc
        if pattern not in target:  # the id and en files share a few patterns
            target.append(pattern)
    if not cut and not drop:
        return Boilerplate(None, 0)

    def alternation(patterns: list[str]) -> str:
        return "|".join(f"(?:{p})" for p in patterns) if patterns else "(?!)"

    regex = re.compile(f"(?P<cut>{alternation(cut)})|(?P<drop>{alternation(drop)})", re.I)
    return Boilerplate(regex, len(cut) + len(drop))


def load_boilerplate(lang: str | None = None) -> Boilerplate:
    """Patterns for `lang` ("id", "en", "id-ID", ...); an unknown or missing language gets both.

    Loaded and compiled once per language; later calls return the same object.
    """
    return _load(lang_key(lang))


@lru_cache(maxsize=None)
def _load(key: str | None) -> Boilerplate:
    langs = (key,) if key else KNOWN_LANGS
    lines: list[str] = []
    for code in langs:
        lines.extend(read_lines("boilerplate", f"{code}.txt"))
    return compile_patterns(lines)


@lru_cache(maxsize=64)
def _compile_cached(lines: tuple[str, ...]) -> Boilerplate:
    return compile_patterns(lines)


def resolve_patterns(patterns: Boilerplate | Iterable[str] | str | None, lang: str | None) -> Boilerplate:
    """The Boilerplate to use: given patterns (compiled once per distinct list) or the language's."""
    if patterns is None:
        return load_boilerplate(lang)
    if isinstance(patterns, Boilerplate):
        return patterns
    if isinstance(patterns, str):
        patterns = patterns.splitlines()
    return _compile_cached(tuple(patterns))
