"""`clean`: Unicode clean-up, then line-level clean-up, composing the two offset maps."""

from __future__ import annotations

from collections.abc import Iterable

from ..records import Article
from .boilerplate import Boilerplate, resolve_patterns
from .layout import collapse_spaces, lay_out
from .model import CleanText
from .normalize import normalise, normalise_text
from .offsets import MapBuilder


def clean(
    article: Article,
    lang: str | None = None,
    patterns: Boilerplate | Iterable[str] | None = None,
) -> CleanText:
    """Clean one article. `lang` defaults to `article.lang`; unknown -> both id and en patterns.

    `patterns` replaces the language's boilerplate patterns (a Boilerplate from `load_boilerplate`
    or pattern lines in the data-file syntax). The result may have empty text (all furniture).
    """
    boilerplate = resolve_patterns(patterns, lang or article.lang)
    title = collapse_spaces(normalise_text(article.title or ""))
    normal, unicode_map = normalise(article.text or "")
    out = MapBuilder(normal)
    title_line = lay_out(normal, title, boilerplate, out)
    text, offsets = out.build()
    if unicode_map is not None:  # only texts that needed Unicode clean-up pay for composing maps
        offsets = offsets.then(unicode_map)
    return CleanText(text=text, title=title, offsets=offsets, title_line=title_line)
