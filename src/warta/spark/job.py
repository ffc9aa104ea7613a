"""The Spark job: read -> parse (mapInArrow) -> near-duplicates (joins) -> code (mapInArrow) -> Parquet.

1. parse: JSONL(.gz) lines (`spark.read.text`), Parquet rows (`spark.read.parquet`) and any other
   file (a path list; warta's own readers open it on the executor) become article rows with
   warta's ids, dates and ingest errors, each with its MinHash signature and LSH band keys and
   its place in the input (file, block, row) so "first seen" means what it means locally.
2. near-duplicates: a self-join on band keys, similarity from the signatures in SQL; an article
   is a copy of its most similar earlier article that has no earlier copy itself (one pass; the
   local engine follows longer chains of copies, which can differ when copies chain below the
   threshold).
3. code: `pipeline.process` per article, `Resources` built once per Python worker; the rows of
   the three tables leave in one Arrow schema (a `_table` column says which) and are written to
   out/articles, out/events, out/errors with the store's column names and types.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import unquote, urlsplit

import pyarrow as pa

from ..dedup.minhash import Signer
from ..pipeline import Resources
from ..records import Article, Duplicate, ErrorRow
from ..store.arrow_tables import SCHEMAS, to_tables

_ARTICLE_FIELDS = ("id", "text", "title", "date", "url", "lang", "origin", "outlet")
PARSED = pa.schema(
    [("fidx", pa.int32()), ("block", pa.int64()), ("row", pa.int64())]
    + [(f, pa.string()) for f in _ARTICLE_FIELDS]
    + [("err_stage", pa.string()), ("err_reason", pa.string()), ("err_kind", pa.string()),
       ("sig", pa.list_(pa.int64())), ("keys", pa.list_(pa.int64()))]
)


def _union_schema() -> pa.Schema:
    """All columns of the three tables (shared names have one type), plus `_table`."""
    fields: dict[str, pa.Field] = {"_table": pa.field("_table", pa.string())}
    for schema in SCHEMAS.values():
        for f in schema:
            if f.name in fields and fields[f.name].type != f.type:
                raise TypeError(f"column {f.name} has two types in the store's tables")
            fields.setdefault(f.name, f)
    return pa.schema(list(fields.values()))


UNION = _union_schema()


def _spark_ddl(schema: pa.Schema) -> str:
    names = {pa.string(): "string", pa.int32(): "int", pa.int64(): "bigint", pa.float64(): "double",
             pa.timestamp("us"): "timestamp_ntz", pa.list_(pa.int64()): "array<bigint>"}
    return ", ".join(f"`{f.name}` {names[f.type]}" for f in schema)


def _local_path(uri: str) -> str:
    """file:///tmp/x.jsonl -> /tmp/x.jsonl; other schemes stay as they are."""
    parts = urlsplit(uri)
    return unquote(parts.path) if parts.scheme == "file" else uri


# -- 1. parse ------------------------------------------------------------------------------------
def _parsed_batch(rows: list[dict], signer: Signer | None) -> pa.RecordBatch:
    for r in rows:
        if signer is not None and r.get("err_reason") is None:
            sig = signer.signature(r["text"])
            r["sig"], r["keys"] = sig.astype("int64").tolist(), signer.band_keys(sig)
    return pa.RecordBatch.from_pylist(rows, schema=PARSED)


def _row(item: Article | ErrorRow, fidx: int, block: int, row: int, lang: str | None,
         default_date: str | None) -> dict:
    base = {"fidx": fidx, "block": block, "row": row}
    if isinstance(item, ErrorRow):
        return base | {"id": item.article_id, "origin": item.origin, "err_stage": item.stage,
                       "err_reason": item.reason, "err_kind": item.kind}
    if lang and not item.lang:
        item.lang = lang
    if default_date and not item.date:
        item.date = default_date
    return base | {f: getattr(item, f) for f in _ARTICLE_FIELDS}


def _jsonl_line(rec: dict, path: str, block: int, n: int) -> Iterator[Article | ErrorRow]:
    """The record of one JSONL line (none for a blank line)."""
    from ..ingest.errors import IngestError
    from ..ingest.jsonl import iter_jsonl

    origin = path if block == 0 else f"{path}@{block}"  # line numbers are known in the first block
    try:
        # the line with its end, as the local reader sees it (ids of bad lines hash it)
        yield from iter_jsonl([rec["value"] + "\n"], origin, first_lineno=n + 1)
    except IngestError:  # a blank line is no record
        return


def _parquet_row(rec: dict, path: str, block: int, n: int) -> Iterator[Article | ErrorRow]:
    """The record of one Parquet row with article columns (id, text, title, date, url, lang, source)."""
    from ..ingest.errors import IngestError, error_row
    from ..ingest.jsonl import _bad_line_id, article_from_object

    where = f"{path}:{n + 1}" if block == 0 else f"{path}@{block}:{n + 1}"
    try:
        yield article_from_object(rec, where)
    except IngestError as exc:
        yield error_row(where, exc.reason, _bad_line_id(rec, str(rec)))


