"""The ingest stage's error type and the ErrorRow it turns into."""

from __future__ import annotations

from ..records import ErrorRow

STAGE = "ingest"


class IngestError(Exception):
    """A whole input (file, page, line) that cannot become an Article; `reason` is user-facing."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def path_id(origin: str) -> str:
    """Id for an error row when there is no article id: the origin itself, so it is readable."""
    return "path:" + origin


def error_row(origin: str, reason: str, article_id: str | None = None) -> ErrorRow:
    """An ingest ErrorRow; falls back to a path-based id."""
    return ErrorRow(article_id=article_id or path_id(origin), stage=STAGE, reason=reason, origin=origin)
