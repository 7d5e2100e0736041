"""The demo board HTTP server: routes, day prefixes, fault injection, concurrency, shutdown."""

from __future__ import annotations

import json
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from jobpipe.demo import DemoBoardServer, Market
from jobpipe.demo import server as server_mod

DAY = date(2026, 4, 20)
FAULTS = sorted(server_mod.FAULT_KINDS)


class Reply:
    def __init__(self, status: int, headers: Any, body: bytes) -> None:
        self.status, self.headers, self.body = status, headers, body

    def json(self) -> Any:
        return json.loads(self.body)


def fetch(url: str, method: str = "GET") -> Reply:
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return Reply(r.status, r.headers, r.read())
    except urllib.error.HTTPError as e:
        with e:
            return Reply(e.code, e.headers, e.read())


@pytest.fixture(scope="module")
def market() -> Market:
    return Market(seed=13, boards=12, jobs_per_board=8)


@pytest.fixture(scope="module")
def fault_boards(market: Market) -> dict[str, str]:
    """fault kind -> a board that has postings on DAY (first board stays clean)."""
    busy = [b for b in market.board_tokens()[1:] if len(market.postings(b, DAY)) >= 2]
    assert len(busy) >= len(FAULTS)
    return dict(zip(FAULTS, busy, strict=False))


@pytest.fixture(scope="module")
def clean(market: Market) -> str:
    return market.board_tokens()[0]


@pytest.fixture(scope="module")
def server(market: Market, fault_boards: dict[str, str]) -> Iterator[DemoBoardServer]:
    faults = {board: kind for kind, board in fault_boards.items()}
    with DemoBoardServer(market, default_day=DAY, faults=faults) as srv:
        yield srv


def _list_url(srv: DemoBoardServer, board: str, day: date = DAY, query: str = "") -> str:
    return f"{srv.base_url_for(day)}/v1/boards/{board}/jobs{query}"


# -- routes ----------------------------------------------------------------------------------------


def test_robots_txt(server: DemoBoardServer) -> None:
    r = fetch(server.url + "/robots.txt")
    text = r.body.decode()
    assert r.status == 200 and r.headers["Content-Type"].startswith("text/plain")
    assert "User-agent: *" in text and "Allow: /v1/" in text and "Disallow: /private/" in text


def test_list_and_detail(server: DemoBoardServer, market: Market, clean: str) -> None:
    r = fetch(_list_url(server, clean))
    assert r.status == 200
    assert r.headers["Content-Type"] == "application/json; charset=utf-8"
    assert int(r.headers["Content-Length"]) == len(r.body)
    body = r.json()
    truth = market.postings(clean, DAY)
    assert [j["id"] for j in body["jobs"]] == [p.job_id for p in truth]
    assert body["meta"]["total"] == len(truth) and "content" not in body["jobs"][0]

    full = fetch(_list_url(server, clean, query="?content=true")).json()
    assert all("content" in j and "offices" in j for j in full["jobs"])

    job = truth[0]
    detail = fetch(f"{server.base_url_for(DAY)}/v1/boards/{clean}/jobs/{job.job_id}").json()
    assert detail["id"] == job.job_id and "pay_input_ranges" not in detail
    detail = fetch(
        f"{server.base_url_for(DAY)}/v1/boards/{clean}/jobs/{job.job_id}?pay_transparency=true"
    ).json()
    assert isinstance(detail["pay_input_ranges"], list)


def test_day_prefix_selects_the_market_day(server: DemoBoardServer, clean: str) -> None:
    ids = [
        {j["id"] for j in fetch(_list_url(server, clean, DAY + timedelta(d))).json()["jobs"]}
        for d in (0, 1, 30)
    ]
    assert ids[0] and ids[2] and ids[0] != ids[2]
    # without a prefix: the server's default day
    plain = fetch(f"{server.url}/v1/boards/{clean}/jobs").json()
    assert {j["id"] for j in plain["jobs"]} == ids[0]


def test_default_day_is_today_when_unset(market: Market, clean: str) -> None:
    with DemoBoardServer(market) as srv:
        body = fetch(f"{srv.url}/v1/boards/{clean}/jobs").json()
    today = datetime.now(UTC).date()
    assert [j["id"] for j in body["jobs"]] == [p.job_id for p in market.postings(clean, today)]


