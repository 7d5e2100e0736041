"""Payload faults: truncated JSON, HTML where JSON was expected, invalid UTF-8, an empty body,
the wrong shape, a broken detail. Each is an error record for its board with a reason; the
good board lands in full and repairable postings are kept."""

from __future__ import annotations

import gzip
import json

import pytest
from stubserver import Canned, StubServer

from jobpipe.board_log import board_rows, count_bronze
from jobpipe.crawl import run_spider
from jobpipe.registry import BoardRef

pytestmark = pytest.mark.slow  # starts a server and spider processes

SETTINGS = {"JOBPIPE_BACKOFF_BASE": "0.05", "AUTOTHROTTLE_START_DELAY": "0"}
JOBS = [{"id": i, "title": f"Job {i}", "updated_at": "2026-11-01T00:00:00Z"} for i in (1, 2)]
LIST = json.dumps({"jobs": JOBS}).encode()
BOARDS = ["good", "truncated", "html", "utf8", "empty", "shape", "baddetail"]


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("payloads")
    with StubServer() as s:
        s.route("/v1/boards/good/jobs", Canned(200, LIST))
        s.route("/v1/boards/truncated/jobs", Canned(200, LIST[: len(LIST) // 2]))
        s.route("/v1/boards/html/jobs", Canned(200, b"<!DOCTYPE html><p>Down</p>", {}))
        s.route("/v1/boards/utf8/jobs", Canned(200, LIST.replace(b"Job 1", b"Job \xff\xfe 1")))
        s.route("/v1/boards/empty/jobs", Canned(200, b""))
        s.route("/v1/boards/shape/jobs", Canned(200, b'{"jobs": "none"}'))
        s.route("/v1/boards/baddetail/jobs", Canned(200, LIST))
        for board in ("good", "utf8", "baddetail"):
            for job in JOBS:
                body = json.dumps(job).encode()
                if board == "baddetail" and job["id"] == 2:
                    body = body[:10]
                s.route(f"/v1/boards/{board}/jobs/{job['id']}", Canned(200, body))
        bronze = tmp / "bronze.jsonl.gz"
        result = run_spider("greenhouse", boards=BOARDS, base_url=s.url, bronze_path=bronze,
                            log_path=tmp / "crawl.log", settings=SETTINGS)  # fmt: skip
    with gzip.open(bronze, "rb") as fh:
        records = [json.loads(line) for line in fh]
    counts = count_bronze([bronze])
    log = board_rows([BoardRef("greenhouse", b) for b in BOARDS], None, counts, result.stats)  # type: ignore[arg-type]
    return {"records": records, "log": {r["board"]: r for r in log}}


def _errors(crawl: dict, board: str) -> list[str]:
    return [
        r["reason"] for r in crawl["records"] if r["record_type"] == "error" and r["board"] == board
    ]


def _postings(crawl: dict, board: str) -> list[dict]:
    return [r for r in crawl["records"] if r["record_type"] == "posting" and r["board"] == board]


def test_good_board_lands_in_full(crawl: dict) -> None:
    assert len(_postings(crawl, "good")) == 2 and not _errors(crawl, "good")
    assert crawl["log"]["good"]["success"] and crawl["log"]["good"]["listed_ids"] == 2


@pytest.mark.parametrize(
    ("board", "reason"),
    [
        ("truncated", "invalid_json"),
        ("html", "html_instead_of_json"),
        ("empty", "empty_body"),
        ("shape", "unexpected_shape"),
    ],
)
def test_unusable_list_fails_the_board_with_its_reason(
    crawl: dict, board: str, reason: str
) -> None:
    assert _errors(crawl, board) == [reason]
    assert not _postings(crawl, board)
    row = crawl["log"][board]
    assert not row["success"] and row["error_reason"] == reason and row["listed_ids"] is None


def test_invalid_utf8_is_repaired_and_reported(crawl: dict) -> None:
    postings = _postings(crawl, "utf8")
    titles = sorted(p["payload"]["list"]["title"] for p in postings)
    assert titles == ["Job 2", "Job \ufffd\ufffd 1"]
    assert _errors(crawl, "utf8") == ["invalid_utf8"]
    assert crawl["log"]["utf8"]["success"]  # the board was listed; nothing was lost


def test_broken_detail_keeps_the_listed_posting(crawl: dict) -> None:
    postings = {p["source_job_id"]: p for p in _postings(crawl, "baddetail")}
    assert set(postings) == {"1", "2"}
    assert postings["2"]["payload"]["detail"] is None and postings["1"]["payload"]["detail"]
    assert _errors(crawl, "baddetail") == ["detail_invalid_json"]
    assert crawl["log"]["baddetail"]["success"]
