"""Lever spider against the demo board in Lever's wire format: paging, fields, failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from spider_harness import DAY, by_board, crawl, demo_base_url, errors, postings, replay, truth

from jobpipe.demo import DemoBoardServer, Market
from jobpipe.demo import lever as demo_lever
from spiders.ats.lever import LeverSpider
from spiders.extract import lever

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def market() -> Market:
    return Market(seed=11, boards=3, jobs_per_board=12)


def test_pages_until_a_short_page_and_every_posting_lands(tmp_path: Path, market: Market) -> None:
    a, b, c = market.board_tokens()
    with DemoBoardServer(market, faults={c: "not_found"}) as server:
        records, stats = crawl(
            "lever", [a, b, c, "no-such-site"], demo_base_url(server, "lever"), tmp_path,
            args={"page_limit": "5"},
        )  # fmt: skip
        lists = [p for m, p, _ in server.request_log if "/v0/postings/" in p]
    assert by_board(records) == {a: len(market.postings(a, DAY)), b: len(market.postings(b, DAY))}
    assert errors(records) == {c: {"http_404"}, "no-such-site": {"http_404"}}
    # skip/limit paging: ceil((n + 1) / 5) pages per board (the last one short or empty)
    for board in (a, b):
        n = len(market.postings(board, DAY))
        pages = [p for p in lists if f"/v0/postings/{board}?" in p]
        assert len(pages) == n // 5 + 1
        assert f"skip={5 * (n // 5)}&limit=5" in pages[-1]
    assert stats["finish_reason"] == "finished"
    expected = truth(market, a, lambda p: demo_lever.posting_id(market, p))
    for record in postings(records):
        if record["board"] != a:
            continue
        item = lever.posting_from_payload(record["payload"], a)
        posting = expected[item.source_job_id]
        assert item.location_raw[0] == posting.locations[0].raw
        assert item.posted_at_raw and item.posted_at_raw.startswith(
            posting.first_published.strftime("%Y-%m-%dT%H:%M")
        )
        assert item.description_html and item.url and item.url.startswith("https://jobs.lever.co/")
    rows = replay(tmp_path / "lever.jsonl.gz")
    assert len(rows) == len(postings(records))
    assert all(r["title"] and r["description_text"] and r["posted_at"] for r in rows)


def test_eu_boards_use_the_eu_host_unless_the_base_url_is_overridden() -> None:
    spider = LeverSpider(boards="acme@eu,globex")
    assert spider.root_for("acme@eu") == ("acme", lever.EU_BASE_URL)
    assert spider.root_for("globex") == ("globex", lever.DEFAULT_BASE_URL)
    local = LeverSpider(boards="acme@eu", base_url="http://127.0.0.1:9/")
    assert local.root_for("acme@eu") == ("acme", "http://127.0.0.1:9")


def test_a_server_ignoring_skip_stops_paging_with_an_error(tmp_path: Path) -> None:
    import json

    from stubserver import Canned, StubServer

    jobs = [{"id": f"id-{i}", "text": f"Job {i}", "createdAt": 1780000000000} for i in range(2)]
    with StubServer() as s:  # answers the same page whatever the skip
        s.route("/v0/postings/loop", Canned(200, json.dumps(jobs).encode()))
        records, _ = crawl("lever", ["loop"], s.url, tmp_path, args={"page_limit": "2"})
        hits = s.hits["/v0/postings/loop"]
    assert hits == 2 and len(postings(records)) == 2
    assert errors(records) == {"loop": {"paging_loop"}}
