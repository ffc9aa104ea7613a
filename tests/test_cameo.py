"""The CAMEO table (`warta/data/cameo.tsv`) against the reference files, and the `warta.cameo` API.

The reference files are read from copies in `tests/data/reference/`, so these tests run without the
shared folder; when `../shared/reference` is there, the copies are checked against it too.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from warta import cameo

REPO = Path(__file__).resolve().parents[1]
REF = Path(__file__).resolve().parent / "data" / "reference"
SHARED_REF = REPO.parent / "shared" / "reference"
GOLDSTEIN = "cameo-goldstein.tsv"
PLOVER = "CAMEO2PLOVER-2021.txt"


# --- an independent reading of the reference files --------------------------------------------


def _goldstein(ref: Path) -> dict[str, float]:
    out = {}
    lines = (ref / GOLDSTEIN).read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t")[0] == "CAMEOEVENTCODE"
    for line in lines[1:]:
        if line.strip():
            code, value = line.split("\t")[:2]
            out[code.strip()] = float(value)
    return out


def _plover(ref: Path) -> dict[str, tuple[str, str, str]]:
    """code -> (type, mode, context); the first line of a code listed twice wins."""
    out: dict[str, tuple[str, str, str]] = {}
    for line in (ref / PLOVER).read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):(.*)$", line.strip())
        if not m:
            continue
        body = m.group(2).split("#")[0]
        parts = [" ".join(p.split()) for p in body.split(",", 2)] + ["", ""]
        out.setdefault(m.group(1), (parts[0], parts[1], parts[2]))
    return out


@pytest.fixture(scope="module")
def gold() -> dict[str, float]:
    return _goldstein(REF)


@pytest.fixture(scope="module")
def plover() -> dict[str, tuple[str, str, str]]:
    return _plover(REF)


def _expected_quad(root: str) -> int:
    n = int(root)
    return 1 if n <= 5 else 2 if n <= 9 else 3 if n <= 14 else 4


# --- the table agrees with the references -------------------------------------------------------


def test_every_reference_code_is_in_the_table(gold, plover):
    codes = set(cameo.all_codes())
    assert set(gold) <= codes
    assert set(plover) <= codes
    assert {f"{i:02d}" for i in range(1, 21)} <= codes
    assert codes == set(gold) | set(plover) | {f"{i:02d}" for i in range(1, 21)}
    assert len(codes) == 313


def test_goldstein_values_equal(gold):
    for code, value in gold.items():
        entry = cameo.lookup(code)
        assert entry.goldstein == value, code
        assert entry.goldstein_from == code


def test_missing_goldstein_taken_from_parent(gold):
    for code in cameo.all_codes():
        if code in gold:
            continue
        entry = cameo.lookup(code)
        assert entry.goldstein_from == cameo.parent(code) or code.startswith(entry.goldstein_from)
        assert entry.goldstein == gold[entry.goldstein_from]
    assert cameo.lookup("1213").goldstein_from == "121"
    assert cameo.lookup("1214").goldstein == -4.0


def test_plover_types_modes_contexts_equal(plover):
    for code, (ptype, mode, context) in plover.items():
        entry = cameo.lookup(code)
        assert entry.plover == ptype, code
        assert entry.plover_mode == mode, code
        assert entry.plover_context == context, code


def test_codes_without_plover_line_have_empty_plover(plover):
    for code in cameo.all_codes():
        if code not in plover:
            assert cameo.lookup(code).plover == ""
            assert code[:2] in ("01", "02")


def test_quad_class_by_root():
    for code in cameo.all_codes():
        entry = cameo.lookup(code)
        assert entry.quad_class == _expected_quad(code[:2]), code
    assert cameo.lookup("041").quad_class == 1
    assert cameo.lookup("073").quad_class == 2
    assert cameo.lookup("111").quad_class == 3
    assert cameo.lookup("190").quad_class == 4


def test_leading_zeros_kept():
    codes = cameo.all_codes()
    assert all(isinstance(c, str) and re.fullmatch(r"\d{2,4}", c) for c in codes)
    for code in ("01", "010", "041", "0256", "0871", "190", "1831", "2042"):
        assert code in codes
        assert cameo.lookup(code).code == code
        assert cameo.lookup(code).root == code[:2]
    assert "41" not in codes and "256" not in codes


def test_every_code_has_a_name():
    for code in cameo.all_codes():
        assert cameo.lookup(code).name, code
    assert cameo.lookup("041").name == "Discuss by telephone"
    assert cameo.lookup("0813").name == "Ease curfew"  # editor's dated note cut off
    assert cameo.lookup("0256").name.startswith("Appeal for de-escalation")
    assert cameo.lookup("19").name == "Fight"


def test_data_file_matches_a_fresh_build(tmp_path):
    script = REPO / "scripts" / "build_cameo_table.py"
    spec = importlib.util.spec_from_file_location("_warta_build_cameo_table", script)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses need the module registered
    try:
        spec.loader.exec_module(mod)
    finally:
        sys.modules.pop(spec.name, None)
    out = tmp_path / "cameo.tsv"
    assert mod.main([str(REF), "--out", str(out), "--quiet"]) == 0
    committed = REPO / "src" / "warta" / "data" / "cameo.tsv"
    assert out.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8")


@pytest.mark.skipif(not SHARED_REF.is_dir(), reason="shared reference folder not present")
def test_reference_copies_match_shared():
    for name in (GOLDSTEIN, PLOVER):
        assert (REF / name).read_bytes() == (SHARED_REF / name).read_bytes(), name


# --- API ------------------------------------------------------------------------------------


def test_lookup_fields():
    e = cameo.lookup("041")
    assert isinstance(e, cameo.CameoCode)
    assert (e.code, e.root, e.goldstein, e.quad_class, e.plover, e.plover_mode) == (
        "041", "04", 1.0, 1, "CONSULT", "phone"
    )
    e = cameo.lookup("0871")
    assert (e.plover, e.plover_mode, e.plover_context) == ("RETREAT", "ceasefire", "military")
    assert cameo.lookup("091").plover_context == "crime; corruption"
    assert cameo.lookup("08").plover == "CONCEDE"  # listed twice (CONCEDE, RETREAT): first wins


def test_lookup_unknown_raises_with_hint():
    with pytest.raises(KeyError, match="0257"):
        cameo.lookup("0257")
    with pytest.raises(KeyError, match="'025'"):
        cameo.lookup("0257")  # the message names the nearest known code, but does not guess
    with pytest.raises(KeyError, match="unknown CAMEO code"):
        cameo.lookup("999")
    with pytest.raises(TypeError):
        cameo.lookup(41)  # type: ignore[arg-type]


def test_nearest_walks_up():
    assert cameo.nearest("0257").code == "025"
    assert cameo.nearest("0411").code == "041"
    assert cameo.nearest("047").code == "04"
    assert cameo.nearest("041").code == "041"
    with pytest.raises(KeyError):
        cameo.nearest("2199")


def test_is_valid_all_codes_root_of():
    assert cameo.is_valid("0256") and cameo.is_valid("20")
    assert not cameo.is_valid("256") and not cameo.is_valid("0257") and not cameo.is_valid(41)
    codes = cameo.all_codes()
    assert codes == sorted(codes) and codes[0] == "01" and codes[-1] == "2042"
    assert isinstance(codes, list)
    assert cameo.root_of("0256") == "02"
    assert cameo.root_of("1831") == "18"
    assert cameo.root_of("0257") == "02"
    with pytest.raises(KeyError):
        cameo.root_of("2101")
    with pytest.raises(ValueError):
        cameo.root_of("4a")
