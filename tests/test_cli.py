"""Every command has help; errors say what to do."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from jobpipe.cli import app

runner = CliRunner()
COMMANDS = [
    "run",
    "demo-board",
    "crawl",
    "normalize",
    "validate",
    "publish",
    "compact",
    "query",
    "export",
    "schema-docs",
]


def test_top_level_help_lists_every_command() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output and len(result.output) > 200


def test_query_without_warehouse_says_what_to_run(tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", "select 1", "--data-root", str(tmp_path)])
    assert result.exit_code == 1
    assert "jobpipe run" in result.output


def test_normalize_without_bronze_says_what_to_run(tmp_path: Path) -> None:
    result = runner.invoke(app, ["normalize", "--date", "2026-11-01", "--data-root", str(tmp_path)])
    assert result.exit_code == 1
    assert "jobpipe crawl" in result.output


def test_bad_date_is_rejected(tmp_path: Path) -> None:
    result = runner.invoke(app, ["normalize", "--date", "yesterday", "--data-root", str(tmp_path)])
    assert result.exit_code != 0
    assert "YYYY-MM-DD" in result.output


def test_crawl_without_registry_explains(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JOBPIPE_REGISTRY", raising=False)
    result = runner.invoke(app, ["crawl", "--date", "2026-11-01", "--data-root", str(tmp_path)])
    assert result.exit_code != 0
    assert "registry" in result.output
