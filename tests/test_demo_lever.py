"""The Lever renderer: recorded key set, skip/limit paging, text spread like Lever's."""

from __future__ import annotations

import html

import pytest
from demo_shapes import DAY, common_keys, recorded_objects

from jobpipe.demo import Market
from jobpipe.demo import lever as demo
from spiders.extract import lever


@pytest.fixture(scope="module")
def market() -> Market:
    return Market(seed=7, boards=3, jobs_per_board=20)


def test_entries_have_the_recorded_keys(market: Market) -> None:
    core = common_keys(recorded_objects("lever", "*.json", lambda d: d[0]))
    for board in market.board_tokens():
        for job in demo.postings_page(market, board, DAY):
            assert core <= set(job)
            assert isinstance(job["createdAt"], int) and job["createdAt"] > 1.7e12  # epoch ms


def test_skip_limit_pages_cover_the_board_once(market: Market) -> None:
    board = market.board_tokens()[0]
    n = len(market.postings(board, DAY))
    pages = [demo.postings_page(market, board, DAY, skip, 7) for skip in range(0, n + 7, 7)]
    ids = [job["id"] for page in pages for job in page]
    assert len(ids) == len(set(ids)) == n and pages[-1] == []


def test_text_is_spread_over_description_lists_and_additional(market: Market) -> None:
    jobs = [j for b in market.board_tokens() for j in demo.postings_page(market, b, DAY)]
    assert any(j["lists"] for j in jobs) and any(j["additional"] for j in jobs)
    for job in jobs:
        item = lever.posting_from_payload(job, "b")
        for entry in job["lists"]:  # the extractor puts every list back into the description
            assert html.escape(entry["text"], quote=False) in item.description_html
    paid = [j for j in jobs if "salaryRange" in j]
    assert paid and all(j["salaryRange"]["interval"].startswith("per-") for j in paid)
