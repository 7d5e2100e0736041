"""HTTP-level faults: removed board, transient 500, 429 with Retry-After, permanent 503,
slow answers past the timeout, a redirect loop. The crawl finishes, each failure is an error
record for its board with a reason, and the good board's postings all land."""

from __future__ import annotations

import gzip
import json

import pytest
from stubserver import Canned, StubServer

from jobpipe.crawl import run_spider

pytestmark = pytest.mark.slow  # starts a server and spider processes

SETTINGS = {
    "JOBPIPE_BACKOFF_BASE": "0.05",
    "AUTOTHROTTLE_START_DELAY": "0",
    "DOWNLOAD_TIMEOUT": "1",
    "RETRY_TIMES": "2",
}
JOBS = [{"id": i, "title": f"Job {i}", "updated_at": "2026-11-01T00:00:00Z"} for i in (1, 2, 3)]
LIST = json.dumps({"jobs": JOBS}).encode()


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("http")
    with StubServer() as s:
        s.route("/v1/boards/good/jobs", Canned(200, LIST))
        s.route("/v1/boards/flaky/jobs", Canned(500, b"oops"), Canned(200, LIST))
        s.route(
            "/v1/boards/limited/jobs", Canned(429, b"", {"Retry-After": "1"}), Canned(200, LIST)
        )
        s.route("/v1/boards/down/jobs", Canned(503, b"down"))
        s.route("/v1/boards/slow/jobs", Canned(200, LIST, delay=2.5))
        s.route("/v1/boards/loop/jobs", Canned(302, b"", {"Location": "/v1/boards/loop/jobs"}))
        for board in ("good", "flaky", "limited", "slow"):
            for job in JOBS:
                s.route(
                    f"/v1/boards/{board}/jobs/{job['id']}", Canned(200, json.dumps(job).encode())
                )
        bronze = tmp / "bronze.jsonl.gz"
        boards = ["good", "removed", "flaky", "limited", "down", "slow", "loop"]
        result = run_spider("greenhouse", boards=boards, base_url=s.url, bronze_path=bronze,
                            log_path=tmp / "crawl.log", settings=SETTINGS)  # fmt: skip
        hits, times = dict(s.hits), {k: list(v) for k, v in s.times.items()}
    with gzip.open(bronze, "rb") as fh:
        records = [json.loads(line) for line in fh]
    postings: dict[str, int] = {}
    errors: dict[str, list[str]] = {}
    for r in records:
        if r["record_type"] == "posting":
            postings[r["board"]] = postings.get(r["board"], 0) + 1
        else:
            errors.setdefault(r["board"], []).append(r["reason"])
    return {"postings": postings, "errors": errors, "hits": hits, "times": times,
            "stats": result.stats}  # fmt: skip


def test_good_and_recovered_boards_land_in_full(crawl: dict) -> None:
    assert crawl["postings"] == {"good": 3, "flaky": 3, "limited": 3}
    assert crawl["stats"]["finish_reason"] == "finished"


def test_removed_board_is_a_404_error(crawl: dict) -> None:
    assert crawl["errors"]["removed"] == ["http_404"]
    assert crawl["hits"]["/v1/boards/removed/jobs"] == 1  # 404 is not retried


def test_500_then_success_is_retried_without_error(crawl: dict) -> None:
    assert "flaky" not in crawl["errors"]
    assert crawl["hits"]["/v1/boards/flaky/jobs"] == 2


def test_429_waits_for_retry_after(crawl: dict) -> None:
    first, second = crawl["times"]["/v1/boards/limited/jobs"]
    assert second - first >= 0.95  # Retry-After: 1, although the backoff base is 0.05 s
    assert "limited" not in crawl["errors"]


def test_permanent_503_gives_up_after_the_retries(crawl: dict) -> None:
    assert crawl["errors"]["down"] == ["http_503"]
    assert crawl["hits"]["/v1/boards/down/jobs"] == 3  # 1 + RETRY_TIMES


def test_slow_answer_past_the_timeout(crawl: dict) -> None:
    assert crawl["errors"]["slow"] == ["timeout"]
    assert "slow" not in crawl["postings"]


def test_redirect_loop_is_cut(crawl: dict) -> None:
    assert crawl["errors"]["loop"] == ["redirect_loop"]
    assert crawl["hits"]["/v1/boards/loop/jobs"] == 6  # 1 + REDIRECT_MAX_TIMES
