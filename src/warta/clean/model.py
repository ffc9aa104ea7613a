"""`CleanText`: the cleaned text of one article, with the way back to its original offsets."""

from __future__ import annotations

from dataclasses import dataclass, field

from .offsets import OffsetMap


@dataclass(slots=True)
class CleanText:
    """Cleaned text; `orig`/`orig_span` turn its offsets into offsets in `Article.text`."""

    text: str
    title: str
    offsets: OffsetMap = field(default_factory=OffsetMap, repr=False)
    title_line: bool = False  # True when `text` opens with the title as its own paragraph

    def orig(self, i: int) -> int:
        """Offset in the original text of cleaned character `i` (len(text) maps past the last)."""
        return self.offsets.orig(i)

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Original `(start, end)` for cleaned `[start, end)`; end exclusive, = orig(end-1)+1."""
        return self.offsets.orig_span(start, end)

    def __len__(self) -> int:
        return len(self.text)
