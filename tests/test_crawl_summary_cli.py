"""``jobpipe crawl`` prints the boards that failed or logged errors, with reasons."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from stubserver import Canned, StubServer
from typer.testing import CliRunner

from jobpipe.cli import app


@pytest.mark.slow
def test_crawl_prints_errors_by_board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBPIPE_BACKOFF_BASE", "0.05")
    jobs = [{"id": 1, "title": "Nurse"}]
    with StubServer() as s:
        s.route("/v1/boards/good/jobs", Canned(200, json.dumps({"jobs": jobs}).encode()))
        s.route("/v1/boards/good/jobs/1", Canned(200, json.dumps(jobs[0]).encode()))
        reg = tmp_path / "s.yaml"
        reg.write_text(f"base_urls: {{greenhouse: '{s.url}'}}\nboards:\n"
                       "  - {source: greenhouse, board: good}\n"
                       "  - {source: greenhouse, board: gone}\n")  # fmt: skip
        result = CliRunner().invoke(
            app, ["crawl", "--date", "2026-11-02", "--registry", str(reg),
                  "--data-root", str(tmp_path / "data")],
        )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "greenhouse: 1 postings, 1 errors" in result.output
    rows = [[c.strip() for c in line.split("│")[1:-1]] for line in result.output.splitlines()
            if "│" in line]  # fmt: skip
    assert ["2026-11-02", "greenhouse", "gone", "no (http_404)", "http_404: 1"] in rows
    assert not any(r[2] == "good" for r in rows if len(r) > 2)
