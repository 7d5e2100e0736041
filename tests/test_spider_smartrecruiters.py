"""SmartRecruiters spider: list pages then one detail per posting; an unknown company (200 with
totalFound 0) and a failed detail are recorded, never silently skipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import recorded
from spider_harness import DAY, by_board, crawl, demo_base_url, errors, postings, replay, truth
from stubserver import Canned, StubServer

from jobpipe.demo import DemoBoardServer, Market
from jobpipe.demo import smartrecruiters as demo_sr
from spiders.extract import smartrecruiters as sr

pytestmark = pytest.mark.slow


def test_pages_and_details_land_and_an_unknown_company_is_flagged(tmp_path: Path) -> None:
    market = Market(seed=16, boards=3, jobs_per_board=12)
    a, b, c = market.board_tokens()
    with DemoBoardServer(market, faults={c: "not_found"}) as server:
        records, _ = crawl(
            "smartrecruiters", [a, b, c, "NoSuchCompany"], demo_base_url(server, "smartrecruiters"),
            tmp_path, args={"page_limit": "5"},
        )  # fmt: skip
        log = [p for _, p, _ in server.request_log]
    assert by_board(records) == {a: len(market.postings(a, DAY)), b: len(market.postings(b, DAY))}
    assert errors(records) == {c: {"http_404"}, "NoSuchCompany": {"empty_board"}}
    for board in (a, b):
        n = len(market.postings(board, DAY))
        pages = [p for p in log if f"/companies/{board}/postings?" in p]
        assert len(pages) == -(-n // 5)  # totalFound stops paging after the last full page
        assert sum(f"/companies/{board}/postings/" in p for p in log) == n  # one detail each
    expected = truth(market, a, demo_sr.posting_id)
    for record in postings(records):
        if record["board"] != a:
            continue
        assert record["payload"]["detail"] is not None
        item = sr.posting_from_payload(record["payload"], a)
        posting = expected[item.source_job_id]
        assert item.title == posting.title and item.company == posting.company
        assert item.description_html and "<h3>Job Description</h3>" in item.description_html
        country = posting.locations[0].country_code
        assert record["payload"]["list"]["location"]["country"] == (country.lower() or None)
    assert len(replay(tmp_path / "smartrecruiters.jsonl.gz")) == len(postings(records))


def test_a_failed_detail_keeps_the_listed_posting(tmp_path: Path) -> None:
    listing = json.loads(recorded("smartrecruiters", "postings-list-hirevue.json").read_text())
    detail = recorded("smartrecruiters", "posting-detail-hirevue.json").read_bytes()
    ids = [p["id"] for p in listing["content"]]
    with StubServer() as s:
        s.route("/v1/companies/HireVue/postings", Canned(200, json.dumps(listing).encode()))
        s.route(f"/v1/companies/HireVue/postings/{ids[0]}", Canned(200, detail))
        s.route(f"/v1/companies/HireVue/postings/{ids[1]}", Canned(200, b"<html>down</html>"))
        # the other details are not routed: 404
        records, _ = crawl("smartrecruiters", ["HireVue"], s.url, tmp_path)
    found = {r["source_job_id"]: r for r in postings(records)}
    assert set(found) == set(ids)  # every listed posting landed
    assert found[ids[0]]["payload"]["detail"]["jobAd"]
    assert all(found[i]["payload"]["detail"] is None for i in ids[2:])
    reasons = [(r["source_job_id"], r["reason"]) for r in records if r["record_type"] == "error"]
    assert (ids[1], "detail_html_instead_of_json") in reasons
    assert sorted(i for i, reason in reasons if reason == "http_404") == sorted(ids[2:])
    assert len(replay(tmp_path / "smartrecruiters.jsonl.gz")) == len(ids)


def test_a_server_ignoring_the_offset_stops_paging_with_an_error(tmp_path: Path) -> None:
    entries = [{"id": str(744000000000001 + i), "name": f"Job {i}"} for i in range(2)]
    page = {"offset": 0, "limit": 2, "totalFound": 50, "content": entries}
    with StubServer() as s:  # answers the same page whatever the offset
        s.route("/v1/companies/Loop/postings", Canned(200, json.dumps(page).encode()))
        records, _ = crawl(
            "smartrecruiters", ["Loop"], s.url, tmp_path,
            args={"page_limit": "2", "details": "false"},
        )  # fmt: skip
        hits = s.hits["/v1/companies/Loop/postings"]
    assert hits == 2 and len(postings(records)) == 2
    assert errors(records) == {"Loop": {"paging_loop"}}
