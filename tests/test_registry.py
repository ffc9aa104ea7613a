"""The registries hold what they should (a golden list), and a wrong name says what exists."""

import pytest

import warta.annotate.morph  # noqa: F401  (registers morphologies)
import warta.engine  # noqa: F401  (registers engines)
import warta.export  # noqa: F401  (registers exporters)
from warta.registry import engines, exporters, morphologies


def test_registered_components():
    assert engines.names() == ["local"]
    assert exporters.names() == ["csv", "gdelt", "jsonl", "parquet", "plover"]
    assert morphologies.names() == ["en", "id", "none"]


def test_unknown_name_lists_the_available_ones():
    with pytest.raises(ValueError, match="available: local"):
        engines.get("spark-on-the-moon")
