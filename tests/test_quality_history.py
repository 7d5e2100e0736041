"""Validation history: one Parquet file per date and suite, idempotent; warehouse view and mart."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import orjson

from expectations.history import CheckRun, latest_runs, load_history, record_run
from jobpipe import paths
from warehouse.build import build_warehouse

D1, D2 = date(2026, 11, 1), date(2026, 11, 2)
AT = datetime(2026, 11, 2, 6, tzinfo=UTC)


def _check(name: str, ok: bool, failed: int = 0, severity: str = "row") -> CheckRun:
    return CheckRun(name, "expect_x", ["title"], severity, ok, 10, failed)


def _query(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_rerun_replaces_the_days_rows(tmp_path: Path) -> None:
    record_run(tmp_path, D1, "silver", "b", [_check("a", True), _check("b", False, 3)], None)
    record_run(tmp_path, D1, "silver", "b", [_check("a", True)], {"results": [], "meta": {}})
    record_run(tmp_path, D1, "batch", "b", [_check("c", True, severity="critical")], None)
    history = load_history(tmp_path).to_pylist()
    assert sorted((r["suite"], r["expectation"]) for r in history) == [
        ("batch", "c"),
        ("silver", "a"),
    ]
    assert all(r["run_success"] for r in history)
    doc = orjson.loads(paths.validation_result_file(tmp_path, D1, "silver").read_bytes())
    assert doc["meta"]["jobpipe"]["snapshot_date"] == "2026-11-01"


def test_latest_runs_per_suite(tmp_path: Path) -> None:
    record_run(tmp_path, D1, "silver", "b1", [_check("a", False, 2)], None)
    record_run(tmp_path, D2, "silver", "b2", [_check("a", True), _check("b", False, 1)], None)
    record_run(tmp_path, D1, "batch", "b1", [_check("c", False, 1, "critical")], None)
    runs = {r["suite"]: r for r in latest_runs(tmp_path)}
    assert runs["silver"]["snapshot_date"] == D2 and runs["silver"]["failures"] == ["b (1 failed)"]
    assert runs["silver"]["checks"] == 2 and runs["batch"]["critical_failed"] == 1
    assert [r["snapshot_date"] for r in latest_runs(tmp_path, D1)] == [D1, D1]


def test_view_and_mart_over_the_history(tmp_path: Path) -> None:
    record_run(
        tmp_path,
        D1,
        "silver",
        "b",
        [_check("a", True), _check("b", False, 3)],
        None,
        validated_at=AT,
    )
    record_run(
        tmp_path, D2, "silver", "b", [_check("a", True), _check("b", True)], None, validated_at=AT
    )
    record_run(
        tmp_path, D2, "batch", "b", [_check("c", False, 1, "critical")], None, validated_at=AT
    )
    db = build_warehouse(tmp_path)
    assert _query(db, "select count(*) from stg_validation_runs") == [(5,)]
    assert _query(db, "select * from validation_daily_by_suite order by snapshot_date, suite") == [
        (D1, "silver", False, 2, 1, 0, 10, 3),
        (D2, "batch", False, 1, 1, 1, 10, 1),
        (D2, "silver", True, 2, 0, 0, 10, 0),
    ]


def test_empty_history_gives_typed_views(tmp_path: Path) -> None:
    db = build_warehouse(tmp_path)
    assert _query(db, "select count(*) from validation_daily_by_suite") == [(0,)]
