"""Clean stage: `Article` in, `CleanText` out (normalised text without page furniture).

    ct = clean(article)                 # lang from article.lang; unknown -> id + en patterns
    ostart, oend = ct.orig_span(s, e)   # offsets in article.text for cleaned text[s:e]
"""

from .boilerplate import Boilerplate, load_boilerplate
from .cleaner import clean
from .model import CleanText
from .offsets import OffsetMap

__all__ = ["clean", "CleanText", "load_boilerplate", "Boilerplate", "OffsetMap"]
