"""Recruitee spider against the demo board in Recruitee's offers format."""

from __future__ import annotations

from pathlib import Path

import pytest
from spider_harness import DAY, by_board, crawl, demo_base_url, errors, postings, replay, truth

from jobpipe.demo import DemoBoardServer, Market
from spiders.extract import recruitee

pytestmark = pytest.mark.slow


def test_offers_land_with_string_pay_and_utc_timestamps(tmp_path: Path) -> None:
    market = Market(seed=14, boards=3, jobs_per_board=12)
    a, b, c = market.board_tokens()
    with DemoBoardServer(market, faults={c: "error_500_once"}) as server:
        base = demo_base_url(server, "recruitee")
        assert "{board}" in base  # one host per company in production
        records, stats = crawl("recruitee", [a, b, c, "nobody"], base, tmp_path)
    assert by_board(records) == {t: len(market.postings(t, DAY)) for t in (a, b, c)}
    assert errors(records) == {"nobody": {"http_404"}}
    assert stats["retry/count"] >= 1  # the 500 was retried, then the board landed
    expected = truth(market, a, lambda p: p.job_id)
    paid = 0
    for record in postings(records):
        if record["board"] != a:
            continue
        item = recruitee.posting_from_payload(record["payload"], a)
        posting = expected[item.source_job_id]
        assert item.posted_at_raw == posting.first_published.strftime("%Y-%m-%dT%H:%M:%SZ")
        if item.salary_structured:
            paid += 1
            assert isinstance(record["payload"]["salary"]["min"], str)
            assert item.salary_structured[0]["min"] == posting.pay.min
    assert paid > 0
    rows = replay(tmp_path / "recruitee.jsonl.gz")
    assert len(rows) == len(postings(records)) and all(r["company"] for r in rows)


def test_boards_behind_one_overridden_url_are_each_crawled_once(tmp_path: Path) -> None:
    import json

    from stubserver import Canned, StubServer

    offers = {"offers": [{"id": 1, "title": "Baker", "company_name": "Acme"}]}
    with StubServer() as s:  # a base URL without {board}: every board asks the same URL
        s.route("/api/offers/", Canned(200, json.dumps(offers).encode()))
        records, _ = crawl("recruitee", ["acme", "globex", "acme"], s.url, tmp_path)
        hits = s.hits["/api/offers/"]
    assert hits == 2  # not dropped as a duplicate request, and "acme" once
    assert by_board(records) == {"acme": 1, "globex": 1}
