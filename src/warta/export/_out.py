"""Where an exporter writes: a path (created with its folder) or an open text stream."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO


def write_lines(lines: Iterable[str], out: str | os.PathLike | TextIO) -> int:
    """Write newline-terminated `lines` to a path or a text stream; return how many."""

    def _write(fh: TextIO) -> int:
        n = 0
        for line in lines:
            fh.write(line)
            fh.write("\n")
            n += 1
        return n

    if isinstance(out, (str, os.PathLike)):
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as fh:
            return _write(fh)
    if hasattr(out, "write"):
        return _write(out)
    raise TypeError(f"cannot write to {out!r}: give a path or a text stream")
