"""Workday spider: POSTed list pages (limit <= 20, ``total`` only on the first page), one
detail GET per posting by ``externalPath``, failures as error records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import recorded
from spider_harness import DAY, by_board, crawl, demo_base_url, errors, postings, replay, truth
from stubserver import StubServer

from jobpipe.demo import DemoBoardServer, Market
from jobpipe.demo.homes import source_board
from jobpipe.demo.workday import external_path
from spiders.ats.workday import parse_token
from spiders.extract import workday as wd

pytestmark = pytest.mark.slow


def test_pages_past_the_first_total_and_fetches_every_detail(tmp_path: Path) -> None:
    market = Market(seed=17, boards=3, jobs_per_board=30)
    a, b, c = market.board_tokens()
    ta, tb, tc = (source_board("workday", t) for t in (a, b, c))
    with DemoBoardServer(market, faults={c: "rate_limit_429_once"}) as server:
        records, stats = crawl(
            "workday", [ta, tb, tc, f"{a}/NoSuchSite", "not-a-token"],
            demo_base_url(server, "workday"), tmp_path,
        )  # fmt: skip
        log = server.request_log
    counts = {t: len(market.postings(t.split("/")[0], DAY)) for t in (ta, tb, tc)}
    assert max(counts.values()) > 20  # at least one board needs a second page
    assert by_board(records) == counts
    assert errors(records) == {f"{a}/NoSuchSite": {"http_404"}, "not-a-token": {"bad_board_token"}}
    lists = [p for m, p, _ in log if m == "POST"]
    for token, n in counts.items():  # pages of 20 until the first page's total is reached
        retried = token == tc  # its first list request got a 429
        assert len([p for p in lists if p.endswith(f"/cxs/{token}/jobs")]) == -(-n // 20) + retried
    details = [p for m, p, s in log if m == "GET" and "/job/" in p and s == 200]
    assert len(details) == sum(counts.values())
    assert stats["retry/count"] >= 1
    expected = truth(market, a, lambda p: f"R{p.job_id}")
    for record in postings(records):
        if record["board"] != ta:
            continue
        item = wd.posting_from_payload(record["payload"], ta, request_url=record["request_url"])
        posting = expected[item.source_job_id]
        assert item.posted_at_raw == posting.first_published.date().isoformat()  # startDate
        assert item.company == posting.company and item.description_html
        assert item.url and item.url.endswith(external_path(posting))
        assert record["payload"]["list"]["postedOn"].startswith("Posted")
    assert len(replay(tmp_path / "workday.jsonl.gz")) == len(postings(records))


def test_board_tokens_and_a_later_page_reporting_total_zero(tmp_path: Path) -> None:
    assert parse_token("gdit/External_Career_Site") == ("gdit", "External_Career_Site", "wd5")
    assert parse_token("analogdevices/External@wd1") == ("analogdevices", "External", "wd1")
    with pytest.raises(ValueError):
        parse_token("just-a-tenant")
    first = json.loads(recorded("workday", "jobs-list-page0-analogdevices.json").read_text())
    later_file = recorded("workday", "jobs-list-later-page-total0-analogdevices.json")
    later = json.loads(later_file.read_text())
    first["total"] = 2 * len(first["jobPostings"]) + 1  # three pages, the last one short
    extra = {**later["jobPostings"][0], "externalPath": "/job/Somewhere/Extra-Role_R999999"}
    page3 = {**later, "jobPostings": [extra]}
    with StubServer() as s:
        records = _crawl_posts(s, tmp_path, [first, later, page3])
    assert len(postings(records)) == len(first["jobPostings"]) + len(later["jobPostings"]) + 1


def _crawl_posts(server: StubServer, tmp_path: Path, pages: list[dict]) -> list[dict]:
    """Serve ``pages`` in order to the list POSTs (details fail: listed postings are kept)."""
    import http.server

    handler = server.httpd.RequestHandlerClass
    bodies = [json.dumps(p).encode() for p in pages]

    def do_POST(self: http.server.BaseHTTPRequestHandler) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = bodies.pop(0) if bodies else b'{"total":0,"jobPostings":[]}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    handler.do_POST = do_POST  # type: ignore[attr-defined]
    records, _ = crawl("workday", ["analogdevices/External"], server.url, tmp_path)
    assert bodies == []  # exactly the three pages were asked for
    return records
