"""Routing of the non-Greenhouse wire formats: methods, day prefixes, unknown boards, faults."""

from __future__ import annotations

from datetime import date

import orjson
import pytest

from jobpipe.demo import Market
from jobpipe.demo.homes import base_urls
from jobpipe.demo.server import DemoApp

DAY = date(2026, 11, 1)


@pytest.fixture(scope="module")
def market() -> Market:
    return Market(seed=3, boards=3, jobs_per_board=8)


def test_methods_days_and_unknown_boards(market: Market) -> None:
    app = DemoApp(market, default_day=DAY)
    board = market.board_tokens()[0]
    body = orjson.dumps({"appliedFacets": {}, "limit": 20, "offset": 0, "searchText": ""})
    from jobpipe.demo.workday import site_for

    jobs = f"/d/{DAY}/wday/cxs/{board}/{site_for(board)}/jobs"
    assert app.handle(jobs, "POST", body).status == 200
    assert app.handle(jobs, "GET").status == 405  # Workday lists only answer POST
    assert app.handle(f"/d/{DAY}/v0/postings/{board}?mode=json", "POST").status == 405
    assert app.handle(f"/d/2026-13-01/v0/postings/{board}?mode=json").status == 400
    undated = app.handle(f"/v0/postings/{board}?mode=json")  # the server's default day
    assert orjson.loads(undated.body) == orjson.loads(
        app.handle(f"/d/{DAY}/v0/postings/{board}?mode=json").body
    )
    unknown = {
        "/v0/postings/nope?mode=json": 404,
        "/posting-api/job-board/nope": 404,
        "/api/v1/widget/accounts/nope": 404,
        "/recruitee/nope/api/offers/": 404,
        "/personio/nope/xml": 404,
        "/careers/nope/sitemap.xml": 404,
        "/v1/companies/nope/postings": 200,  # SmartRecruiters: empty, not an error
    }
    for path, status in unknown.items():
        assert app.handle(f"/d/{DAY}{path}").status == status, path


def test_board_faults_apply_in_every_format(market: Market) -> None:
    a, b, c = market.board_tokens()
    app = DemoApp(market, DAY, {a: "not_found", b: "truncated_json", c: "rate_limit_429_once"})
    paths = ("/v0/postings/{}?mode=json", "/api/v1/widget/accounts/{}", "/recruitee/{}/api/offers/")
    for path in paths:
        assert app.handle(path.format(a)).status == 404
        cut = app.handle(path.format(b))
        assert cut.status == 200
        with pytest.raises(orjson.JSONDecodeError):
            orjson.loads(cut.body)
    first = app.handle(f"/posting-api/job-board/{c}")
    assert first.status == 429 and first.headers == {"Retry-After": "1"}
    assert app.handle(f"/posting-api/job-board/{c}").status == 200


def test_base_urls_cover_every_source() -> None:
    urls = base_urls("http://127.0.0.1:8765/")
    assert urls["lever"] == "http://127.0.0.1:8765/d/{date}"
    assert urls["recruitee"].endswith("/recruitee/{board}")
    assert len(urls) == 9
