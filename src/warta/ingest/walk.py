"""Folders expanded into the files to read: recursive, sorted, known extensions only."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .sniff import format_by_name


def iter_folder(folder: Path) -> Iterator[Path]:
    """Files under `folder` with a known extension, depth first in sorted name order."""
    seen: set[str] = set()
    yield from _walk(folder, seen)


def _walk(folder: Path, seen: set[str]) -> Iterator[Path]:
    real = os.path.realpath(folder)
    if real in seen:  # a symlink back up the tree would otherwise loop for ever
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):  # hidden files and folders (.git, editor swap files) are never input
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            continue
        if is_dir:
            yield from _walk(path, seen)
        elif format_by_name(path) is not None:  # other files (images, PDFs) in a folder are not articles
            yield path
