"""The Ashby renderer: recorded key set, one unlisted job, compensation tiers."""

from __future__ import annotations

from demo_shapes import DAY, common_keys, recorded_objects

from jobpipe.demo import Market
from jobpipe.demo import ashby as demo
from spiders.extract import ashby


def test_jobs_have_the_recorded_keys_and_one_is_unlisted() -> None:
    core = common_keys(recorded_objects("ashby", "*.json", lambda d: d["jobs"][0]))
    market = Market(seed=7, boards=3, jobs_per_board=20)
    for board in market.board_tokens():
        body = demo.job_board(market, board, DAY)
        assert body["apiVersion"] == "1"
        assert sum(j["isListed"] is False for j in body["jobs"]) == 1
        listed = ashby.payloads_from_list(__import__("orjson").dumps(body))
        assert len(listed) == len(market.postings(board, DAY))
        for job in listed:
            assert core <= set(job)


def test_compensation_only_when_asked_and_read_back_by_the_extractor() -> None:
    market = Market(seed=7, boards=3, jobs_per_board=20)
    board = market.board_tokens()[0]
    assert all("compensation" not in j for j in demo.job_board(market, board, DAY, False)["jobs"])
    for posting in market.postings(board, DAY):
        item = ashby.posting_from_payload(demo.job_json(market, posting), board)
        base = [s for s in item.salary_structured if s["kind"] == "base"]
        if posting.pay_structured and posting.pay and posting.pay.min:
            assert base[0]["min"] == posting.pay.min and base[0]["period"] == posting.pay.period
        else:
            assert base == []
