"""Shared fixtures. Tests never reach ../shared: what they need is copied under tests/data."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
SAMPLE = ROOT / "examples" / "putin-erdogan-call.txt"
GOLD = DATA / "gold"


@pytest.fixture(scope="session")
def resources():
    from warta.pipeline import Resources

    return Resources()


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE
