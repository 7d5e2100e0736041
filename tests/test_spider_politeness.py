"""Polite and bounded by default: each setting checked, and the ones that shape traffic measured
against a local server (per-host concurrency, AutoThrottle spacing). robots.txt, Retry-After,
the size cap and the timeout are exercised in the test_spider_faults* files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scrapy.utils.project import get_project_settings
from stubserver import Canned, StubServer

from jobpipe.crawl import run_spider


def test_default_settings_are_polite(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCRAPY_SETTINGS_MODULE", "spiders.settings")
    s = get_project_settings()
    assert s.getbool("ROBOTSTXT_OBEY")
    assert s.getbool("AUTOTHROTTLE_ENABLED") and s.getfloat("AUTOTHROTTLE_MAX_DELAY") >= 10
    assert 1 <= s.getint("CONCURRENT_REQUESTS_PER_DOMAIN") <= 8
    assert s.getint("DOWNLOAD_TIMEOUT") == 30
    assert s.getint("DOWNLOAD_MAXSIZE") == 20 * 1024 * 1024
    assert {429, 503} <= set(s.getlist("RETRY_HTTP_CODES"))
    mws = s.getdict("DOWNLOADER_MIDDLEWARES")
    assert mws["scrapy.downloadermiddlewares.retry.RetryMiddleware"] is None
    assert mws["spiders.middlewares.BackoffRetryMiddleware"]
    assert s.get("DUPEFILTER_CLASS") == "spiders.middlewares.RedirectAwareDupeFilter"
    assert "jobpipe" in s.get("USER_AGENT") and "http" in s.get("USER_AGENT")


def _serve_board(s: StubServer, n: int, delay: float) -> None:
    jobs = [{"id": i, "title": f"Job {i}"} for i in range(n)]
    s.route("/v1/boards/acme/jobs", Canned(200, json.dumps({"jobs": jobs}).encode()))
    for job in jobs:
        s.route(f"/v1/boards/acme/jobs/{job['id']}", Canned(200, json.dumps(job).encode(),
                                                             delay=delay))  # fmt: skip


@pytest.mark.slow
def test_per_host_concurrency_is_bounded(tmp_path: Path) -> None:
    with StubServer() as s:
        _serve_board(s, 12, 0.3)
        run_spider("greenhouse", boards=["acme"], base_url=s.url,
                   bronze_path=tmp_path / "b.jsonl.gz", log_path=tmp_path / "c.log",
                   settings={"AUTOTHROTTLE_ENABLED": "False", "CONCURRENT_REQUESTS_PER_DOMAIN": "3",
                             "CONCURRENT_REQUESTS": "32"})  # fmt: skip
        assert s.max_active == 3  # parallel, but never more than the per-host limit


@pytest.mark.slow
def test_autothrottle_spaces_requests_to_a_slow_host(tmp_path: Path) -> None:
    def span(**settings: str) -> float:
        with StubServer() as s:
            _serve_board(s, 6, 0.2)
            run_spider("greenhouse", boards=["acme"], base_url=s.url,
                       bronze_path=tmp_path / "b.jsonl.gz", log_path=tmp_path / "c.log",
                       settings=settings)  # fmt: skip
            starts = sorted(t for p, ts in s.times.items() if p.count("/") == 5 for t in ts)
        return starts[-1] - starts[0]

    throttled = span(AUTOTHROTTLE_START_DELAY="0.3", AUTOTHROTTLE_TARGET_CONCURRENCY="1")
    free = span(AUTOTHROTTLE_ENABLED="False")
    # 6 requests, each waiting ~latency/target = 0.2 s (randomised 0.5x-1.5x) after the last
    assert throttled >= 0.5 and free < 0.2
