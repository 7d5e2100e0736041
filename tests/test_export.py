"""`jobpipe export`: a view or a query to CSV, JSON lines or Parquet, atomically."""

from __future__ import annotations

import csv
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
    root = tmp_path_factory.mktemp("export")
    write_day(root, D0, [row("a1", D0), row("a2", D0, title="Welder"), row("b1", D0, board="b")])
    publish(root, D0)
    return root


def _export(root: Path, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["export", *args, "--data-root", str(root)])


def test_export_a_view_to_each_format(root: Path, tmp_path: Path) -> None:
    for name in ("jobs.parquet", "jobs.csv", "jobs.jsonl"):
        result = _export(root, "distinct_jobs", str(tmp_path / name))
        assert result.exit_code == 0, result.output
        assert "3 rows" in result.output
    assert pq.read_table(tmp_path / "jobs.parquet").num_rows == 3
    with open(tmp_path / "jobs.csv", newline="") as fh:
        assert sorted(r["duplicate_group_id"] for r in csv.DictReader(fh)) == ["a1", "a2", "b1"]
    lines = (tmp_path / "jobs.jsonl").read_bytes().splitlines()
    assert {orjson.loads(line)["title_family"] for line in lines} == {"nurse", "welder"}
    assert not list(tmp_path.glob(".*tmp"))


def test_export_a_query(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "by_board.csv"
    sql = "select board, count(*) as n from posting_lifecycle group by 1 order by 1"
    assert _export(root, sql, str(out)).exit_code == 0
    assert out.read_text().splitlines() == ["board,n", "a,2", "b,1"]


def test_export_refuses_writes_and_unknown_formats(root: Path, tmp_path: Path) -> None:
    bad = _export(root, "drop view distinct_jobs", str(tmp_path / "x.csv"))
    assert bad.exit_code == 1 and "refused" in bad.output
    assert _export(root, "distinct_jobs", str(tmp_path / "x.xlsx")).exit_code == 1
    missing = _export(root, "no_such_view", str(tmp_path / "y.csv"))
    assert missing.exit_code == 1 and "no_such_view" in missing.output
    assert not list(tmp_path.iterdir())
