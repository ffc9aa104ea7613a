"""Where events happened: an offline gazetteer, place mentions, and each event's location.

    code (events per sentence) -> geo (mentions per sentence, resolved with the article's countries,
    then one location per event) -> store / export (ActionGeo_* in GDELT)
"""

from .gazetteer import Gazetteer, Place, get_gazetteer
from .locate import EventSpans, actor_country, dominant_place, locate
from .mentions import Mention, Paragraph, context_countries, find, resolve

__all__ = ["EventSpans", "actor_country", "Gazetteer", "Mention", "Paragraph", "Place", "context_countries", "dominant_place", "find",
           "get_gazetteer", "locate", "resolve"]
