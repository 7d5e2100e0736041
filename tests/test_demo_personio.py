"""The Personio renderer: a well-formed feed the safe parser reads back."""

from __future__ import annotations

from demo_shapes import DAY

from jobpipe.demo import Market
from jobpipe.demo import personio as demo
from spiders.extract import personio


def test_feed_parses_safely_with_every_position() -> None:
    market = Market(seed=7, boards=3, jobs_per_board=20)
    for board in market.board_tokens():
        body = demo.feed(market, board, DAY)
        assert body.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<workzag-jobs>')
        positions = personio.payloads_from_list(body)
        truth = {str(p.job_id): p for p in market.postings(board, DAY)}
        assert {p["id"] for p in positions} == set(truth)
        for position in positions:
            posting = truth[position["id"]]
            assert position["name"] == posting.title and position["createdAt"]
            assert len(position["jobDescriptions"]) >= 1
            offices = [position["office"], *(position.get("additionalOffices") or [])]
            assert len(offices) <= len(posting.locations)


def test_cdata_terminators_inside_descriptions_are_split() -> None:
    assert demo._cdata("a]]>b") == "<![CDATA[a]]]]><![CDATA[>b]]>"
