"""`jobpipe run` on the built-in demo: every board crawled in its home wire format, so one run
covers all nine sources; each lands valid rows and the row accounting holds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from jobpipe import paths
from jobpipe.demo import Market
from jobpipe.demo.homes import SOURCES, home_ats

pytestmark = pytest.mark.slow
DAY = date(2026, 11, 1)


def test_demo_run_covers_every_source(tmp_path: Path) -> None:
    root = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if k not in ("JOBPIPE_REGISTRY",)}
    jobpipe = str(Path(sys.executable).parent / "jobpipe")
    cmd = [jobpipe, "run", "--days", "1", "--start", DAY.isoformat(), "--boards", "9",
           "--jobs-per-board", "6", "--data-root", str(root)]  # fmt: skip
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    summary = json.loads(paths.report_file(root, DAY, "summary").read_text())
    assert set(summary["sources"]) == set(SOURCES)
    assert summary["rows_in"] == summary["valid"] + summary["quarantined"]
    market = Market(seed=7, boards=9, jobs_per_board=6)
    expected = {s: 0 for s in SOURCES}
    for board in market.board_tokens():
        expected[home_ats(market, board)] += len(market.postings(board, DAY))
    for source, s in summary["sources"].items():
        assert s["crawled"] == expected[source] > 0, source  # bronze in = the market's truth
        assert s["crawl_errors"] == 0, source
        assert s["valid"] + s["quarantined"] == s["crawled"], source
        assert s["valid"] > 0, source
    assert summary["quarantined"] == 0  # the demo is clean: every source yields valid rows