def test_boards_json(server: DemoBoardServer, market: Market) -> None:
    rows = fetch(server.base_url_for(DAY) + "/boards.json").json()
    assert [r["board"] for r in rows] == market.board_tokens()
    from jobpipe.demo.homes import SOURCES

    # home formats go round-robin over every source, Greenhouse first
    assert [r["ats"] for r in rows] == [SOURCES[i % len(SOURCES)] for i in range(len(rows))]
    assert all(r["company"] for r in rows)
    workday = next(r for r in rows if r["ats"] == "workday")
    assert workday["source_board"].startswith(workday["board"] + "/")


def test_not_found_and_bad_requests(server: DemoBoardServer, market: Market, clean: str) -> None:
    base = server.base_url_for(DAY)
    job = market.postings(clean, DAY)[0]
    cases = {
        f"{base}/v1/boards/no-such-board/jobs": 404,
        f"{base}/v1/boards/no-such-board/jobs/1": 404,
        f"{base}/v1/boards/{clean}/jobs/123": 404,
        f"{base}/v1/boards/{clean}/jobs/abc": 404,
        f"{server.base_url_for(job.closes_on)}/v1/boards/{clean}/jobs/{job.job_id}": 404,
        f"{server.url}/nothing/here": 404,
        f"{server.url}/d/2026-02-30/v1/boards/{clean}/jobs": 400,
        f"{server.url}/d/yesterday/v1/boards/{clean}/jobs": 400,
    }
    for url, status in cases.items():
        r = fetch(url)
        assert r.status == status, url
        assert r.json()["status"] == status
    assert fetch(f"{base}/v1/boards/no-such-board/jobs").json() == {
        "status": 404, "error": "Job not found",
    }  # fmt: skip


def test_head_requests(server: DemoBoardServer, clean: str) -> None:
    r = fetch(_list_url(server, clean), method="HEAD")
    assert r.status == 200 and r.body == b"" and int(r.headers["Content-Length"]) > 0


# -- faults ----------------------------------------------------------------------------------------


def test_truncated_json(server: DemoBoardServer, fault_boards: dict[str, str]) -> None:
    r = fetch(_list_url(server, fault_boards["truncated_json"]))
    assert r.status == 200 and int(r.headers["Content-Length"]) == len(r.body)
    with pytest.raises(json.JSONDecodeError):
        json.loads(r.body)


def test_missing_id(server: DemoBoardServer, market: Market, fault_boards: dict[str, str]) -> None:
    board = fault_boards["missing_id"]
    jobs = fetch(_list_url(server, board)).json()["jobs"]
    assert sum("id" not in j for j in jobs) == 1 and "id" not in jobs[0]
    first = market.postings(board, DAY)[0]
    detail = fetch(f"{server.base_url_for(DAY)}/v1/boards/{board}/jobs/{first.job_id}").json()
    assert "id" not in detail and detail["title"] == first.title
    second = market.postings(board, DAY)[1]
    assert fetch(f"{server.base_url_for(DAY)}/v1/boards/{board}/jobs/{second.job_id}").json()["id"]


@pytest.mark.parametrize(
    ("kind", "status"), [("error_500_once", 500), ("rate_limit_429_once", 429)]
)
def test_once_faults(
    market: Market, fault_boards: dict[str, str], kind: str, status: int
) -> None:
    board = fault_boards[kind]
    for _ in range(2):  # the counter belongs to the server instance
        with DemoBoardServer(market, faults={board: kind}) as srv:
            first = fetch(_list_url(srv, board))
            assert first.status == status
            if status == 429:
                assert first.headers["Retry-After"] == "1"
            assert fetch(_list_url(srv, board)).status == 200
            assert fetch(_list_url(srv, board, DAY + timedelta(1))).status == 200


