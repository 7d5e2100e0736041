"""The publish gate: a critical batch failure blocks the day and leaves published data alone."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from quality_cases import DAY, board_rows
from quality_steps import stage_day
from typer.testing import CliRunner

from jobpipe import paths, steps
from jobpipe.cli import app
from jobpipe.config import Settings, load_settings

DAY2 = DAY + timedelta(days=1)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _good(day, a: int = 30, b: int = 10) -> list[dict]:
    return board_rows("a", a, day) + board_rows("b", b, day)


@pytest.fixture
def two_days(tmp_path: Path) -> Settings:
    """Day 1 and day 2 validated and published normally."""
    settings = load_settings(tmp_path / "data")
    for day in (DAY, DAY2):
        stage_day(settings.data_root, day, _good(day))
        steps.validate(day, settings)
        steps.publish(day, settings)
    return settings


def test_collapsed_board_blocks_the_rerun_and_keeps_what_was_published(two_days: Settings) -> None:
    root = two_days.data_root
    published = paths.parquet_file(root, "postings", DAY2)
    quarantine = paths.parquet_file(root, "quarantine", DAY2)
    warehouse = paths.warehouse_file(root)
    before = {p: _digest(p) for p in (published, quarantine, warehouse)}

    stage_day(root, DAY2, _good(DAY2, a=2))  # board a fell from 30 to 2 rows
    with pytest.raises(steps.GateError) as blocked:
        steps.validate(DAY2, two_days)
    message = str(blocked.value)
    assert f"quality gate blocked publication of {DAY2}" in message
    assert "row_count_not_collapsed: board greenhouse/a has 2 rows vs 30 on" in message
    assert "stay published, unchanged" in message and "GATE_ENABLED=false" in message
    assert {p: _digest(p) for p in before} == before  # nothing published was touched
    assert pq.read_table(paths.held_file(root, DAY2, "postings")).num_rows == 12

    with pytest.raises(steps.GateError, match="row_count_not_collapsed"):
        steps.publish(DAY2, two_days)
    assert _digest(warehouse) == before[warehouse]
    metrics = pq.read_table(paths.batch_metrics_file(root, DAY2)).to_pylist()
    assert {m["accepted"] for m in metrics} == {False}

    # the board recovers: the re-run publishes and the held batch goes away
    stage_day(root, DAY2, _good(DAY2, a=29))
    report = steps.validate(DAY2, two_days)
    assert report["gate"]["status"] == "passed"
    assert pq.read_table(published).num_rows == 39
    assert not paths.held_file(root, DAY2, "postings").exists()
    steps.publish(DAY2, two_days)


def test_most_rows_failing_blocks_a_new_day(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "data")
    rows = board_rows("a", 4) + board_rows("b", 6, title=None)
    stage_day(settings.data_root, DAY, rows)
    with pytest.raises(steps.GateError, match=r"6 of 10 rows quarantined \(60%"):
        steps.validate(DAY, settings)
    assert not paths.parquet_file(settings.data_root, "postings", DAY).exists()
    assert "nothing is published for that day" in str(
        steps.read_report(settings.data_root, DAY, "validate")["gate"]["message"]
    )
    held = pq.read_table(paths.held_file(settings.data_root, DAY, "quarantine"))
    assert held.num_rows == 6  # rows in = valid + quarantined holds for held batches too
    assert pq.read_table(paths.held_file(settings.data_root, DAY, "postings")).num_rows == 4


def test_gate_can_be_switched_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBPIPE_QUALITY_GATE_ENABLED", "false")
    settings = load_settings(tmp_path / "data")
    stage_day(settings.data_root, DAY, board_rows("a", 4) + board_rows("b", 6, title=None))
    report = steps.validate(DAY, settings)
    assert report["gate"]["status"] == "passed"
    assert report["batch"]["critical_failures"]  # still reported
    assert pq.read_table(paths.parquet_file(settings.data_root, "postings", DAY)).num_rows == 4


def test_cli_prints_the_gate_message_and_fails(two_days: Settings) -> None:
    root = two_days.data_root
    stage_day(root, DAY2, _good(DAY2, a=1))
    result = CliRunner().invoke(app, ["validate", "--date", str(DAY2), "--data-root", str(root)])
    assert result.exit_code == 1
    assert "quality gate blocked publication" in result.output
