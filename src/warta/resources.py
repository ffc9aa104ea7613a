"""Access to the data files shipped inside the package (`warta/data/...`)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path


def data_path(*parts: str) -> Path:
    """Path of a file or folder under `warta/data`."""
    return Path(str(resources.files("warta").joinpath("data", *parts)))


@lru_cache(maxsize=None)
def read_lines(*parts: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a data text file; missing file gives an empty tuple."""
    path = data_path(*parts)
    if not path.exists():
        return ()
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)
