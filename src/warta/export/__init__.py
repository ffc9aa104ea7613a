"""Writing coded events out: GDELT 2.0 Event rows, PLOVER JSON Lines, Parquet / CSV tables."""

from warta.export.gdelt import GDELT_COLUMNS, gdelt_row, write_gdelt
from warta.export.plover import plover_record, write_plover
from warta.export.tabular import write_table
from warta.registry import exporters

from ._out import write_lines


def write_jsonl(events, out) -> int:
    """Every field of every event, one JSON object a line."""
    import json

    return write_lines((json.dumps(e.to_dict(), ensure_ascii=False) for e in events), out)


# Every exporter takes (events, out, urls, mentions=None); `out` is a path or a text stream where the
# format allows; `mentions` maps article ids to (NumMentions, NumSources, NumArticles).
exporters.register("gdelt", lambda events, out, urls=None, mentions=None: write_gdelt(events, out, urls=urls,
                                                                                     mentions=mentions))
exporters.register("plover", lambda events, out, urls=None, mentions=None: write_plover(events, out))
exporters.register("jsonl", lambda events, out, urls=None, mentions=None: write_jsonl(events, out))
exporters.register("parquet", lambda events, out, urls=None, mentions=None: write_table(events, out, "parquet"))
exporters.register("csv", lambda events, out, urls=None, mentions=None: write_table(events, out, "csv"))

__all__ = [
    "GDELT_COLUMNS",
    "gdelt_row",
    "plover_record",
    "write_gdelt",
    "write_jsonl",
    "write_plover",
    "write_table",
]
