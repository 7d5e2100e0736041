"""steps.crawl: boards crawled by parallel processes, every failure counted per board."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from stubserver import Canned, StubServer

from jobpipe import paths, steps
from jobpipe.config import load_settings
from jobpipe.registry import BoardRef, Registry

DAY = date(2026, 11, 2)


def _jobs(board: str, n: int) -> list[dict]:
    return [{"id": int(f"{abs(hash(board)) % 1000}{i:03d}"), "title": f"{board} {i}",
             "updated_at": "2026-11-01T00:00:00Z"} for i in range(n)]  # fmt: skip


@pytest.mark.slow
def test_parallel_crawl_accounts_every_board(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("JOBPIPE_CRAWL_PROCESSES", "2")
    monkeypatch.setenv("JOBPIPE_BOARDS_PER_PROCESS", "2")
    monkeypatch.setenv("JOBPIPE_CONCURRENCY_PER_DOMAIN", "2")
    monkeypatch.setenv("JOBPIPE_BACKOFF_BASE", "0.05")
    settings = load_settings(tmp_path / "data")
    good = ["g1", "g2", "g3", "g4"]
    with StubServer() as s:
        for board in good:
            jobs = _jobs(board, 4)
            s.route(f"/v1/boards/{board}/jobs", Canned(200, json.dumps({"jobs": jobs}).encode()))
            for job in jobs:
                s.route(f"/v1/boards/{board}/jobs/{job['id']}",
                        Canned(200, json.dumps(job).encode(), delay=0.05))  # fmt: skip
        s.route("/v1/boards/html/jobs", Canned(200, b"<html>x</html>", {}))
        refs = [BoardRef("greenhouse", b, b.upper()) for b in [*good, "gone", "html"]]
        registry = Registry(refs, {"greenhouse": s.url})
        events: list[dict] = []
        report = steps.crawl(DAY, settings, registry, progress=events.append)
        max_active = s.max_active

    gh = report["sources"]["greenhouse"]
    assert gh["processes"] == 3 and gh["boards"] == 6
    assert gh["postings"] == 16 and gh["postings_by_board"] == {b: 4 for b in good}
    assert gh["failed_boards"] == {"gone": "http_404", "html": "html_instead_of_json"}
    assert gh["errors_by_board"] == {"gone": {"http_404": 1}, "html": {"html_instead_of_json": 1}}
    assert gh["detail_requests"] == 16 and gh["finish_reason"] == "finished"
    assert report["boards"] == {"total": 6, "succeeded": 4, "failed": 2}
    # two processes at once, each allowed 2 // 2 = 1 request at a time to the shared host
    assert max_active <= 2
    assert events[-1]["postings"] == 16
    root = settings.data_root
    bronze = paths.bronze_file(root, "greenhouse", DAY)
    with gzip.open(bronze, "rb") as fh:
        assert sum(1 for _ in fh) == 18
    assert sorted(p.name for p in bronze.parent.iterdir()) == ["part-all.jsonl.gz"]
    log = pq.read_table(report["board_log"]).to_pylist()
    assert {(r["board"], r["success"], r["listed_ids"], r["error_reason"]) for r in log} == {
        *((b, True, 4, None) for b in good), ("gone", False, None, "http_404"),
        ("html", False, None, "html_instead_of_json")}  # fmt: skip
    # the warehouse shows the same, per board
    steps.normalize(DAY, settings)
    from warehouse.build import build_warehouse

    db = build_warehouse(root)
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "select board, board_crawled, error_reason, errors from crawl_errors_by_board "
            "order by board").fetchall()  # fmt: skip
        ok = con.execute("select count(*) from stg_board_crawls where success").fetchone()
    assert rows == [("gone", False, "http_404", 1), ("html", False, "html_instead_of_json", 1)]
    assert ok == (4,)
