"""Access to the data files shipped inside the package (`warta/data/...`)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

# libyaml's parser when PyYAML was built with it: the same values as yaml.safe_load (checked on
# every shipped file), about 4x faster, which is a second of every worker's start-up.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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


def load_yaml(text: str) -> Any:
    """`yaml.safe_load(text)`, with the C parser where available; raises yaml.YAMLError."""
    return yaml.load(text, Loader=_SAFE_LOADER)
