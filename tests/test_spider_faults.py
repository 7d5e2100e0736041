"""The Greenhouse spider against a local server that misbehaves: the crawl always finishes,
every failure is an error record with its reason, and good boards are unaffected."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from conftest import recorded
from stubserver import Canned, StubServer

from jobpipe.crawl import run_spider

FAST = {"JOBPIPE_BACKOFF_BASE": "0.05", "AUTOTHROTTLE_START_DELAY": "0", "DOWNLOAD_DELAY": "0"}


def _read(path: Path) -> list[dict]:
    with gzip.open(path, "rb") as fh:
        return [json.loads(line) for line in fh]


def _crawl(server: StubServer, boards: list[str], tmp_path: Path, **settings: str) -> list[dict]:
    bronze = tmp_path / "bronze.jsonl.gz"
    events: list[dict] = []
    run_spider(
        "greenhouse",
        boards=boards,
        base_url=server.url,
        bronze_path=bronze,
        log_path=tmp_path / "crawl.log",
        settings={**FAST, **settings},
        progress=events.append,
    )
    assert events and events[-1]["postings"] + events[-1]["errors"] > 0
    return _read(bronze)


def _jobs_body(jobs: list[dict]) -> bytes:
    return json.dumps({"jobs": jobs, "meta": {"total": len(jobs)}}).encode()


@pytest.fixture(scope="module")
def recorded_jobs() -> list[dict]:
    return json.loads(recorded("greenhouse", "jobs-content-anthropic.json").read_text())["jobs"]


def test_faults_are_recorded_and_good_boards_land(tmp_path: Path, recorded_jobs: list[dict]):
    jobs = recorded_jobs
    body = _jobs_body(jobs)
    with StubServer() as s:
        s.route("/v1/boards/good/jobs", Canned(200, body))
        s.route("/v1/boards/flaky/jobs", Canned(500, b"oops"), Canned(200, _jobs_body(jobs[:1])))
        s.route(
            "/v1/boards/limited/jobs",
            Canned(429, b"", {"Retry-After": "1"}),
            Canned(200, _jobs_body(jobs[1:2])),
        )
        s.route("/v1/boards/truncated/jobs", Canned(200, body[: len(body) // 2]))
        s.route("/v1/boards/noid/jobs", Canned(200, _jobs_body([{"title": "x"}, jobs[2]])))
        s.route(
            "/v1/boards/html/jobs",
            Canned(200, b"<html>Maintenance</html>", {"Content-Type": "text/html"}),
        )
        s.route("/v1/boards/down/jobs", Canned(503, b"down"))
        for job in jobs:
            s.route(f"/v1/boards/good/jobs/{job['id']}", Canned(200, json.dumps(job).encode()))
            for board in ("flaky", "limited", "noid"):
                s.route(
                    f"/v1/boards/{board}/jobs/{job['id']}", Canned(200, json.dumps(job).encode())
                )
        # one detail fails for good: the listed posting must still land
        s.route(f"/v1/boards/good/jobs/{jobs[0]['id']}", Canned(404, b"{}"))
        boards = ["good", "flaky", "limited", "truncated", "noid", "html", "down", "missing"]
        records = _crawl(s, boards, tmp_path)
        hits = dict(s.hits)

    postings = [r for r in records if r["record_type"] == "posting"]
    errors = {(r["board"], r["reason"]) for r in records if r["record_type"] == "error"}
    by_board = {b: sum(1 for p in postings if p["board"] == b) for b in boards}
    assert by_board == {
        "good": len(jobs),
        "flaky": 1,
        "limited": 1,
        "truncated": 0,
        "noid": 1,
        "html": 0,
        "down": 0,
        "missing": 0,
    }
    assert errors == {
        ("good", "http_404"),
        ("truncated", "invalid_json"),
        ("noid", "missing_id"),
        ("html", "html_instead_of_json"),
        ("down", "http_503"),
        ("missing", "http_404"),
    }
    assert hits["/v1/boards/flaky/jobs"] == 2 and hits["/v1/boards/limited/jobs"] == 2
    assert hits["/v1/boards/down/jobs"] == 4  # 1 + RETRY_TIMES
    good_first = next(p for p in postings if p["source_job_id"] == str(jobs[0]["id"]))
    assert good_first["payload"]["detail"] is None and good_first["payload"]["list"]["id"]
    assert all(p["http_status"] == 200 and p["fetched_at"].endswith("Z") for p in postings)


def test_size_limit_and_timeout_are_errors_not_crashes(tmp_path: Path) -> None:
    big = _jobs_body([{"id": i, "title": "x" * 1000} for i in range(200)])
    with StubServer() as s:
        s.route("/v1/boards/huge/jobs", Canned(200, big))
        s.route("/v1/boards/slow/jobs", Canned(200, _jobs_body([]), delay=3))
        s.route("/v1/boards/empty/jobs", Canned(200, _jobs_body([])))
        records = _crawl(
            s,
            ["huge", "slow", "empty"],
            tmp_path,
            DOWNLOAD_MAXSIZE="50000",
            DOWNLOAD_TIMEOUT="1",
            RETRY_TIMES="0",
        )
    reasons = {r["board"]: r["reason"] for r in records if r["record_type"] == "error"}
    assert set(reasons) == {"huge", "slow"}
    assert reasons["slow"] == "timeout" and reasons["huge"] == "response_too_large"
    assert all(r["record_type"] == "error" for r in records)


def test_robots_disallow_is_respected(tmp_path: Path) -> None:
    with StubServer() as s:
        s.route("/robots.txt", Canned(200, b"User-agent: *\nDisallow: /v1/\n", {}))
        s.route("/v1/boards/acme/jobs", Canned(200, _jobs_body([])))
        records = _crawl(s, ["acme"], tmp_path)
        assert s.hits.get("/v1/boards/acme/jobs", 0) == 0
    assert [r["reason"] for r in records] == ["robots_disallowed"]


def test_killed_crawl_leaves_no_bronze_file(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    jobs = [{"id": i, "title": f"Job {i}"} for i in range(5)]
    bronze = tmp_path / "bronze" / "part-all.jsonl.gz"
    with StubServer() as s:
        s.route("/v1/boards/acme/jobs", Canned(200, _jobs_body(jobs)))
        for job in jobs:  # details hang, so the crawl is mid-way when killed
            s.route(f"/v1/boards/acme/jobs/{job['id']}", Canned(200, b"{}", delay=30))
        env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "spiders.settings"}
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "scrapy",
                "crawl",
                "greenhouse",
                "-a",
                "boards=acme",
                "-a",
                f"base_url={s.url}",
                "-s",
                f"JOBPIPE_BRONZE_PATH={bronze}",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while not s.hits.get(f"/v1/boards/acme/jobs/{jobs[0]['id']}"):
            assert time.monotonic() < deadline and proc.poll() is None
            time.sleep(0.1)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert not bronze.exists()
    assert all(p.name.startswith(".") for p in bronze.parent.iterdir())
