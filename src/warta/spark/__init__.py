"""Spark engine: the same pipeline on Apache Spark, writing Parquet tables shaped like the store.

    warta spark news.jsonl.gz dump.parquet --out tables/     # then: warta summary --db tables/

Only the DataFrame API is used (reads, joins, `mapInArrow`), never the RDD API, so it runs on a
local session, a cluster, or Spark Connect (`--remote sc://host`). PySpark is the optional extra
`warta[spark]`; executors need warta installed.
"""

from .job import run_spark

__all__ = ["run_spark"]
