"""Ingest stage: files, folders, URLs and stdin in (text, HTML, JSONL[.gz], WARC[.gz], RSS/Atom,
*.urls lists), `Article`s out.

    for record in read_inputs(["news/", "dump.jsonl.gz", "crawl.warc.gz", "https://x.id/a", "-"]):
        ...  # an Article, or an ErrorRow(stage="ingest") for an input that could not be read
"""

from .errors import IngestError
from .reader import read_file, read_inputs

__all__ = ["read_inputs", "read_file", "IngestError"]
