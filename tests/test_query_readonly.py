"""`jobpipe query`: read-only (writing statements refused), CSV / JSON / Parquet output."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import orjson
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner
from warehouse_fixtures import publish, row, write_day

from jobpipe.cli import app

runner = CliRunner()
D0 = date(2026, 11, 1)


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("query")
    write_day(root, D0, [row("a1", D0), row("a2", D0, title="Welder"), row("b1", D0, board="b")])
    publish(root, D0)
    return root


def _query(root: Path, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["query", *args, "--data-root", str(root)])


@pytest.mark.parametrize(
    "sql",
    [
        "create table x (a int)",
        "insert into stg_postings select * from stg_postings",
        "drop view distinct_jobs",
        "copy (select 1) to 'out.csv'",
        "attach 'other.duckdb' as o",
        "set threads = 1",
        "install httpfs",
        "export database 'dump'",
        "select 1; drop view distinct_jobs",
    ],
)
def test_writing_statements_are_refused(root: Path, sql: str) -> None:
    db = root / "warehouse.duckdb"
    before = db.stat().st_mtime_ns
    result = _query(root, sql)
    assert result.exit_code == 1
    assert "refused" in result.output or "one statement" in result.output
    assert db.stat().st_mtime_ns == before
    assert not (Path("out.csv").exists() or Path("other.duckdb").exists())


def test_csv_and_json_output(root: Path) -> None:
    sql = "select posting_id, title from posting_history order by 1"
    csv = _query(root, sql, "--format", "csv")
    assert csv.exit_code == 0, csv.output
    assert csv.output.splitlines() == ["posting_id,title", "a1,Nurse", "a2,Welder", "b1,Nurse"]
    js = _query(root, sql, "--format", "json")
    assert [orjson.loads(line) for line in js.output.splitlines()] == [
        {"posting_id": "a1", "title": "Nurse"},
        {"posting_id": "a2", "title": "Welder"},
        {"posting_id": "b1", "title": "Nurse"},
    ]


def test_parquet_output_needs_a_file(root: Path, tmp_path: Path) -> None:
    sql = "select posting_id, first_seen_at from posting_lifecycle"
    assert "--output" in _query(root, sql, "--format", "parquet").output
    out = tmp_path / "r.parquet"
    result = _query(root, sql, "--format", "parquet", "--output", str(out))
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert sorted(table.column("posting_id").to_pylist()) == ["a1", "a2", "b1"]
    assert table.column("first_seen_at").to_pylist() == [D0] * 3


def test_table_output_and_bad_format(root: Path) -> None:
    sql = (
        "select posting_id, title, days_open "
        "from posting_history join posting_lifecycle using (posting_id)"
    )
    shown = _query(root, sql).output
    assert "Welder" in shown and "a2" in shown
    bad = _query(root, "select 1", "--format", "xml")
    assert bad.exit_code == 1 and "table, csv, json or parquet" in bad.output
