#!/usr/bin/env python3
"""Build `src/warta/data/cameo.tsv`, warta's CAMEO event-code table, from the two reference files.

    python scripts/build_cameo_table.py [REFERENCE_DIR] [--out PATH]

REFERENCE_DIR holds `cameo-goldstein.tsv` and `CAMEO2PLOVER-2021.txt` (default:
`../shared/reference` relative to the repository root). Columns written:

    code            CAMEO code, a string with its leading zeros ("01", "010", "0256", "190")
    name            English name: the comment in CAMEO2PLOVER, else the CAMEO 1.1b3 codebook name
    root            first two digits
    goldstein       Goldstein score; a code the Goldstein table lacks takes its parent's value
    goldstein_from  the code the score was taken from (the code itself, or the parent it came from)
    quad_class      GDELT QuadClass by root: 1 = 01-05, 2 = 06-09, 3 = 10-14, 4 = 15-20
    plover          PLOVER event type (CONSULT, ASSAULT, ...); empty where the table has none
    plover_mode     PLOVER mode; empty when none
    plover_context  PLOVER context (several joined by "; " as in the source); empty when none

Quirks of the 2021 conversion table, handled here and reported on stderr:
- roots 01 and 02 (and every code under them) have no PLOVER line: plover/mode/context stay empty;
- a code listed twice (root 08: CONCEDE then RETREAT; 175 twice): the first line wins;
- root lines ("04: CONSULT") and 100 ("# REQUEST") carry no real name: the codebook name is used;
- notes inside comments ("Ease curfew  21.09.17: ...") are cut from the name;
- codes filed under another root's heading (163 COERCE under 16, 191/192 under 17, 175/201 under 18)
  keep their own root (the first two digits), which is what matters for the CAMEO hierarchy.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REFERENCE = REPO_ROOT.parent / "shared" / "reference"
DEFAULT_OUT = REPO_ROOT / "src" / "warta" / "data" / "cameo.tsv"

GOLDSTEIN_FILE = "cameo-goldstein.tsv"
PLOVER_FILE = "CAMEO2PLOVER-2021.txt"

COLUMNS = (
    "code",
    "name",
    "root",
    "goldstein",
    "goldstein_from",
    "quad_class",
    "plover",
    "plover_mode",
    "plover_context",
)

# Names from the CAMEO codebook (1.1b3) for the codes whose CAMEO2PLOVER line has no usable comment:
# the roots, the 01 (statement) and 02 (appeal) families, which the conversion table omits, and 100.
CODEBOOK_NAMES: dict[str, str] = {
    "01": "Make public statement",
    "010": "Make statement, not specified below",
    "011": "Decline comment",
    "012": "Make pessimistic comment",
    "013": "Make optimistic comment",
    "014": "Consider policy option",
    "015": "Acknowledge or claim responsibility",
    "016": "Deny responsibility",
    "017": "Engage in symbolic act",
    "018": "Make empathetic comment",
    "019": "Express accord",
    "02": "Appeal",
    "020": "Make an appeal or request, not specified below",
    "021": "Appeal for material cooperation, not specified below",
    "0211": "Appeal for economic cooperation",
    "0212": "Appeal for military cooperation",
    "0213": "Appeal for judicial cooperation",
    "0214": "Appeal for intelligence",
    "022": "Appeal for diplomatic cooperation (such as policy support)",
    "023": "Appeal for material aid, not specified below",
    "0231": "Appeal for economic aid",
    "0232": "Appeal for military aid",
    "0233": "Appeal for humanitarian aid",
    "0234": "Appeal for military protection or peacekeeping",
    "024": "Appeal for political reform, not specified below",
    "0241": "Appeal for change in leadership",
    "0242": "Appeal for policy change",
    "0243": "Appeal for rights",
    "0244": "Appeal for change in institutions, regime",
    "025": "Appeal to yield, not specified below",
    "0251": "Appeal for easing of administrative sanctions",
    "0252": "Appeal for easing of popular dissent",
    "0253": "Appeal for release of persons or property",
    "0254": "Appeal for easing of economic sanctions, boycott, or embargo",
    "0255": "Appeal for target to allow international involvement (non-mediation)",
    "0256": "Appeal for de-escalation of military engagement",
    "026": "Appeal to others to meet or negotiate",
    "027": "Appeal to others to settle dispute",
    "028": "Appeal to others to engage in or accept mediation",
    "03": "Express intent to cooperate",
    "04": "Consult",
    "05": "Engage in diplomatic cooperation",
    "06": "Engage in material cooperation",
    "07": "Provide aid",
    "08": "Yield",
    "09": "Investigate",
    "10": "Demand",
    "100": "Demand, not specified below",
    "11": "Disapprove",
    "12": "Reject",
    "13": "Threaten",
    "14": "Protest",
    "15": "Exhibit force posture",
    "16": "Reduce relations",
    "17": "Coerce",
    "18": "Assault",
    "19": "Fight",
    "20": "Use unconventional mass violence",
}

ROOTS = tuple(f"{i:02d}" for i in range(1, 21))
_CODE_RE = re.compile(r"^\d{2,4}$")
_PLOVER_LINE = re.compile(r"^(\d{2,4})\s*:\s*(.*)$")
_DATED_NOTE = re.compile(r"\s+\d{1,2}\.\d{1,2}\.\d{2,4}\s*:.*$")  # "  21.09.17: ..." editor's notes


def quad_class(root: str) -> int:
    """GDELT QuadClass of a CAMEO root code."""
    n = int(root)
    if not 1 <= n <= 20:
        raise ValueError(f"not a CAMEO root: {root!r}")
    return 1 if n <= 5 else 2 if n <= 9 else 3 if n <= 14 else 4


def parent(code: str) -> str | None:
    """The code one level up: 0256 -> 025, 025 -> 02, 02 -> None."""
    if len(code) == 4:
        return code[:3]
    if len(code) == 3:
        return code[:2]
    return None


def _clean(value: str) -> str:
    return " ".join(value.split())


@dataclass
class PloverEntry:
    code: str
    plover: str
    mode: str
    context: str
    comment: str
    line: int


def read_goldstein(path: Path) -> dict[str, float]:
    """CAMEO code -> Goldstein score, codes as strings."""
    out: dict[str, float] = {}
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells[0].upper().startswith("CAMEO"):  # header
            continue
        if len(cells) < 2 or not _CODE_RE.match(cells[0].strip()):
            raise ValueError(f"{path}:{n}: cannot read {raw!r}")
        code = cells[0].strip()
        if code in out:
            raise ValueError(f"{path}:{n}: code {code} listed twice")
        out[code] = float(cells[1])
    return out


def read_plover(path: Path) -> tuple[dict[str, PloverEntry], list[str]]:
    """CAMEO code -> PLOVER entry (first line wins), and notes on what was odd."""
    out: dict[str, PloverEntry] = {}
    notes: list[str] = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = _PLOVER_LINE.match(line)
        if not m:
            notes.append(f"line {n}: ignored {raw!r}")
            continue
        code, rest = m.groups()
        body, _, comment = rest.partition("#")
        parts = [_clean(p) for p in body.split(",", 2)] + ["", ""]
        entry = PloverEntry(code, parts[0].upper(), parts[1], parts[2], _clean(comment), n)
        if code in out:
            first = out[code]
            notes.append(
                f"line {n}: {code} listed again ({entry.plover} {entry.comment!r}); "
                f"kept line {first.line} ({first.plover} {first.comment!r})"
            )
            continue
        out[code] = entry
    return out, notes


def _name(code: str, entry: PloverEntry | None) -> str:
    if entry is not None and entry.comment:
        name = _DATED_NOTE.sub("", entry.comment).strip()
        if name and name != entry.plover:  # "100: REQUEST, , # REQUEST" is no name
            return name
    return CODEBOOK_NAMES.get(code, "")


def build_rows(reference: Path) -> tuple[list[dict[str, str]], list[str]]:
    goldstein = read_goldstein(reference / GOLDSTEIN_FILE)
    plover, notes = read_plover(reference / PLOVER_FILE)
    codes = sorted(set(goldstein) | set(plover) | set(ROOTS))
    rows = []
    for code in codes:
        root = code[:2]
        src: str | None = code
        while src is not None and src not in goldstein:
            src = parent(src)
        if src is None:
            raise ValueError(f"no Goldstein score for {code} or any parent")
        if src != code:
            notes.append(f"{code}: not in the Goldstein table, score of {src} used")
        entry = plover.get(code)
        name = _name(code, entry)
        if not name:
            notes.append(f"{code}: no name")
        rows.append(
            {
                "code": code,
                "name": name,
                "root": root,
                "goldstein": repr(goldstein[src]),
                "goldstein_from": src,
                "quad_class": str(quad_class(root)),
                "plover": entry.plover if entry else "",
                "plover_mode": entry.mode if entry else "",
                "plover_context": entry.context if entry else "",
            }
        )
    missing = [c for c in codes if c not in plover]
    if missing:
        notes.append(f"{len(missing)} codes have no PLOVER line: {' '.join(missing)}")
    return rows, notes


def write_rows(rows: list[dict[str, str]], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = ["\t".join(COLUMNS)]
    for row in rows:
        cells = [row[c] for c in COLUMNS]
        if any("\t" in c or "\n" in c for c in cells):
            raise ValueError(f"tab or newline in {row}")
        lines.append("\t".join(cells))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reference", nargs="?", type=Path, default=DEFAULT_REFERENCE)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("-q", "--quiet", action="store_true", help="do not print the notes")
    args = ap.parse_args(argv)
    rows, notes = build_rows(args.reference)
    write_rows(rows, args.out)
    if not args.quiet:
        for note in notes:
            print("note:", note, file=sys.stderr)
    print(f"wrote {len(rows)} codes to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
