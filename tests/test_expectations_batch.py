"""Batch checks: row counts per board vs the previous accepted run, null rates, quarantine share."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path

import pyarrow as pa
import pytest
from quality_cases import DAY, board_rows
from test_expectations_suite import batch

from expectations.batch import (
    BatchOutcome,
    batch_metrics,
    build_batch_suite,
    check_batch,
    check_label,
    write_batch_metrics,
)
from expectations.quarantine import quarantine_schema
from expectations.thresholds import Thresholds

T = Thresholds()
DAY2 = DAY + timedelta(days=1)


def _run(
    root: Path, day, rows, held: int = 0, accept: bool | None = None, crawled=None
) -> BatchOutcome:
    """Check a batch whose first ``held`` rows were quarantined; store metrics if ``accept``."""
    table = batch(rows)
    quarantine = table.slice(0, held)
    quarantine = pa.table(
        {n: quarantine.column(n) if n in table.column_names else pa.nulls(held, f.type)
         for n, f in zip(quarantine_schema().names, quarantine_schema(), strict=True)}
    )  # fmt: skip
    metrics = batch_metrics(root, day, table, table.slice(held), quarantine, T, crawled)
    outcome = check_batch(metrics, T)
    if accept is not None:
        write_batch_metrics(root, day, outcome.metrics, accepted=accept)
    return outcome


def _failed(outcome: BatchOutcome) -> set[str]:
    return {c.check for c in outcome.checks if not c.success}


def test_first_run_has_no_baseline_and_passes(tmp_path: Path) -> None:
    outcome = _run(tmp_path, DAY, board_rows("a", 10) + board_rows("b", 5))
    assert outcome.success and outcome.critical_failures == []
    rows = {r["board"]: r for r in outcome.metrics.to_pylist()}
    assert rows["a"]["rows_in"] == 10 and rows["*"]["rows_in"] == 15
    assert rows["a"]["row_count_ratio"] is None and rows["*"]["quarantined_share"] == 0.0


def test_collapsed_board_is_critical_and_named(tmp_path: Path) -> None:
    _run(tmp_path, DAY, board_rows("a", 40) + board_rows("b", 20), accept=True)
    outcome = _run(tmp_path, DAY2, board_rows("a", 2, DAY2) + board_rows("b", 20, DAY2))
    assert _failed(outcome) == {"row_count_within_band", "row_count_not_collapsed"}
    (critical,) = outcome.critical_failures
    assert critical.startswith("row_count_not_collapsed: board greenhouse/a has 2 rows vs 40")
    assert "5% of before" in critical and str(DAY) in critical


def test_vanished_board_counts_as_zero(tmp_path: Path) -> None:
    _run(tmp_path, DAY, board_rows("a", 10) + board_rows("b", 10), accept=True)
    outcome = _run(tmp_path, DAY2, board_rows("b", 10, DAY2))
    assert any("board greenhouse/a has 0 rows vs 10" in c for c in outcome.critical_failures)


@pytest.mark.parametrize(
    ("crawled", "blocked"),
    [
        ({"greenhouse": {"boards": 1}}, False),  # board a taken out of the registry
        ({}, False),  # the source was not crawled at all
        ({"greenhouse": {"boards": 1, "errors_by_board": {"a": {"invalid_json": 1}}}}, True),
        ({"greenhouse": {"boards": 2}}, True),  # still registered, came back empty
    ],
)
def test_vanished_board_and_the_crawl_report(tmp_path: Path, crawled: dict, blocked: bool) -> None:
    _run(tmp_path, DAY, board_rows("a", 10) + board_rows("b", 10), accept=True)
    outcome = _run(tmp_path, DAY2, board_rows("b", 10, DAY2), crawled=crawled)
    assert bool(outcome.critical_failures) is blocked


def test_a_board_gone_before_the_last_run_is_not_counted_again(tmp_path: Path) -> None:
    _run(tmp_path, DAY, board_rows("a", 10) + board_rows("b", 10), accept=True)
    crawled = {"greenhouse": {"boards": 1}}
    _run(tmp_path, DAY2, board_rows("b", 10, DAY2), accept=True, crawled=crawled)
    day3 = DAY2 + timedelta(days=1)
    outcome = _run(tmp_path, day3, board_rows("b", 10, day3), crawled={"greenhouse": {"boards": 1}})
    assert outcome.success and [r["board"] for r in outcome.metrics.to_pylist()] == ["b", "*"]


def test_growth_and_mild_drops_warn_only(tmp_path: Path) -> None:
    _run(tmp_path, DAY, board_rows("a", 10) + board_rows("b", 10), accept=True)
    outcome = _run(tmp_path, DAY2, board_rows("a", 40, DAY2) + board_rows("b", 3, DAY2))
    assert _failed(outcome) == {"row_count_within_band"}
    assert outcome.critical_failures == [] and len(outcome.warnings) == 2


def test_baseline_is_the_last_accepted_run(tmp_path: Path) -> None:
    _run(tmp_path, DAY, board_rows("a", 50), accept=True)
    _run(tmp_path, DAY2, board_rows("a", 1, DAY2), accept=False)  # blocked: not a baseline
    day3 = DAY2 + timedelta(days=1)
    outcome = _run(tmp_path, day3, board_rows("a", 48, day3))
    row = outcome.metrics.to_pylist()[0]
    assert (row["prev_date"], row["prev_rows_in"]) == (DAY, 50) and outcome.success


def test_null_rate_jump_per_key_field(tmp_path: Path) -> None:
    _run(tmp_path, DAY, board_rows("a", 10), accept=True)
    rows = board_rows("a", 10, DAY2, title=None) + board_rows("a", 0, DAY2)
    for row in rows[:5]:
        row["locations"] = []
    outcome = _run(tmp_path, DAY2, rows)
    assert _failed(outcome) == {"null_rate_not_jumping(title)", "null_rate_not_jumping(locations)"}
    assert any("misses title in 100% of rows vs 0%" in w for w in outcome.warnings)


def test_quarantine_share(tmp_path: Path) -> None:
    warn = _run(tmp_path, DAY, board_rows("a", 10), held=1)
    assert _failed(warn) == {"quarantine_share_under_threshold"}
    most = _run(tmp_path, DAY, board_rows("a", 10), held=6)
    assert _failed(most) == {"quarantine_share_under_threshold", "quarantine_share_critical"}
    assert most.critical_failures == [
        "quarantine_share_critical: 6 of 10 rows quarantined (60%; allowed up to 50%)"
    ]


def test_critical_checks_are_configurable(tmp_path: Path) -> None:
    relaxed = dataclasses.replace(T, critical_checks=("quarantine_share_critical",))
    suite = build_batch_suite(relaxed)
    severity = {check_label(e.meta): e.meta["severity"] for e in suite.expectations}
    assert severity["row_count_not_collapsed"] == "warning"
    assert severity["quarantine_share_critical"] == "critical"
    assert len(severity) == len(suite.expectations)
