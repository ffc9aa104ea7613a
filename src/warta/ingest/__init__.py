"""Ingest stage: files, folders and stdin in (text, HTML, JSONL[.gz]), `Article`s out.

    for record in read_inputs(["news/", "dump.jsonl.gz", "-"], default_date="2023-10-12"):
        ...  # an Article, or an ErrorRow(stage="ingest") for an input that could not be read
"""

from .errors import IngestError
from .reader import read_file, read_inputs

__all__ = ["read_inputs", "read_file", "IngestError"]
