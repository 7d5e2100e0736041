"""The analysts' read-only interface to the warehouse: run a query, export a view or query.

Only reading statements run (SELECT, including DESCRIBE/SHOW/SUMMARIZE, and EXPLAIN); anything
that could write (COPY, CREATE, INSERT, ATTACH, SET, INSTALL, EXPORT ...) is refused before
it reaches DuckDB, and the database file is opened read-only as well.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from jobpipe.atomic import atomic_path

READ_ONLY_TYPES = frozenset({duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN})
FORMATS = ("csv", "json", "parquet")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class QueryRefused(ValueError):
    """The SQL would write, or is not a single reading statement."""


def check_read_only(sql: str) -> str:
    """``sql`` when it is one reading statement; :class:`QueryRefused` otherwise."""
    try:
        statements = duckdb.connect().extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryRefused(f"cannot parse the query: {exc}") from None
    if len(statements) != 1:
        raise QueryRefused(f"expected one statement, got {len(statements)}: run them one at a time")
    kind = statements[0].type
    if kind not in READ_ONLY_TYPES:
        name = str(kind).rsplit(".", 1)[-1]
        raise QueryRefused(
            f"the warehouse is read-only here: {name} statements are refused "
            "(use SELECT; to write a file use `jobpipe export`)"
        )
    return sql


def connect(db: Path) -> duckdb.DuckDBPyConnection:
    if not db.exists():
        raise FileNotFoundError(f"no warehouse at {db}: run `jobpipe run` or `jobpipe publish`")
    return duckdb.connect(str(db), read_only=True)


def run_query(db: Path, sql: str) -> pa.Table:
    """Result of one reading statement as an Arrow table (types kept: dates stay dates)."""
    check_read_only(sql)
    with connect(db) as con:
        return con.sql(sql).to_arrow_table()


def as_select(target: str) -> str:
    """A view name becomes ``select * from <view>``; anything else must be a reading query."""
    target = target.strip().rstrip(";")
    return f"select * from {target}" if _IDENTIFIER.match(target) else check_read_only(target)


def format_of(path: Path, fmt: str | None) -> str:
    fmt = fmt or path.suffix.lstrip(".").lower()
    if fmt == "jsonl":
        fmt = "json"
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} for {path}: use one of {', '.join(FORMATS)}")
    return fmt


def export(db: Path, target: str, path: Path, fmt: str | None = None) -> int:
    """Write a view or query to ``path`` (CSV, JSON lines or Parquet) atomically; rows written."""
    sql = as_select(target)
    fmt = format_of(path, fmt)
    options = {
        "csv": "format csv, header true",
        "json": "format json",
        "parquet": "format parquet, compression zstd",
    }[fmt]
    with connect(db) as con:
        con.execute(f"select * from ({sql}) limit 0")  # fail before creating any file
        with atomic_path(path) as tmp:
            literal = "'" + str(tmp).replace("'", "''") + "'"
            con.execute(f"copy ({sql}) to {literal} ({options})")
            return con.execute(f"select count(*) from ({sql})").fetchone()[0]


def write_result(table: pa.Table, fmt: str, path: Path | None) -> str | None:
    """CSV / JSON lines text (``path`` None), or the result written to ``path``."""
    frame = table.to_pandas()
    if path is None:
        if fmt == "csv":
            return frame.to_csv(index=False)
        if fmt == "json":
            return frame.to_json(orient="records", date_format="iso", lines=True)
        raise ValueError("Parquet output needs --output FILE")
    with atomic_path(path) as tmp:
        if fmt == "csv":
            frame.to_csv(tmp, index=False)
        elif fmt == "json":
            frame.to_json(tmp, orient="records", date_format="iso", lines=True)
        else:
            pq.write_table(table, tmp, compression="zstd")
    return None
