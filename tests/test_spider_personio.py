"""Personio spider against the demo board's XML feed; bad feeds become error records."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES
from spider_harness import DAY, by_board, crawl, demo_base_url, errors, postings, replay, truth
from stubserver import Canned, StubServer

from jobpipe.demo import DemoBoardServer, Market
from spiders.extract import personio

pytestmark = pytest.mark.slow
XML = {"Content-Type": "application/xml"}


def test_positions_land_and_a_missing_company_is_an_error(tmp_path: Path) -> None:
    market = Market(seed=15, boards=2, jobs_per_board=12)
    a, b = market.board_tokens()
    with DemoBoardServer(market, faults={b: "html_instead_of_json"}) as server:
        records, _ = crawl("personio", [a, b, "nobody"], demo_base_url(server, "personio"),
                           tmp_path)  # fmt: skip
    assert by_board(records) == {a: len(market.postings(a, DAY))}
    assert errors(records) == {b: {"html_instead_of_xml"}, "nobody": {"http_404"}}
    expected = truth(market, a, lambda p: p.job_id)
    for record in postings(records):
        item = personio.posting_from_payload(record["payload"], a)
        posting = expected[item.source_job_id]
        assert item.url == f"https://{a}.jobs.personio.de/job/{posting.job_id}"
        assert item.company == posting.company and item.description_html
        assert item.location_raw[0] == (posting.locations[0].city or "Remote")
    assert len(replay(tmp_path / "personio.jsonl.gz")) == len(postings(records))


def test_unsafe_and_broken_feeds_are_refused_with_reasons(tmp_path: Path) -> None:
    with StubServer() as s:
        for name in ("billion-laughs", "external-entity", "malformed"):
            body = (FIXTURES / "personio" / f"{name}.xml").read_bytes()
            s.route(f"/{name}/xml", Canned(200, body, XML))
        records, _ = crawl(
            "personio", ["billion-laughs", "external-entity", "malformed"],
            f"{s.url}/{{board}}", tmp_path,
        )  # fmt: skip
    assert postings(records) == []
    assert errors(records) == {
        "billion-laughs": {"unsafe_xml"},
        "external-entity": {"unsafe_xml"},
        "malformed": {"invalid_xml"},
    }
