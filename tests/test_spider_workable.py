"""Workable spider against the demo board in Workable's widget format: one posting per
shortcode with every location, and failures as error records."""

from __future__ import annotations

from pathlib import Path

import pytest
from spider_harness import DAY, by_board, crawl, demo_base_url, errors, postings, replay, truth

from jobpipe.demo import DemoBoardServer, Market
from jobpipe.demo.workable import shortcode
from spiders.extract import workable

pytestmark = pytest.mark.slow


def test_jobs_repeated_per_location_become_one_posting(tmp_path: Path) -> None:
    market = Market(seed=13, boards=3, jobs_per_board=15)
    a, b, c = market.board_tokens()
    with DemoBoardServer(market, faults={c: "truncated_json"}) as server:
        records, _ = crawl("workable", [a, b, c], demo_base_url(server, "workable"), tmp_path)
    assert by_board(records) == {a: len(market.postings(a, DAY)), b: len(market.postings(b, DAY))}
    assert errors(records) == {c: {"invalid_json"}}
    code = lambda p: shortcode(market, p)  # noqa: E731
    expected = {**truth(market, a, code), **truth(market, b, code)}
    multi = 0
    for record in postings(records):
        item = workable.posting_from_payload(record["payload"], record["board"])
        posting = expected[item.source_job_id]
        assert len(item.location_raw) == len(posting.locations)
        assert record["payload"]["duplicates"] == len(posting.locations) - 1
        multi += len(posting.locations) > 1
        assert item.company == posting.company and item.description_html
    assert multi > 0  # the market has multi-location postings: the merge was exercised
    rows = replay(tmp_path / "workable.jsonl.gz")
    assert len(rows) == len(postings(records))
