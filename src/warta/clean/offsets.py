"""Offset maps from cleaned text back to the original, stored as a few segments, not per character.

A segment `(clean_start, orig_start, clean_len, orig_len)` says that cleaned text
`[clean_start, clean_start + clean_len)` came from original `[orig_start, orig_start + orig_len)`.
A one-to-one segment maps character by character (copied text, or single characters replaced
by single characters, such as full-width to ASCII). In a spread segment (a ligature expanded, a
combining sequence composed, a run of spaces collapsed) every character maps to the whole
original stretch: `orig()` gives its start and `orig_end()` its end. Spread segments store
their original length negated, so one int list tells both kinds apart.
"""

from __future__ import annotations

from bisect import bisect_right


class OffsetMap:
    __slots__ = ("_cstarts", "_ostarts", "_clens", "_olens", "length")

    def __init__(self) -> None:
        self._cstarts: list[int] = []
        self._ostarts: list[int] = []
        self._clens: list[int] = []
        self._olens: list[int] = []
        self.length = 0  # length of the cleaned text it maps

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        m = cls()
        m.add(0, length, length)
        return m

    def add(self, orig_start: int, clean_len: int, orig_len: int, spread: bool = False) -> None:
        """Append the next segment of cleaned text (it starts at `self.length`).

        One-to-one when the lengths agree, unless `spread` says every character stands for
        the whole original stretch.
        """
        if clean_len <= 0:
            return
        if spread or clean_len != orig_len:
            self._cstarts.append(self.length)
            self._ostarts.append(orig_start)
            self._clens.append(clean_len)
            self._olens.append(-orig_len)
        elif (
            self._clens
            and self._clens[-1] == self._olens[-1]
            and self._ostarts[-1] + self._olens[-1] == orig_start
        ):  # contiguous one-to-one stretches merge, so a clean article is a single segment
            self._clens[-1] += clean_len
            self._olens[-1] += orig_len
        else:
            self._cstarts.append(self.length)
            self._ostarts.append(orig_start)
            self._clens.append(clean_len)
            self._olens.append(orig_len)
        self.length += clean_len

    def _segment(self, i: int) -> int:
        if not 0 <= i < self.length:
            raise IndexError(f"offset {i} outside cleaned text of length {self.length}")
        return bisect_right(self._cstarts, i) - 1

    def orig(self, i: int) -> int:
        """Original offset of cleaned character `i` (`i == length` gives the end of the last one)."""
        if i == self.length:
            return self.orig_end(i - 1) if i else 0
        k = self._segment(i)
        if self._clens[k] == self._olens[k]:
            return self._ostarts[k] + i - self._cstarts[k]
        return self._ostarts[k]

    def orig_end(self, i: int) -> int:
        """Original offset just past what cleaned character `i` came from."""
        k = self._segment(i)
        if self._clens[k] == self._olens[k]:
            return self._ostarts[k] + i - self._cstarts[k] + 1
        return self._ostarts[k] - self._olens[k]

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Original `(start, end)` of cleaned `[start, end)`; end exclusive."""
        if end <= start:
            o = self.orig(start)
            return o, o
        return self.orig(start), self.orig_end(end - 1)

    def segments(self) -> list[tuple[int, int, int, int, bool]]:
        """`(clean_start, orig_start, clean_len, orig_len, one_to_one)` for each segment."""
        return [(c, o, cl, abs(ol), cl == ol) for c, o, cl, ol in
                zip(self._cstarts, self._ostarts, self._clens, self._olens)]

    def __len__(self) -> int:
        return len(self._cstarts)

    def __repr__(self) -> str:
        return f"OffsetMap(length={self.length}, segments={len(self)})"

    def then(self, inner: OffsetMap) -> OffsetMap:
        """This map followed by `inner`: cleaned -> intermediate (self) -> original (inner)."""
        out = OffsetMap()
        for c, n, clen, nlen in zip(self._cstarts, self._ostarts, self._clens, self._olens):
            if clen != nlen:  # a spread stretch maps to the whole original stretch under it
                nlen = -nlen
                o1 = inner.orig(n)
                o2 = inner.orig_end(n + nlen - 1) if nlen else o1
                out.add(o1, clen, o2 - o1, spread=True)
                continue
            a, stop = n, n + nlen
            k = inner._segment(a)
            while a < stop:
                ic, io, icl, iol = inner._cstarts[k], inner._ostarts[k], inner._clens[k], inner._olens[k]
                b = min(stop, ic + icl)
                if icl == iol:
                    out.add(io + a - ic, b - a, b - a)
                else:
                    out.add(io, b - a, -iol, spread=True)
                a = b
                k += 1
        return out


class MapBuilder:
    """Builds a cleaned string out of pieces of `source`, recording where each piece came from."""

    __slots__ = ("source", "parts", "map")

    def __init__(self, source: str) -> None:
        self.source = source
        self.parts: list[str] = []
        self.map = OffsetMap()

    def copy(self, start: int, end: int) -> None:
        """Keep `source[start:end]` unchanged."""
        if end > start:
            self.parts.append(self.source[start:end])
            self.map.add(start, end - start, end - start)

    def replace(self, start: int, end: int, text: str) -> None:
        """Put `text` in place of `source[start:end]` ("" deletes it).

        One character for one character maps one-to-one; anything else is spread over the
        whole of `source[start:end]`.
        """
        if not text:
            return
        n = end - start
        if len(text) == n and self.source.startswith(text, start):
            self.copy(start, end)
            return
        self.parts.append(text)
        self.map.add(start, len(text), n, spread=n != 1 or len(text) != 1)

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self.parts), self.map
