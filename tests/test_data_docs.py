"""GX Data Docs: rendered from the stored results under the data root; Chromium shows them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from quality_cases import DAY, board_rows
from quality_steps import stage_day

from expectations.datadocs import build_data_docs
from jobpipe import paths, steps
from jobpipe.config import load_settings

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "check_data_docs.py"
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def validated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data root with one validated day (some rows quarantined)."""
    settings = load_settings(tmp_path_factory.mktemp("docs") / "data")
    stage_day(settings.data_root, DAY, board_rows("a", 9) + board_rows("a", 1, title="N/A"))
    steps.validate(DAY, settings)
    return settings.data_root


def _pages(root: Path) -> list[Path]:
    return sorted(paths.data_docs_dir(root).glob("validations/**/*.html"))


def test_validate_renders_a_page_per_suite_run(validated: Path) -> None:
    index = paths.data_docs_dir(validated) / "index.html"
    assert index.exists()
    pages = _pages(validated)
    assert {p.relative_to(paths.data_docs_dir(validated)).parts[1] for p in pages} == {
        "postings_silver",
        "postings_batch",
    }
    silver = next(p for p in pages if "postings_silver" in p.parts).read_text(encoding="utf-8")
    assert "postings_silver" in silver and "Unexpected Value" in silver
    assert "N/A" in silver  # the offending title is shown
    assert "2026-11-01" in silver  # the run is named after the logical date


def test_rebuild_is_idempotent_and_leaves_no_temp(validated: Path) -> None:
    before = [p.relative_to(validated) for p in _pages(validated)]
    build_data_docs(validated)
    assert [p.relative_to(validated) for p in _pages(validated)] == before
    assert not list((validated / "quality").glob(".data_docs*"))


def test_only_the_latest_days_are_rendered(validated: Path) -> None:
    build_data_docs(validated, days=0)
    assert _pages(validated) == []
    build_data_docs(validated, days=1)
    assert len(_pages(validated)) == 2


def test_no_results_gives_an_empty_site(tmp_path: Path) -> None:
    index = build_data_docs(tmp_path)
    assert index.exists() and _pages(tmp_path) == []


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium not installed")
def test_data_docs_render_in_headless_chromium(validated: Path, tmp_path: Path) -> None:
    shot = tmp_path / "docs.png"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(validated), "--screenshot", str(shot)],
        capture_output=True,
        text=True,
        timeout=200,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert shot.stat().st_size > 20_000


def test_check_script_fails_without_docs(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 1 and "no Data Docs" in done.stderr
