"""``jobpipe sources add | list | check``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from stubserver import Canned, StubServer
from typer.testing import CliRunner

from jobpipe.cli import app
from jobpipe.registry import load_registry

runner = CliRunner()


def _sources(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["sources", *args])
    return result.exit_code, result.output


def test_add_detects_validates_and_dedups(tmp_path: Path) -> None:
    reg = tmp_path / "sources.yaml"
    code, out = _sources("add", "https://jobs.eu.lever.co/veeva", "--registry", str(reg),
                         "--company", "Veeva")  # fmt: skip
    assert code == 0, out
    code, out = _sources(
        "add", "https://gdit.wd5.myworkdayjobs.com/en-US/External_Career_Site", "--registry",
        str(reg),
    )  # fmt: skip
    assert code == 0, out
    loaded = load_registry(reg)
    assert [(r.source, r.board, r.host, r.company) for r in loaded.boards] == [
        ("lever", "veeva", "api.eu.lever.co", "Veeva"),
        ("workday", "gdit/External_Career_Site", "gdit.wd5.myworkdayjobs.com", None),
    ]
    code, out = _sources("add", "https://jobs.lever.co/VEEVA", "--registry", str(reg))
    assert code == 1 and "already listed" in out
    code, out = _sources("add", "https://boards.greenhouse.io/", "--registry", str(reg))
    assert code == 1 and "board name is missing" in out
    assert len(load_registry(reg).boards) == 2
    code, out = _sources("list", "--registry", str(reg))
    assert code == 0 and "gdit.wd5.myworkdayjobs.com" in out and "2 boards" in out


def test_list_reports_a_broken_registry(tmp_path: Path) -> None:
    reg = tmp_path / "s.yaml"
    reg.write_text("boards:\n  - {source: lever, board: a}\n  - {source: lever, board: A}\n")
    code, out = _sources("list", "--registry", str(reg))
    assert code == 1 and "repeats boards[0]" in out


@pytest.mark.slow
def test_check_reports_which_boards_answer(tmp_path: Path) -> None:
    jobs = json.dumps({"jobs": [{"id": 1}, {"id": 2}], "meta": {"total": 2}}).encode()
    with StubServer() as s:
        s.route("/v1/boards/good/jobs", Canned(200, jobs))
        s.route("/v1/boards/html/jobs", Canned(200, b"<html>down</html>", {}))
        s.route("/v1/boards/slow/jobs", Canned(200, jobs, delay=2))
        s.route("/v0/postings/acme", Canned(200, b"[]"))
        reg = tmp_path / "s.yaml"
        reg.write_text(
            f"base_urls: {{greenhouse: '{s.url}', lever: '{s.url}'}}\nboards:\n"
            "  - {source: greenhouse, board: good, company: Good}\n"
            "  - {source: greenhouse, board: gone}\n"
            "  - {source: greenhouse, board: html}\n"
            "  - {source: greenhouse, board: slow}\n"
            "  - {source: lever, board: acme}\n"
        )
        code, out = _sources("check", "--registry", str(reg), "--timeout", "0.5")
    assert code == 1
    rows = [[c.strip() for c in line.split("│")[1:-1]] for line in out.splitlines() if "│" in line]
    lines = {r[2]: "|".join(r) for r in rows}
    assert lines["good"].startswith("Good|greenhouse|good|yes|200|2|")
    assert "no" in lines["gone"] and "HTTP 404" in lines["gone"]
    assert "no" in lines["html"] and "html_instead_of_json" in lines["html"]
    assert "no" in lines["slow"] and "timed out" in lines["slow"].lower()
    assert "yes" in lines["acme"]
    assert "2 of 5 boards answer" in out


@pytest.mark.slow
def test_check_passes_when_all_answer(tmp_path: Path) -> None:
    with StubServer() as s:
        s.route("/v1/boards/good/jobs", Canned(200, b'{"jobs": []}'))
        reg = tmp_path / "s.yaml"
        reg.write_text(f"base_urls: {{greenhouse: '{s.url}'}}\nboards:\n"
                       "  - {source: greenhouse, board: good}\n")  # fmt: skip
        code, out = _sources("check", "--registry", str(reg))
    assert code == 0, out
    assert "1 of 1 boards answer" in out
