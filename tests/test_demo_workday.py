"""The Workday renderer: recorded key sets, limit cap, ``total`` only on the first page."""

from __future__ import annotations

from demo_shapes import DAY, common_keys, recorded_objects

from jobpipe.demo import Market
from jobpipe.demo import workday as demo


def test_pages_details_and_the_limit_cap() -> None:
    listed = recorded_objects("workday", "jobs-*.json", lambda d: d["jobPostings"][0])
    detail = recorded_objects("workday", "job-detail*.json", lambda d: d["jobPostingInfo"])
    market = Market(seed=7, boards=2, jobs_per_board=30)
    board = market.board_tokens()[0]
    n = len(market.postings(board, DAY))
    assert n > 20
    offsets = range(0, n, 20)
    pages = [demo.jobs_page(market, board, DAY, {"limit": 20, "offset": o}) for o in offsets]
    first = pages[0][1]
    assert {status for status, _ in pages} == {200}
    assert first["total"] == n and {p["total"] for _, p in pages[1:]} == {0}
    assert sum(len(p["jobPostings"]) for _, p in pages) == n
    assert demo.jobs_page(market, board, DAY, {"limit": 50, "offset": 0})[0] == 400
    assert demo.jobs_page(market, board, DAY, "not a dict")[0] == 400
    entry = first["jobPostings"][0]
    assert common_keys(listed) <= set(entry)
    site = demo.site_for(board)
    one = demo.job_detail(market, board, site, entry["externalPath"], DAY)
    assert one is not None and common_keys(detail) <= set(one["jobPostingInfo"])
    assert one["hiringOrganization"]["name"] == market.company_name(board)
    assert demo.job_detail(market, board, site, "/job/x/Nope_R1", DAY) is None
