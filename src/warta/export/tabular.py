"""Events (or plain dict rows) as a Parquet or CSV table. Codes stay strings ("0256", not 256).

Reading a CSV back with a type-inferring reader (pyarrow.csv, pandas) turns "0256" into 256 unless
the code columns are declared strings; `STRING_COLUMNS` names the ones warta writes.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Mapping
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING

from warta.records import EVENT_FIELDS, Event

# Columns that hold codes: always strings, whatever a reader would guess.
STRING_COLUMNS = frozenset(
    {"code", "root", "cameo", "source", "target", "actor1", "actor2", "plover", "event_type",
     "EventCode", "EventBaseCode", "EventRootCode"}
)

if TYPE_CHECKING:
    import pyarrow as pa

# pyarrow is imported where a table is written, not at import: worker processes load this
# package but never write tables, and pyarrow costs each of them ~50 MB of resident memory.
_ARROW_TYPES = {"str": "string", "str | None": "string", "int": "int64", "int | None": "int64",
                "float": "float64", "float | None": "float64", "bool": "bool_"}


def _event_schema() -> pa.Schema:
    import pyarrow as pa

    return pa.schema(
        [pa.field(f.name, getattr(pa, _ARROW_TYPES.get(str(f.type), "string"))()) for f in fields(Event)]
    )


def _rows(events: Iterable[Event | Mapping]) -> tuple[list[dict], list[str], bool]:
    rows: list[dict] = []
    columns: list[str] = []
    seen: set[str] = set()
    all_events = True
    for item in events:
        if isinstance(item, Event):
            row = item.to_dict()
        elif isinstance(item, Mapping):
            row = dict(item)
            all_events = False
        else:
            raise TypeError(f"write_table takes Event objects or dicts, got {type(item).__name__}")
        for key in row:
            if key not in seen:
                seen.add(key)
                columns.append(key)
        rows.append(row)
    if all_events:
        columns = list(EVENT_FIELDS)
    return rows, columns, all_events


def _fmt_of(out: Path, fmt: str | None) -> str:
    if fmt:
        fmt = fmt.lower()
    else:
        suffix = out.suffix.lower()
        fmt = {".parquet": "parquet", ".pq": "parquet", ".csv": "csv"}.get(suffix, "")
        if not fmt:
            raise ValueError(f"cannot tell the format of {out} (give fmt='parquet' or 'csv')")
    if fmt not in ("parquet", "csv"):
        raise ValueError(f"unknown table format {fmt!r} (parquet or csv)")
    return fmt


def _arrow_table(rows: list[dict], columns: list[str], all_events: bool) -> pa.Table:
    import pyarrow as pa

    if all_events:
        schema = _event_schema()
        return pa.Table.from_pylist(rows, schema=schema)
    arrays = []
    for name in columns:
        values = [row.get(name) for row in rows]
        if name in STRING_COLUMNS:
            values = [None if v is None else str(v) for v in values]
            arrays.append(pa.array(values, type=pa.string()))
        else:
            arrays.append(pa.array(values))
    return pa.Table.from_arrays(arrays, names=columns)


def write_table(
    events: Iterable[Event | Mapping], out: str | os.PathLike, fmt: str | None = None
) -> int:
    """Write events (or dict rows) to `out` as Parquet or CSV; `fmt` defaults from the suffix.

    Events give one column per `Event` field, in order; dicts give the union of their keys in the
    order first seen. Returns the number of rows written.
    """
    path = Path(out)
    fmt = _fmt_of(path, fmt)
    rows, columns, all_events = _rows(events)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        pq.write_table(_arrow_table(rows, columns, all_events), path)
    else:
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(columns)
            for row in rows:
                writer.writerow(["" if row.get(c) is None else row.get(c) for c in columns])
    return len(rows)
