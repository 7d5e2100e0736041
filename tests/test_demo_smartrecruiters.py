"""The SmartRecruiters renderer: recorded key sets, paging, unknown company, detail sections."""

from __future__ import annotations

from demo_shapes import DAY, common_keys, recorded_objects

from jobpipe.demo import Market
from jobpipe.demo import smartrecruiters as demo


def test_list_and_detail_have_the_recorded_keys() -> None:
    listed = recorded_objects("smartrecruiters", "postings*.json", lambda d: d["content"][0])
    detail = recorded_objects("smartrecruiters", "posting-detail*.json", lambda d: d)
    market = Market(seed=7, boards=2, jobs_per_board=20)
    board = market.board_tokens()[0]
    page = demo.postings_list(market, board, DAY)
    assert common_keys(listed) <= set(page["content"][0])
    one = demo.posting_detail(market, board, page["content"][0]["id"], DAY)
    assert one is not None and common_keys(detail) <= set(one)
    assert set(one["jobAd"]["sections"]) == {
        "companyDescription", "jobDescription", "qualifications", "additionalInformation"
    }  # fmt: skip
    assert page["content"][0]["location"]["country"].islower()


def test_paging_and_an_unknown_company() -> None:
    market = Market(seed=7, boards=2, jobs_per_board=20)
    board = market.board_tokens()[0]
    n = len(market.postings(board, DAY))
    pages = [demo.postings_list(market, board, DAY, offset, 5) for offset in range(0, n, 5)]
    assert {p["totalFound"] for p in pages} == {n}
    assert sum(len(p["content"]) for p in pages) == n
    assert demo.postings_list(market, "NoSuchCo", DAY) == {
        "offset": 0, "limit": 100, "totalFound": 0, "content": []
    }  # fmt: skip
    assert demo.posting_detail(market, board, "744000000000001", DAY) is None
