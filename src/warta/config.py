"""One configuration: packaged defaults (data/config.toml) + the user's warta.toml + options."""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path

from .resources import data_path


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


@lru_cache(maxsize=8)
def load_config(path: str | None = None) -> dict:
    """Defaults, overridden by `path`, else $WARTA_CONFIG, else ./warta.toml when present."""
    cfg = tomllib.loads(data_path("config.toml").read_text(encoding="utf-8"))
    user = path or os.environ.get("WARTA_CONFIG") or ("warta.toml" if Path("warta.toml").exists() else None)
    if user:
        p = Path(user)
        if not p.exists():
            raise FileNotFoundError(f"no config file at {p}")
        try:
            cfg = _merge(cfg, tomllib.loads(p.read_text(encoding="utf-8")))
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"{p}: not valid TOML: {exc}") from None
    return cfg
