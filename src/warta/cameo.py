"""CAMEO event codes: names, Goldstein scores, QuadClass and PLOVER types.

The table is `warta/data/cameo.tsv`, built from the reference files by
`scripts/build_cameo_table.py`. Codes are always strings with their leading zeros: "041", "0256".

    >>> lookup("0256").goldstein
    -0.3
    >>> lookup("190").plover
    'ASSAULT'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["CameoCode", "lookup", "is_valid", "all_codes", "root_of", "nearest", "parent"]

_CODE_RE = re.compile(r"^\d{2,4}$")


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    root: str
    goldstein: float
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    plover: str  # PLOVER event type, "" where the conversion table has none (roots 01, 02)
    plover_mode: str
    plover_context: str
    goldstein_from: str = ""  # the code the Goldstein score comes from (itself, or a parent)


@lru_cache(maxsize=1)
def _table() -> dict[str, CameoCode]:
    text = resources.files("warta").joinpath("data", "cameo.tsv").read_text(encoding="utf-8")
    lines = text.splitlines()
    header = lines[0].split("\t")
    out: dict[str, CameoCode] = {}
    for line in lines[1:]:
        if not line.strip():
            continue
        row = dict(zip(header, line.split("\t")))
        out[row["code"]] = CameoCode(
            code=row["code"],
            name=row["name"],
            root=row["root"],
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            plover=row.get("plover", ""),
            plover_mode=row.get("plover_mode", ""),
            plover_context=row.get("plover_context", ""),
            goldstein_from=row.get("goldstein_from", row["code"]),
        )
    return out


def _check(code: object) -> str:
    if not isinstance(code, str):
        raise TypeError(
            "CAMEO codes are strings with their leading zeros (\"041\"), "
            f"got {type(code).__name__} {code!r}"
        )
    return code.strip()


def parent(code: str) -> str | None:
    """The code one level up: "0256" -> "025", "025" -> "02", "02" -> None."""
    code = _check(code)
    return code[:-1] if len(code) in (3, 4) else None


def lookup(code: str) -> CameoCode:
    """The entry for a CAMEO code. Unknown codes raise KeyError (no guessing: see `nearest`)."""
    c = _check(code)
    try:
        return _table()[c]
    except KeyError:
        pass
    hint = ""
    if _CODE_RE.match(c):
        near = _nearest_code(c)
        if near is not None:
            hint = f"; nearest known code up the hierarchy is {near!r} (see warta.cameo.nearest)"
    else:
        hint = "; a CAMEO code is 2 to 4 digits as a string, e.g. '041' or '0256'"
    raise KeyError(f"unknown CAMEO code {c!r}{hint}")


def is_valid(code: object) -> bool:
    """True when `code` is a string naming a code in the table."""
    return isinstance(code, str) and code.strip() in _table()


def all_codes() -> list[str]:
    """Every code in the table, sorted (roots, then their children): "01", "010", ..., "2042"."""
    return sorted(_table())


def root_of(code: str) -> str:
    """The root (first two digits) of a well-formed code whose root exists: "0256" -> "02"."""
    c = _check(code)
    if not _CODE_RE.match(c):
        raise ValueError(f"not a CAMEO code: {c!r} (expected 2 to 4 digits as a string)")
    root = c[:2]
    if root not in _table():
        raise KeyError(f"unknown CAMEO root {root!r} in {c!r} (roots are 01 to 20)")
    return root


def _nearest_code(c: str) -> str | None:
    table = _table()
    while c:
        if c in table:
            return c
        c = c[:-1] if len(c) > 2 else ""
    return None


def nearest(code: str) -> CameoCode:
    """The entry for `code`, or for its closest known ancestor ("0257" -> "025")."""
    c = _check(code)
    if not _CODE_RE.match(c):
        raise ValueError(f"not a CAMEO code: {c!r} (expected 2 to 4 digits as a string)")
    near = _nearest_code(c)
    if near is None:
        raise KeyError(f"no known CAMEO code at or above {c!r}")
    return _table()[near]