def test_once_faults_fire_once_under_concurrency(market: Market, clean: str) -> None:
    with (
        DemoBoardServer(market, faults={clean: "error_500_once"}) as srv,
        ThreadPoolExecutor(12) as pool,
    ):
        statuses = list(pool.map(lambda _: fetch(_list_url(srv, clean)).status, range(24)))
    assert sorted(statuses) == [200] * 23 + [500]


def test_not_found_fault(
    server: DemoBoardServer, market: Market, fault_boards: dict[str, str]
) -> None:
    board = fault_boards["not_found"]
    job = market.postings(board, DAY)[0]
    assert fetch(_list_url(server, board)).status == 404
    assert fetch(f"{server.base_url_for(DAY)}/v1/boards/{board}/jobs/{job.job_id}").status == 404


def test_html_instead_of_json(server: DemoBoardServer, fault_boards: dict[str, str]) -> None:
    r = fetch(_list_url(server, fault_boards["html_instead_of_json"]))
    assert r.status == 200 and r.headers["Content-Type"].startswith("text/html")
    assert r.body.lstrip().startswith(b"<!DOCTYPE html>")


def test_slow(
    server: DemoBoardServer, fault_boards: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert server_mod.SLOW_SECONDS == 3.0
    monkeypatch.setattr(server_mod, "SLOW_SECONDS", 0.6)  # keep the suite quick
    start = time.perf_counter()
    r = fetch(_list_url(server, fault_boards["slow"]))
    assert r.status == 200 and r.json()["jobs"]
    assert time.perf_counter() - start >= 0.6


def test_invalid_utf8(
    server: DemoBoardServer, market: Market, fault_boards: dict[str, str]
) -> None:
    board = fault_boards["invalid_utf8"]
    r = fetch(_list_url(server, board))
    assert r.status == 200
    with pytest.raises(UnicodeDecodeError):
        r.body.decode("utf-8")
    body = json.loads(r.body.decode("utf-8", errors="replace"))
    first = market.postings(board, DAY)[0]
    assert "\ufffd" in body["jobs"][0]["title"] and body["jobs"][0]["id"] == first.job_id


def test_fault_configuration_is_validated(market: Market) -> None:
    board = market.board_tokens()[1]
    with pytest.raises(ValueError, match="unknown fault"):
        DemoBoardServer(market, faults={board: "on_fire"})
    with pytest.raises(ValueError, match="does not have"):
        DemoBoardServer(market, faults={"no-such-board": "slow"})


# -- serving ---------------------------------------------------------------------------------------


def test_concurrent_clients(server: DemoBoardServer, market: Market, clean: str) -> None:
    base = server.base_url_for(DAY)
    ids = [p.job_id for p in market.postings(clean, DAY)]
    urls = [f"{base}/v1/boards/{clean}/jobs/{ids[i % len(ids)]}" for i in range(60)]
    urls += [_list_url(server, clean, DAY + timedelta(i), "?content=true") for i in range(20)]
    with ThreadPoolExecutor(40) as pool:
        statuses = list(pool.map(lambda u: fetch(u).status, urls))
    assert statuses == [200] * len(urls)


def test_request_log(market: Market, clean: str) -> None:
    with DemoBoardServer(market, default_day=DAY) as srv:
        fetch(srv.url + "/robots.txt")
        fetch(_list_url(srv, clean, query="?content=true"))
        fetch(srv.url + "/v1/boards/nope/jobs")
        log = list(srv.request_log)
    assert log == [
        ("GET", "/robots.txt", 200),
        ("GET", f"/d/{DAY}/v1/boards/{clean}/jobs?content=true", 200),
        ("GET", "/v1/boards/nope/jobs", 404),
    ]


def test_stop_frees_the_port(market: Market) -> None:
    srv = DemoBoardServer(market).start()
    port = srv.port
    assert port > 0 and srv.url == f"http://127.0.0.1:{port}"
    assert fetch(srv.url + "/robots.txt").status == 200
    srv.stop()
    srv.stop()  # idempotent
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(srv.url + "/robots.txt", timeout=2)
    # nothing listens any more (SO_REUSEADDR only tolerates TIME_WAIT leftovers, not listeners)
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
        sock.listen()
    with DemoBoardServer(market, port=port) as again:
        assert fetch(again.url + "/robots.txt").status == 200
