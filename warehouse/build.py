"""Build the DuckDB warehouse: views only, over the Parquet layers, rebuildable at any time.

Models are SQL files, one per view, in layers run in order: ``staging`` (rename/cast over
Parquet), ``intermediate`` (shared logic) then ``marts`` (analyst tables). ``stg_postings`` is
generated from the one posting schema. A file's leading ``--`` comment is its documentation.
``{{ parquet('layer') }}`` in a model stands for that Parquet layer of the data root,
``{{ latest('layer') }}`` for its newest partition only and ``{{ bronze_files() }}`` for the
list of bronze files. Within a layer, a model may use another one: views are created in an
order that satisfies those references.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from jobpipe import paths
from warehouse.derived_schema import COMPACTED_LAYERS, DERIVED_LAYERS
from warehouse.schema import POSTING_FIELDS, arrow_schema, crawl_error_schema, duckdb_type

SQL_DIR = Path(__file__).parent / "sql"
LAYERS = ("staging", "intermediate", "marts")
STORAGE_VERSION = "v1.0.0"
PARQUET_REF = re.compile(r"\{\{\s*parquet\('([a-z_]+)'\)\s*\}\}")
LATEST_REF = re.compile(r"\{\{\s*latest\('([a-z_]+)'\)\s*\}\}")
BRONZE_REF = re.compile(r"\{\{\s*bronze_files\(\)\s*\}\}")


@dataclass(frozen=True)
class Model:
    name: str
    layer: str
    sql: str
    description: str


def _quarantine_schema() -> pa.Schema:
    from expectations.quarantine import quarantine_schema  # GE-free module

    return quarantine_schema()


def _board_crawl_schema() -> pa.Schema:
    from jobpipe.board_log import board_crawl_schema

    return board_crawl_schema()


def _validation_runs_schema() -> pa.Schema:
    from expectations.history import VALIDATION_RUN_SCHEMA  # GE-free module

    return VALIDATION_RUN_SCHEMA


LAYER_SCHEMAS: dict[str, Callable[[], pa.Schema]] = {
    "postings": arrow_schema,
    "quarantine": _quarantine_schema,
    "crawl_errors": crawl_error_schema,
    "board_crawls": _board_crawl_schema,
    "validation_runs": _validation_runs_schema,
    **DERIVED_LAYERS,
}


def _sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def parquet_source(root: Path, layer: str) -> str:
    """SQL for reading one Parquet layer (daily ``dt=`` and compacted ``month=`` files alike);
    an empty typed relation when it has no files yet."""
    if not any((root / layer).glob("*/*.parquet")):
        return _empty_relation(layer)
    glob = _sql_literal(paths.parquet_glob(root, layer))
    if layer not in COMPACTED_LAYERS:
        return f"read_parquet({glob}, hive_partitioning = false, union_by_name = true)"
    return _compacted_source(root, layer, glob)


def _compacted_source(root: Path, layer: str, glob: str) -> str:
    """A layer that may hold month files: a month file wins over daily files of its month.

    Compaction writes the month file before it removes the days, and a split writes the days
    before it removes the month file; checked at query time, so the views never count a row
    twice even when a run stopped between the two steps.
    """
    months = _sql_literal(str(paths.month_dir(root, layer, "*") / paths.PARQUET_PART))
    options = "hive_partitioning = false, union_by_name = true, filename = true"
    return f"""(select * exclude (filename) from read_parquet({glob}, {options})
    where regexp_extract(filename, '/dt=([0-9]{{4}}-[0-9]{{2}})-[0-9]{{2}}/[^/]*$', 1) not in
        (select regexp_extract(file, '/month=([0-9-]{{7}})/[^/]*$', 1) from glob({months})))"""


def _sql_type(t: pa.DataType) -> str:
    return "BLOB" if pa.types.is_fixed_size_binary(t) or pa.types.is_binary(t) else duckdb_type(t)


def _empty_relation(layer: str) -> str:
    schema = LAYER_SCHEMAS[layer]()
    cols = ", ".join(f"cast(null as {_sql_type(f.type)}) as {f.name}" for f in schema)
    return f"(select {cols} where false)"


def latest_source(root: Path, layer: str) -> str:
    """SQL for the newest partition of a layer (e.g. the latest posting state)."""
    parts = sorted((root / layer).glob("dt=*/*.parquet"))  # posting_state: never compacted
    if not parts:
        return _empty_relation(layer)
    return f"read_parquet({_sql_literal(str(parts[-1]))}, hive_partitioning = false)"


def bronze_files_source(root: Path) -> str:
    """SQL listing bronze files (column ``file``); empty when there are none."""
    return f"glob({_sql_literal(str(root / 'bronze' / 'source=*' / 'dt=*' / 'part-*.jsonl.gz'))})"


def staging_postings_sql() -> str:
    """``stg_postings``: every schema column, cast to its DuckDB type, nothing else."""
    cols = ",\n    ".join(
        f"cast({f.name} as {duckdb_type(f.type)}) as {f.name}" for f in POSTING_FIELDS
    )
    return (
        "-- Clean, validated postings: one row per posting per snapshot day.\n"
        "-- Generated from warehouse/schema.py (rename/cast only).\n"
        f"select\n    {cols}\nfrom {{{{ parquet('postings') }}}}\n"
    )


def _description(sql: str) -> str:
    lines = []
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        lines.append(line.lstrip("- ").rstrip())
    return " ".join(lines)


def models() -> list[Model]:
    """Every model in build order."""
    out = [Model("stg_postings", "staging", staging_postings_sql(), "")]
    for layer in LAYERS:
        for file in sorted((SQL_DIR / layer).glob("*.sql")):
            out.append(Model(file.stem, layer, file.read_text(encoding="utf-8"), ""))
    return [Model(m.name, m.layer, m.sql, _description(m.sql)) for m in out]


def render(sql: str, root: Path) -> str:
    sql = PARQUET_REF.sub(lambda m: parquet_source(root, m.group(1)), sql)
    sql = LATEST_REF.sub(lambda m: latest_source(root, m.group(1)), sql)
    return BRONZE_REF.sub(lambda m: bronze_files_source(root), sql)


def create_views(con: duckdb.DuckDBPyConnection, root: Path) -> None:
    """Create every model as a view, retrying a layer's models until their references exist."""
    for layer in LAYERS:
        pending = [m for m in models() if m.layer == layer]
        while pending:
            failed: list[tuple[Model, duckdb.Error]] = []
            for model in pending:
                body = render(model.sql, root)
                try:
                    con.execute(f"create or replace view {model.name} as\n{body}")
                except duckdb.CatalogException as exc:
                    failed.append((model, exc))
                    continue
                comment = _sql_literal(model.description)
                con.execute(f"comment on view {model.name} is {comment}")
            if len(failed) == len(pending):
                model, exc = failed[0]
                raise RuntimeError(f"model {model.layer}/{model.name}.sql does not build: {exc}")
            pending = [m for m, _ in failed]


def build_warehouse(root: Path, target: Path | None = None) -> Path:
    """(Re)create the DuckDB file with every view; atomically replaces the previous file."""
    target = target or paths.warehouse_file(root)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        with duckdb.connect() as con:
            # An older storage format keeps the file readable by the duckdb CLI (duckdb-cli).
            con.execute(
                f"attach {_sql_literal(str(tmp))} as warehouse "
                f"(storage_version {_sql_literal(STORAGE_VERSION)})"
            )
            con.execute("use warehouse")
            create_views(con, root)
            con.execute("checkpoint warehouse")
            con.execute("use memory")
            con.execute("detach warehouse")
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.wal").unlink(missing_ok=True)
    return target
