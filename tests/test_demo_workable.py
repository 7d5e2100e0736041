"""The Workable renderer: recorded key set; a multi-location job repeats its shortcode."""

from __future__ import annotations

from collections import Counter

from demo_shapes import DAY, common_keys, recorded_objects

from jobpipe.demo import Market
from jobpipe.demo import workable as demo


def test_jobs_repeat_per_location_with_the_recorded_keys() -> None:
    core = common_keys(recorded_objects("workable", "*.json", lambda d: d["jobs"][0]))
    market = Market(seed=7, boards=4, jobs_per_board=20)
    repeated = 0
    for board in market.board_tokens():
        body = demo.account(market, board, DAY)
        assert body["name"] == market.company_name(board)
        codes = Counter(j["shortcode"] for j in body["jobs"])
        assert len(codes) == len(market.postings(board, DAY))
        for posting in market.postings(board, DAY):
            assert codes[demo.shortcode(market, posting)] == len(posting.locations)
        repeated += sum(n > 1 for n in codes.values())
        assert all(core <= set(j) and len(j["locations"]) == 1 for j in body["jobs"])
    assert repeated > 0
