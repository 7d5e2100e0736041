"""Size faults under the default 20 MB cap: a gzip bomb (tiny compressed, huge inflated), a
50 MB response announced by Content-Length, and one streamed without a length. Each stops at
the cap as a ``response_too_large`` error for its board; the good board lands."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from stubserver import Canned, StubServer, gzip_bomb

from jobpipe.crawl import run_spider

SETTINGS = {"JOBPIPE_BACKOFF_BASE": "0.05", "AUTOTHROTTLE_START_DELAY": "0", "RETRY_TIMES": "0"}
MB = 1024 * 1024


@pytest.mark.slow
def test_oversized_responses_are_cut_at_the_cap(tmp_path: Path) -> None:
    bomb = gzip_bomb(64 * MB)
    assert len(bomb.body) < 100 * 1024  # small on the wire
    jobs = [{"id": 1, "title": "Job 1"}]
    with StubServer() as s:
        s.route("/v1/boards/good/jobs", Canned(200, json.dumps({"jobs": jobs}).encode()))
        s.route("/v1/boards/good/jobs/1", Canned(200, json.dumps(jobs[0]).encode()))
        s.route("/v1/boards/bomb/jobs", bomb)
        s.route("/v1/boards/big/jobs", Canned(200, stream_bytes=50 * MB))
        s.route("/v1/boards/stream/jobs", Canned(200, stream_bytes=50 * MB, no_length=True))
        bronze = tmp_path / "bronze.jsonl.gz"
        result = run_spider("greenhouse", boards=["good", "bomb", "big", "stream"], base_url=s.url,
                            bronze_path=bronze, log_path=tmp_path / "crawl.log",
                            settings=SETTINGS)  # fmt: skip
    with gzip.open(bronze, "rb") as fh:
        records = [json.loads(line) for line in fh]
    errors = {r["board"]: r for r in records if r["record_type"] == "error"}
    assert [r["board"] for r in records if r["record_type"] == "posting"] == ["good"]
    assert {b: e["reason"] for b, e in errors.items()} == {
        "bomb": "response_too_large", "big": "response_too_large",
        "stream": "response_too_large"}  # fmt: skip
    assert "decompress" in errors["bomb"]["detail"]
    # the streamed body was abandoned near the cap, not read to the end
    assert result.stats.get("downloader/response_bytes", 0) < 30 * MB
