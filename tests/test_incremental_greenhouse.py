"""Re-crawling an unchanged Greenhouse board makes no detail requests; changes are fetched."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from stubserver import Canned, StubServer

from jobpipe.crawl import run_spider
from spiders.incremental import load_state, state_file

FAST = {"JOBPIPE_BACKOFF_BASE": "0.05", "AUTOTHROTTLE_START_DELAY": "0", "DOWNLOAD_DELAY": "0"}


def _job(i: int, updated: str = "2026-11-01T00:00:00Z") -> dict:
    return {"id": i, "title": f"Job {i}", "updated_at": updated, "content": "&lt;p&gt;x&lt;/p&gt;",
            "absolute_url": f"https://x.test/{i}", "location": {"name": "Berlin"}}  # fmt: skip


def _detail(job: dict) -> bytes:
    pay = [{"min_cents": 100 * job["id"], "max_cents": 200 * job["id"], "currency_type": "EUR"}]
    return json.dumps({**job, "pay_input_ranges": pay}).encode()


def _serve(s: StubServer, board: str, jobs: list[dict], **list_kw: object) -> None:
    body = json.dumps({"jobs": jobs, "meta": {"total": len(jobs)}}).encode()
    s.route(f"/v1/boards/{board}/jobs", Canned(200, body, **list_kw))  # type: ignore[arg-type]
    for job in jobs:
        s.route(f"/v1/boards/{board}/jobs/{job['id']}", Canned(200, _detail(job)))


def _crawl(s: StubServer, boards: list[str], tmp: Path, n: int) -> tuple[list[dict], dict]:
    bronze = tmp / f"bronze-{n}.jsonl.gz"
    s.hits.clear()
    result = run_spider(
        "greenhouse", boards=boards, base_url=s.url, bronze_path=bronze,
        log_path=tmp / f"crawl-{n}.log", settings={**FAST, "JOBPIPE_STATE_DIR": str(tmp / "state")},
    )  # fmt: skip
    with gzip.open(bronze, "rb") as fh:
        return [json.loads(line) for line in fh], result.stats


def _details_hit(s: StubServer) -> int:
    return sum(n for p, n in s.hits.items() if p.count("/") == 5)


@pytest.mark.slow
def test_unchanged_board_reuses_details_and_changes_are_fetched(tmp_path: Path) -> None:
    jobs = [_job(i) for i in (1, 2, 3)]
    with StubServer() as s:
        _serve(s, "acme", jobs)
        first, stats1 = _crawl(s, ["acme"], tmp_path, 1)
        assert _details_hit(s) == 3 and stats1["jobpipe/details_requested"] == 3
        second, stats2 = _crawl(s, ["acme"], tmp_path, 2)
        assert _details_hit(s) == 0
        assert stats2["jobpipe/details_reused"] == 3
        assert stats2["jobpipe/boards_listed"] == {"acme": 3}
        # day 3: job 2 edited, job 3 gone, job 4 new
        _serve(s, "acme", [jobs[0], _job(2, "2026-11-03T00:00:00Z"), _job(4)])
        third, _ = _crawl(s, ["acme"], tmp_path, 3)
        assert sorted(p for p in s.hits if p.count("/") == 5) == [
            "/v1/boards/acme/jobs/2", "/v1/boards/acme/jobs/4"]  # fmt: skip

    def payloads(records: list[dict]) -> dict[str, dict]:
        return {r["source_job_id"]: r["payload"] for r in records if r["record_type"] == "posting"}

    p1, p2, p3 = payloads(first), payloads(second), payloads(third)
    assert set(p2) == {"1", "2", "3"}
    for jid in p2:  # the bronze record is complete and says it reused the detail
        assert p2[jid]["detail"] == p1[jid]["detail"]
        assert p2[jid]["detail"]["pay_input_ranges"]
        assert p2[jid]["detail_reused"]["url"].endswith(f"/jobs/{jid}?pay_transparency=true")
        assert "detail_reused" not in p1[jid]
    assert set(p3) == {"1", "2", "4"}
    assert "detail_reused" in p3["1"] and "detail_reused" not in p3["2"]
    assert p3["2"]["detail"]["updated_at"] == "2026-11-03T00:00:00Z"
    state = load_state(state_file(tmp_path / "state", "greenhouse", "acme"))
    assert sorted(state["jobs"]) == ["1", "2", "4"]  # the vanished job left the state


@pytest.mark.slow
def test_conditional_list_request_and_failed_details(tmp_path: Path) -> None:
    jobs = [_job(i) for i in (1, 2)]
    with StubServer() as s:
        _serve(s, "etag", jobs, etag='"v1"')
        _serve(s, "dated", jobs, last_modified="Sun, 01 Nov 2026 00:00:00 GMT")
        _serve(s, "flaky", jobs)
        s.route("/v1/boards/flaky/jobs/2", Canned(404, b"{}"), Canned(200, _detail(jobs[1])))
        _crawl(s, ["etag", "dated", "flaky"], tmp_path, 1)
        assert s.hits["/v1/boards/flaky/jobs/2"] == 1
        records, stats = _crawl(s, ["etag", "dated", "flaky"], tmp_path, 2)
        sent = {p: h for m, p, h in s.requests if p.endswith("/jobs")}
    assert sent["/v1/boards/etag/jobs"].get("If-None-Match") == '"v1"'
    assert sent["/v1/boards/dated/jobs"].get("If-Modified-Since").startswith("Sun, 01 Nov")
    assert "If-None-Match" not in sent["/v1/boards/flaky/jobs"]
    assert stats["jobpipe/lists_not_modified"] == 2
    assert stats["downloader/response_status_count/304"] == 2
    # the failed detail is fetched again; the one that worked is reused
    assert s.hits["/v1/boards/flaky/jobs/2"] == 1 and s.hits["/v1/boards/flaky/jobs/1"] == 0
    postings = [r for r in records if r["record_type"] == "posting"]
    assert sorted((r["board"], r["source_job_id"]) for r in postings) == [
        ("dated", "1"), ("dated", "2"), ("etag", "1"), ("etag", "2"), ("flaky", "1"),
        ("flaky", "2")]  # fmt: skip
    assert all(r["payload"]["detail"]["pay_input_ranges"] for r in postings)


def test_unreadable_state_means_a_full_crawl(tmp_path: Path) -> None:
    from spiders.incremental import IncrementalTracker

    path = state_file(tmp_path, "greenhouse", "acme")
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    tracker = IncrementalTracker(tmp_path, "greenhouse")
    assert tracker.reusable("acme", "1", "v") is None
    assert tracker.list_headers("acme", "http://x/v1/boards/acme/jobs") == {}
