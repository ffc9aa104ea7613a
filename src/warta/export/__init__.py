"""Writing coded events out: GDELT 2.0 Event rows, PLOVER JSON Lines, Parquet / CSV tables."""

from warta.export.gdelt import GDELT_COLUMNS, gdelt_row, write_gdelt
from warta.export.plover import plover_record, write_plover
from warta.export.tabular import write_table

__all__ = [
    "GDELT_COLUMNS",
    "gdelt_row",
    "plover_record",
    "write_gdelt",
    "write_plover",
    "write_table",
]
