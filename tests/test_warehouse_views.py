"""DuckDB views over Parquet: given rows in, expected rows out."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from jobpipe import paths
from jobpipe.atomic import write_parquet_partition
from warehouse.build import build_warehouse, models
from warehouse.schema import arrow_schema


def _row(pid: str, board: str, day: date, **over: object) -> dict:
    row = {name: None for name in arrow_schema().names}
    row.update(
        posting_id=pid,
        source="greenhouse",
        board=board,
        source_job_id=pid,
        url=f"https://x.test/{pid}",
        company=board.title(),
        title="Nurse",
        locations=[],
        scraped_at=datetime(2026, 11, 1, tzinfo=UTC),
        snapshot_date=day,
    )
    row.update(over)
    return row


def _write(root: Path, day: date, rows: list[dict]) -> None:
    table = pa.Table.from_pylist(rows, schema=arrow_schema())
    write_parquet_partition(table, paths.parquet_file(root, "postings", day))


def _query(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


D1, D2 = date(2026, 11, 1), date(2026, 11, 2)


def test_postings_current_is_each_boards_latest_snapshot(tmp_path: Path) -> None:
    _write(tmp_path, D1, [_row("a1", "a", D1), _row("a2", "a", D1), _row("b1", "b", D1)])
    # day 2: board a re-crawled (a2 closed, a3 new); board b not crawled
    _write(tmp_path, D2, [_row("a1", "a", D2, title="Senior Nurse"), _row("a3", "a", D2)])
    db = build_warehouse(tmp_path)
    assert _query(db, "select posting_id, title from postings_current order by 1") == [
        ("a1", "Senior Nurse"),
        ("a3", "Nurse"),
        ("b1", "Nurse"),
    ]
    assert _query(db, "select count(*) from stg_postings") == [(5,)]


def test_daily_mart_counts_new_salary_and_remote(tmp_path: Path) -> None:
    _write(tmp_path, D1, [_row("a1", "a", D1, salary_min=10.0, workplace_type="remote")])
    _write(tmp_path, D2, [_row("a1", "a", D2), _row("a2", "a", D2, salary_max=5.0)])
    db = build_warehouse(tmp_path)
    rows = _query(db, "select * from postings_daily_by_company order by snapshot_date")
    assert rows == [(D1, "A", 1, 1, 1, 1), (D2, "A", 2, 1, 1, 0)]


def test_rebuild_is_idempotent_and_views_only(tmp_path: Path) -> None:
    _write(tmp_path, D1, [_row("a1", "a", D1)])
    db = build_warehouse(tmp_path)
    first = _query(db, "select * from postings_current")
    db = build_warehouse(tmp_path)
    assert _query(db, "select * from postings_current") == first
    kinds = _query(db, "select table_type, count(*) from information_schema.tables group by 1")
    assert kinds == [("VIEW", len(models()))]
    assert not list(tmp_path.glob(".warehouse.duckdb*"))


def test_every_model_is_documented(tmp_path: Path) -> None:
    for model in models():
        assert model.description, f"{model.name} needs a leading -- comment"
    db = build_warehouse(tmp_path)
    comments = dict(_query(db, "select view_name, comment from duckdb_views() where not internal"))
    assert all(comments[m.name] for m in models())


def test_empty_layers_still_give_typed_views(tmp_path: Path) -> None:
    db = build_warehouse(tmp_path)
    assert _query(db, "select count(*) from postings_current") == [(0,)]
    assert _query(db, "select count(*) from stg_crawl_errors") == [(0,)]


def test_duckdb_cli_opens_the_warehouse(tmp_path: Path) -> None:
    import shutil
    import subprocess
    import sys

    cli = Path(sys.executable).with_name("duckdb")
    if not cli.exists():
        found = shutil.which("duckdb")
        assert found, "duckdb CLI (package duckdb-cli) should be installed"
        cli = Path(found)
    _write(tmp_path, D1, [_row("a1", "a", D1), _row("b1", "b", D1)])
    db = build_warehouse(tmp_path)
    done = subprocess.run(
        [str(cli), "-readonly", "-csv", str(db), "select count(*) as n from postings_current"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["n", "2"]
