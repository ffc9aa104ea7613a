"""Line-level cleaning: title paragraph, repeated title, page furniture, whitespace."""

from __future__ import annotations

import re

from .boilerplate import Boilerplate
from .offsets import MapBuilder

# Runs of 2+ whitespace characters, or a single one that is not a plain space (tab, form feed):
# each becomes one space. Applied inside a line, which holds no line breaks.
_SPACES = re.compile(r"\s{2,}|[^\S ]")
TITLE_BREAK = "\n\n"  # the title line is a paragraph of its own (it has no final full stop)
PARAGRAPH_BREAK = "\n\n"
LINE_BREAK = "\n"


def _has_odd_spaces(line: str) -> bool:
    """Whether a line needs whitespace collapsing. After NFKC and splitlines only these
    whitespace characters can be left in a line; `in` tests are several times faster than a
    regex scan, and most lines have none."""
    return "  " in line or "\t" in line or "\x1f" in line or "\u1680" in line


def title_key(text: str) -> str:
    """Comparison form of a title: whitespace- and case-insensitive."""
    return " ".join(text.split()).casefold()


def collapse_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def lay_out(text: str, title: str, boilerplate: Boilerplate, out: MapBuilder) -> bool:
    """Append the kept lines of `text` to `out`; True when the first kept line is the title.

    Lines are joined with "\\n"; a blank line (or more) in the input becomes one paragraph
    break "\\n\\n". Boilerplate lines are dropped; a comment-section header drops the rest.
    """
    regex = boilerplate.regex
    key = title_key(title) if title else ""
    pos = 0
    prev_end = -1  # end of the previous kept line's content in `text`, -1 before the first
    blank = False  # whether a blank line came since the previous kept line
    kept = 0
    title_line = False
    for line in text.splitlines(keepends=True):
        start = pos
        pos += len(line)
        content = line.strip()
        if not content:
            blank = True
            continue
        if regex is not None:
            m = regex.match(content)
            if m is not None:
                if m.group("cut") is not None:  # comment section: nothing after it is article text
                    break
                continue  # a furniture line; a blank line around it still counts as a break
        if key and kept < 2:
            same = title_key(content) == key
            if kept == 0:
                title_line = same  # the text opens with its title (plain-text files always do)
            elif title_line and same:
                continue  # the title repeated as the first body line (scraped pages do this)
        cstart = start + len(line) - len(line.lstrip())
        cend = cstart + len(content)
        if prev_end >= 0:
            if kept == 1 and title_line:
                sep = TITLE_BREAK
            else:
                sep = PARAGRAPH_BREAK if blank else LINE_BREAK
            out.replace(prev_end, cstart, sep)
        if _has_odd_spaces(content):
            done = cstart
            for ws in _SPACES.finditer(text, cstart, cend):
                out.copy(done, ws.start())
                out.replace(ws.start(), ws.end(), " ")
                done = ws.end()
            out.copy(done, cend)
        else:
            out.copy(cstart, cend)
        prev_end = cend
        kept += 1
        blank = False
    return title_line
