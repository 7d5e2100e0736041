"""`jobpipe quality`: latest results per suite, the gate, where the Data Docs are."""

from __future__ import annotations

from pathlib import Path

from quality_cases import DAY, board_rows
from quality_steps import stage_day
from typer.testing import CliRunner

from jobpipe import steps
from jobpipe.cli import app
from jobpipe.config import load_settings

runner = CliRunner()


def test_quality_lists_each_suite_and_the_docs(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "data")
    stage_day(settings.data_root, DAY, board_rows("a", 9) + board_rows("a", 1, title="N/A"))
    steps.validate(DAY, settings)
    result = runner.invoke(app, ["quality", "--data-root", str(settings.data_root)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "postings_silver" in out and "postings_batch" in out and "FAILED" in out
    assert "gate passed for 2026-11-01" in out
    assert "quality/data_docs/index.html" in out
    dated = runner.invoke(
        app, ["quality", "--date", "2026-11-01", "--data-root", str(settings.data_root)]
    )
    assert dated.exit_code == 0 and "postings_silver" in dated.output


def test_quality_without_results_says_what_to_run(tmp_path: Path) -> None:
    result = runner.invoke(app, ["quality", "--data-root", str(tmp_path)])
    assert result.exit_code == 1
    assert "no validation results" in result.output and "jobpipe run" in result.output


def test_quality_help() -> None:
    result = runner.invoke(app, ["quality", "--help"])
    assert result.exit_code == 0 and "--date" in result.output and "Data Docs" in result.output
