"""Ashby spider against the demo board in Ashby's wire format: unlisted jobs, pay, failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from spider_harness import DAY, by_board, crawl, demo_base_url, errors, postings, replay, truth

from jobpipe.demo import DemoBoardServer, Market
from jobpipe.demo import ashby as demo_ashby
from spiders.extract import ashby

pytestmark = pytest.mark.slow


def test_listed_jobs_land_with_pay_and_a_failed_board_is_an_error(tmp_path: Path) -> None:
    market = Market(seed=12, boards=3, jobs_per_board=12)
    a, b, c = market.board_tokens()
    with DemoBoardServer(market, faults={c: "html_instead_of_json"}) as server:
        records, _ = crawl(
            "ashby", [a, b, c, "ghost"], demo_base_url(server, "ashby"), tmp_path,
            JOBPIPE_COMPANIES=f'{{"{a}": "{market.company_name(a)}"}}',
        )  # fmt: skip
        asked = [p for _, p, _ in server.request_log if "/posting-api/job-board/" in p]
    assert all("includeCompensation=true" in p for p in asked)
    # the demo serves one isListed:false job per board: it must not land
    assert by_board(records) == {a: len(market.postings(a, DAY)), b: len(market.postings(b, DAY))}
    assert errors(records) == {c: {"html_instead_of_json"}, "ghost": {"http_404"}}
    assert not any(r["payload"].get("isListed") is False for r in postings(records))
    expected = truth(market, a, lambda p: demo_ashby.job_id(market, p))
    structured = 0
    for record in postings(records):
        item = ashby.posting_from_payload(record["payload"], record["board"])
        if record["board"] != a:
            continue
        posting = expected[item.source_job_id]
        assert (
            item.workplace_type_raw
            == {"remote": "Remote", "hybrid": "Hybrid", "onsite": "OnSite"}[posting.workplace_type]
        )
        assert len(item.location_raw) >= 1 and item.posted_at_raw
        if posting.pay_structured and posting.pay and posting.pay.min:
            structured += 1
            base = [s for s in item.salary_structured if s["kind"] == "base"]
            assert base and base[0]["min"] == posting.pay.min
            assert base[0]["currency"] == posting.pay.currency
    assert structured > 0
    rows = replay(tmp_path / "ashby.jsonl.gz")
    companies = {r["board"]: r["company"] for r in rows}
    assert companies[a] == market.company_name(a)  # named by the registry (company_hint)
    assert companies[b] is None  # Ashby itself names no company