def _parse_located(read_one, files: dict[str, int], lang, default_date, threshold):
    """mapInArrow over rows with `_file` and `_block` columns; `read_one` makes records of a row."""
    def run(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        signer = Signer() if threshold else None
        counters: dict[tuple[str, int], int] = {}  # rows seen per file block: the row's place in it
        for batch in batches:
            out = []
            for rec in batch.to_pylist():
                path, block = _local_path(rec.pop("_file")), rec.pop("_block")
                n = counters.get((path, block), 0)
                counters[(path, block)] = n + 1
                for item in read_one(rec, path, block, n):
                    out.append(_row(item, files.get(path, len(files)), block, n, lang, default_date))
            yield _parsed_batch(out, signer)
    return run


def _parse_files(lang, default_date, threshold):
    """mapInArrow over (path, fidx): text, HTML or any format warta's readers know, read on the executor."""
    def run(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        from ..ingest import read_inputs

        signer = Signer() if threshold else None
        for batch in batches:
            out = []
            for path, fidx in zip(batch.column(0).to_pylist(), batch.column(1).to_pylist()):
                for n, item in enumerate(read_inputs([path])):
                    out.append(_row(item, fidx, 0, n, lang, default_date))
            yield _parsed_batch(out, signer)
    return run


def _expand(inputs: Iterable[str]) -> tuple[list[str], list[str], list[str]]:
    """Local inputs sorted into JSONL, Parquet and other files (folders walked as locally); remote
    URIs (s3://, hdfs://) go by their extension."""
    from ..ingest.sniff import JSONL, format_by_name
    from ..ingest.walk import iter_folder

    jsonl, parquet, other = [], [], []
    for item in inputs:
        s = str(item)
        if "://" not in s and not Path(s).exists():
            raise FileNotFoundError(f"no such file or directory: {s}")
        p = Path(s)
        if "://" not in s and p.is_dir():
            if any(p.glob("*.parquet")):  # a Parquet dataset folder, as Spark writes them
                parquet.append(str(p.resolve()))
                continue
            files = [str(f.resolve()) for f in iter_folder(p)]
        else:
            files = [str(p.resolve()) if "://" not in s else s]
        for f in files:
            if f.endswith(".parquet"):
                parquet.append(f)
            elif format_by_name(f) == JSONL:
                jsonl.append(f)
            else:
                other.append(f)
    return jsonl, parquet, other


def _parsed(spark, inputs, lang, default_date, threshold):
    from pyspark.sql import functions as F

    jsonl, parquet, other = _expand(inputs)
    order = {f: i for i, f in enumerate(jsonl + parquet + other)}
    ddl = _spark_ddl(PARSED)
    frames = []
    if jsonl:
        df = spark.read.text(jsonl).select(
            "value", F.col("_metadata.file_path").alias("_file"), F.col("_metadata.file_block_start").alias("_block"))
        frames.append(df.mapInArrow(_parse_located(_jsonl_line, order, lang, default_date, threshold), ddl))
    if parquet:
        df = spark.read.parquet(*parquet)
        cols = [F.col(c).cast("string").alias(c) for c in ("id", "text", "title", "date", "url", "lang", "source")
                if c in df.columns]
        df = df.select(*cols, F.col("_metadata.file_path").alias("_file"),
                       F.col("_metadata.file_block_start").alias("_block"))
        frames.append(df.mapInArrow(_parse_located(_parquet_row, order, lang, default_date, threshold), ddl))
    if other:
        df = spark.createDataFrame([(f, order[f]) for f in other], "path string, fidx int")
        frames.append(df.mapInArrow(_parse_files(lang, default_date, threshold), ddl))
    if not frames:
        raise FileNotFoundError("no input files found")
    out = frames[0]
    for f in frames[1:]:
        out = out.unionByName(f)
    return out.withColumn("ord", F.struct("fidx", "block", "row"))


# -- 2. near-duplicates ---------------------------------------------------------------------------
def _duplicates(parsed, threshold: float):
    """(id, duplicate_of) for every later copy of a story."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    ok = parsed.where(F.col("err_reason").isNull())
    bands = ok.select("id", "ord", "sig", F.explode("keys").alias("key"))
    a, b = bands.alias("a"), bands.alias("b")
    pairs = (a.join(b, (F.col("a.key") == F.col("b.key")) & (F.col("a.ord") < F.col("b.ord"))
                    & (F.col("a.id") != F.col("b.id")))
             .select(F.col("a.id").alias("earlier"), F.col("a.ord").alias("eord"), F.col("b.id").alias("later"),
                     F.col("a.sig").alias("asig"), F.col("b.sig").alias("bsig"))
             .dropDuplicates(["earlier", "later"]))
    same = F.aggregate(F.zip_with("asig", "bsig", lambda x, y: F.when(x == y, 1).otherwise(0)), F.lit(0),
                       lambda acc, v: acc + v)
    verified = pairs.withColumn("sim", same / F.size("asig")).where(F.col("sim") >= threshold)
    copies = verified.select(F.col("later").alias("earlier")).distinct()
    originals = verified.join(copies, "earlier", "left_anti")
    best = Window.partitionBy("later").orderBy(F.col("sim").desc(), F.col("eord"))
    return (originals.withColumn("n", F.row_number().over(best)).where("n = 1")
            .select(F.col("later").alias("id"), F.col("earlier").alias("duplicate_of")))


# -- 3. code --------------------------------------------------------------------------------------
_worker: dict[bytes, Resources] = {}


def _code(resources: Resources):
    import pickle

    key = pickle.dumps(resources)

    def run(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        from warta.pipeline import process
        from warta.spark import job  # the module itself, not this closure's pickled copy of its globals

        if key not in job._worker:  # once per Python worker: Spark reuses workers across tasks
            job._worker[key] = pickle.loads(key)
        res = job._worker[key]
        for batch in batches:
            items = []
            for r in batch.to_pylist():
                if r["err_reason"] is not None:
                    items.append(ErrorRow(r["id"], r["err_stage"], r["err_reason"], r["origin"] or "", r["err_kind"]))
                    continue
                art = Article(**{f: r[f] if r[f] is not None or f in ("date", "lang") else ""
                                 for f in _ARTICLE_FIELDS})
                items.append(Duplicate(art, r["duplicate_of"], 0.0) if r["duplicate_of"] else process(art, res))
            arts, evs, errs, _ = to_tables(items)
            for name, tbl in (("articles", arts), ("events", evs), ("errors", errs)):
                if len(tbl):
                    cols = {f.name: tbl.column(f.name) if f.name in tbl.column_names else pa.nulls(len(tbl), f.type)
                            for f in UNION if f.name != "_table"}
                    cols["_table"] = pa.array([name] * len(tbl), pa.string())
                    yield from pa.table(cols, schema=UNION).to_batches()
    return run


def session(master: str | None = None, remote: str | None = None):
    """The active SparkSession, else a new one: Spark Connect with `remote`, else `master` (local[*])."""
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None and not (master or remote):
        return active
    # Executors run this interpreter, with warta; also those of a Spark Connect server started
    # here ("local[2]" as `remote`). A remote cluster's executors need warta installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    # Spark's 200 shuffle partitions would each rebuild nothing but cost a task; a few per core do
    partitions = str(2 * (os.cpu_count() or 1))
    if remote:
        return (SparkSession.builder.remote(remote).appName("warta")
                # taken by a local server started here ("local[2]"); a running server keeps its own
                .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", partitions).getOrCreate())
    spark = (SparkSession.builder.master(master or "local[*]").appName("warta")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.session.timeZone", "UTC")
             .config("spark.sql.shuffle.partitions", partitions)
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run_spark(inputs: Iterable[str], out: str | Path, *, spark=None, resources: Resources | None = None,
              lang: str | None = None, dedup_threshold: float = 0.8, master: str | None = None,
              remote: str | None = None) -> str:
    """Code `inputs` on Spark into Parquet tables out/articles, out/events, out/errors; returns `out`."""
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    if not 0.0 <= dedup_threshold <= 1.0:
        raise ValueError(f"dedup threshold {dedup_threshold} must be between 0 (off) and 1")
    resources = resources or Resources()
    spark = spark or session(master, remote)
    parsed = _parsed(spark, list(inputs), lang, resources.default_date, dedup_threshold)
    # The same id twice in the input: the first one counts, as in the local store.
    first = Window.partitionBy("id").orderBy("ord")
    parsed = parsed.withColumn("_n", F.row_number().over(first)).where("_n = 1").drop("_n")
    parsed = parsed.persist(StorageLevel.MEMORY_AND_DISK)
    if dedup_threshold:
        parsed = parsed.join(_duplicates(parsed, dedup_threshold), "id", "left")
    else:
        parsed = parsed.withColumn("duplicate_of", F.lit(None).cast("string"))
    # Small Arrow batches: an article takes milliseconds to code, so a batch of Spark's default 10,000
    # would hold a Python worker's memory and the task's progress for minutes.
    spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", "256")
    coded = parsed.drop("sig", "keys", "ord").mapInArrow(_code(resources), _spark_ddl(UNION))
    coded = coded.persist(StorageLevel.MEMORY_AND_DISK)
    out = str(out)
    for name, schema in SCHEMAS.items():
        (coded.where(F.col("_table") == name).select(*[f"`{f.name}`" for f in schema])
         .write.mode("overwrite").parquet(os.path.join(out, name)))
    coded.unpersist()
    parsed.unpersist()
    return out
