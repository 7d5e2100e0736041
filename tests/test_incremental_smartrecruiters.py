"""Re-crawling an unchanged SmartRecruiters board makes no detail requests; changed list
entries and new postings are fetched; the board crawl log learns every board's listing."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from spider_harness import DAY, crawl, demo_base_url, postings, replay
from stubserver import Canned, StubServer

from jobpipe.board_log import board_rows, count_bronze
from jobpipe.demo import DemoBoardServer, Market
from jobpipe.demo import smartrecruiters as demo_sr
from jobpipe.registry import BoardRef
from spiders.incremental import load_state, state_file

pytestmark = pytest.mark.slow

LATER = DAY + timedelta(days=7)  #: by then the demo market has new postings and title edits
FETCH_FIELDS = {"scraped_at"}  #: when each crawl fetched: the only normalized difference


def _crawl(server: DemoBoardServer, boards: list[str], tmp: Path, n: int, day: Any) -> tuple:
    out = tmp / f"crawl-{n}"
    out.mkdir()
    start = len(server.request_log)
    records, stats = crawl(
        "smartrecruiters", boards, demo_base_url(server, "smartrecruiters", day), out,
        args={"page_limit": "5"}, JOBPIPE_STATE_DIR=str(tmp / "state"),
    )  # fmt: skip
    details = [p for _, p, _ in server.request_log[start:] if "/postings/" in p]
    return records, stats, details, out / "smartrecruiters.jsonl.gz"


def _rows(bronze: Path, day: Any) -> dict[str, dict]:
    rows = replay(bronze, day)
    return {r["source_job_id"]: {k: v for k, v in r.items() if k not in FETCH_FIELDS} for r in rows}


def test_recrawl_reuses_details_and_fetches_what_changed(tmp_path: Path) -> None:
    market = Market(seed=16, boards=2, jobs_per_board=12)
    a, b = market.board_tokens()
    boards = [a, b, "NoSuchCompany"]
    n = {t: len(market.postings(t, DAY)) for t in (a, b)}
    with DemoBoardServer(market) as server:
        first, stats1, details1, bronze1 = _crawl(server, boards, tmp_path, 1, DAY)
        second, stats2, details2, bronze2 = _crawl(server, boards, tmp_path, 2, DAY)
        third, stats3, details3, _ = _crawl(server, boards, tmp_path, 3, LATER)

    assert len(details1) == stats1["jobpipe/details_requested"] == sum(n.values())
    # the same day again: not one detail request, every posting complete from the state
    assert details2 == [] and "jobpipe/details_requested" not in stats2
    assert stats2["jobpipe/details_reused"] == sum(n.values())
    for stats in (stats1, stats2):  # the board crawl log believes the listings
        assert stats["jobpipe/boards_listed"] == n
        assert stats["jobpipe/boards_failed"] == {"NoSuchCompany": "empty_board"}
    p1 = {r["source_job_id"]: r for r in postings(first)}
    p2 = {r["source_job_id"]: r for r in postings(second)}
    assert set(p1) == set(p2) and len(p1) == sum(n.values())
    for jid, record in p2.items():
        assert record["payload"]["detail_reused"]["url"].endswith(f"/postings/{jid}")
        assert record["payload"]["detail"] == p1[jid]["payload"]["detail"]
        assert record["payload"]["list"] == p1[jid]["payload"]["list"]
        assert record["payload"]["detail"]["jobAd"]["sections"]
        assert "detail_reused" not in p1[jid]["payload"]
    assert _rows(bronze2, DAY) == _rows(bronze1, DAY)  # the normalized postings are equal
    refs = [BoardRef("smartrecruiters", t) for t in boards]
    log = {r["board"]: r for r in board_rows(refs, DAY, count_bronze([bronze2]), stats2)}
    assert [(log[t]["success"], log[t]["listed_ids"], log[t]["details_reused"]) for t in (a, b)] \
        == [(True, n[a], n[a]), (True, n[b], n[b])]  # fmt: skip
    assert log["NoSuchCompany"]["error_reason"] == "empty_board"

    # a week later: exactly the new postings and those whose list entry changed are fetched
    expected: set[str] = set()
    changed = 0
    for token in (a, b):
        before = {p.job_id: demo_sr.list_entry(market, p) for p in market.postings(token, DAY)}
        for posting in market.postings(token, LATER):
            old = before.get(posting.job_id)
            if old != demo_sr.list_entry(market, posting):
                expected.add(f"/postings/{demo_sr.posting_id(posting)}")
                changed += old is not None
    assert changed >= 1 and len(expected) > changed  # edits and new postings both occur
    assert {"/postings/" + p.rsplit("/postings/", 1)[1] for p in details3} == expected
    assert len(details3) == stats3["jobpipe/details_requested"] == len(expected)
    p3 = postings(third)
    assert sum("detail_reused" in r["payload"] for r in p3) == len(p3) - len(expected)
    assert all(r["payload"]["detail"] for r in p3)
    state = load_state(state_file(tmp_path / "state", "smartrecruiters", a))
    assert sorted(state["jobs"]) == sorted(
        demo_sr.posting_id(p) for p in market.postings(a, LATER)
    )  # closed postings left the state


def _entry(i: int) -> dict:
    return {"id": str(744000000000000 + i), "name": f"Job {i}", "releasedDate": "2026-11-01Z",
            "company": {"identifier": "Acme", "name": "Acme"}}  # fmt: skip


def test_failed_details_are_fetched_again_and_a_failed_list_keeps_the_state(
    tmp_path: Path,
) -> None:
    entries = [_entry(i) for i in (1, 2, 3)]
    page = json.dumps({"offset": 0, "limit": 100, "totalFound": 3, "content": entries}).encode()
    base = "/v1/companies/Acme/postings"
    detail = {e["id"]: json.dumps({**e, "jobAd": {"sections": {}}}).encode() for e in entries}
    one, two, three = (f"{base}/{e['id']}" for e in entries)
    path = state_file(tmp_path / "state", "smartrecruiters", "Acme")

    def run(n: int) -> tuple[list[dict], dict]:
        out = tmp_path / f"stub-{n}"
        out.mkdir()
        s.hits.clear()
        return crawl(
            "smartrecruiters", ["Acme"], s.url, out, JOBPIPE_STATE_DIR=str(path.parents[1])
        )

    with StubServer() as s:
        s.route(base, Canned(200, page), Canned(200, page), Canned(500, b"down"))
        s.route(one, Canned(200, detail[entries[0]["id"]]))
        s.route(two, Canned(404, b"{}"), Canned(200, detail[entries[1]["id"]]))
        s.route(three, Canned(200, b"<html>busy</html>"), Canned(200, detail[entries[2]["id"]]))
        records1, stats1 = run(1)
        assert (s.hits[one], s.hits[two], s.hits[three]) == (1, 1, 1)
        assert stats1["jobpipe/boards_listed"] == {"Acme": 3}
        records2, stats2 = run(2)
        assert (s.hits[one], s.hits[two], s.hits[three]) == (0, 1, 1)  # only what failed
        assert stats2["jobpipe/details_reused"] == 1
        saved = load_state(path)
        records3, stats3 = run(3)  # the list fails (500, retried once): nothing else is asked
        assert s.hits[base] == 2 and sum(n for p, n in s.hits.items() if "/postings" in p) == 2
    assert len(postings(records1)) == len(postings(records2)) == 3
    assert all(r["payload"]["detail"] for r in postings(records2))
    assert stats3["jobpipe/boards_failed"] == {"Acme": "http_500"} and not postings(records3)
    assert sorted(saved["jobs"]) == [e["id"] for e in entries]
    assert load_state(path) == saved  # the failed crawl left the board's state as it was
