"""Re-crawling an unchanged Workday board makes no detail requests, although ``postedOn``
("Posted 3 Days Ago") ages daily; postings whose stable list fields changed are fetched."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from scrapy.settings import Settings
from spider_harness import DAY, crawl, demo_base_url, postings, replay

from jobpipe.demo import DemoBoardServer, Market
from jobpipe.demo import workday as demo_wd
from jobpipe.demo.homes import source_board
from jobpipe.demo.wire import stable_hash
from spiders.ats.workday import VERSION_FIELDS, WorkdaySpider, listed_version
from spiders.incremental import (
    IncrementalTracker,
    detail_expired,
    load_state,
    save_state,
    state_file,
)

LATER = DAY + timedelta(days=7)  #: by then the demo market has new postings and title edits


def _crawl(server: DemoBoardServer, boards: list[str], tmp: Path, n: int, day: Any) -> tuple:
    out = tmp / f"crawl-{n}"
    out.mkdir()
    start = len(server.request_log)
    records, stats = crawl(
        "workday", boards, demo_base_url(server, "workday", day), out,
        JOBPIPE_STATE_DIR=str(tmp / "state"),
    )  # fmt: skip
    details = [p for m, p, _ in server.request_log[start:] if m == "GET" and "/job/" in p]
    return records, stats, details, out / "workday.jsonl.gz"


def _rows(bronze: Path, day: Any) -> dict[str, dict]:
    return {r["source_job_id"]: {k: v for k, v in r.items() if k != "scraped_at"}
            for r in replay(bronze, day)}  # fmt: skip


def _stable(entry: dict) -> dict:
    return {k: entry.get(k) for k in VERSION_FIELDS}


def test_version_ignores_posted_on_only() -> None:
    entry = {"title": "Engineer", "externalPath": "/job/Berlin/Engineer_R1",
             "locationsText": "Berlin", "postedOn": "Posted Today",
             "bulletFields": ["R1"]}  # fmt: skip
    assert listed_version({**entry, "postedOn": "Posted 3 Days Ago"}) == listed_version(entry)
    for key, value in (("title", "Engineer II"), ("locationsText", "2 Locations"),
                       ("bulletFields", ["R2"]), ("remoteType", "Hybrid")):  # fmt: skip
        assert listed_version({**entry, key: value}) != listed_version(entry)


@pytest.mark.slow
def test_recrawl_reuses_details_and_fetches_what_changed(tmp_path: Path) -> None:
    market = Market(seed=17, boards=2, jobs_per_board=30)
    tokens = market.board_tokens()
    boards = [source_board("workday", t) for t in tokens]
    n = {b: len(market.postings(t, DAY)) for b, t in zip(boards, tokens, strict=True)}
    assert max(n.values()) > 20  # a board needs a second list page
    with DemoBoardServer(market) as server:
        first, stats1, details1, bronze1 = _crawl(server, [*boards, "bad"], tmp_path, 1, DAY)
        second, stats2, details2, bronze2 = _crawl(server, [*boards, "bad"], tmp_path, 2, DAY)
        third, stats3, details3, _ = _crawl(server, boards, tmp_path, 3, LATER)

    assert len(details1) == stats1["jobpipe/details_requested"] == sum(n.values())
    # the same day again: not one detail request, every posting complete from the state
    assert details2 == [] and "jobpipe/details_requested" not in stats2
    assert stats2["jobpipe/details_reused"] == sum(n.values())
    for stats in (stats1, stats2):  # the board crawl log believes the listings
        assert stats["jobpipe/boards_listed"] == n
        assert stats["jobpipe/boards_failed"] == {"bad": "bad_board_token"}
    p1 = {r["source_job_id"]: r for r in postings(first)}
    p2 = {r["source_job_id"]: r for r in postings(second)}
    assert set(p1) == set(p2) and len(p1) == sum(n.values())
    for jid, record in p2.items():
        assert record["payload"]["detail_reused"]["url"].endswith(jid)
        assert record["payload"]["detail"] == p1[jid]["payload"]["detail"]
        assert record["payload"]["detail"]["jobPostingInfo"]["jobDescription"]
        assert "detail_reused" not in p1[jid]["payload"]
    assert _rows(bronze2, DAY) == _rows(bronze1, DAY)  # the normalized postings are equal

    # a week later every postedOn aged, yet only new postings and changed entries are fetched
    expected: set[str] = set()
    changed = aged = 0
    for token in tokens:
        remote = stable_hash("workday-remote", token)[0] % 2 == 0  # as the demo decides
        before = {p.job_id: demo_wd.list_entry(p, DAY, remote) for p in market.postings(token, DAY)}
        for posting in market.postings(token, LATER):
            old, new = before.get(posting.job_id), demo_wd.list_entry(posting, LATER, remote)
            aged += old is not None and old["postedOn"] != new["postedOn"]
            if old is None or _stable(old) != _stable(new):
                expected.add(new["externalPath"])
                changed += old is not None
    assert changed >= 1 and len(expected) > changed and aged > len(expected)
    assert {e for e in expected if any(p.endswith(e) for p in details3)} == expected
    assert len(details3) == stats3["jobpipe/details_requested"] == len(expected)
    p3 = postings(third)
    assert sum("detail_reused" in r["payload"] for r in p3) == len(p3) - len(expected)
    state = load_state(state_file(tmp_path / "state", "workday", boards[0]))
    assert len(state["jobs"]) == len(market.postings(tokens[0], LATER))  # closed ones left


def test_old_details_are_fetched_again(tmp_path: Path) -> None:
    """The list shows no edit time: a stored detail older than 7..14 days is refreshed."""
    now = datetime(2026, 11, 20, tzinfo=UTC)
    assert not detail_expired("R1", "2026-11-13T01:00:00.000Z", 7, now)  # 7 days: never yet
    assert detail_expired("R1", "2026-11-05T23:00:00.000Z", 7, now)  # > 14 days: always
    assert detail_expired("R1", "garbled", 7, now)
    assert not detail_expired("R1", "2020-01-01T00:00:00Z", None, now)
    ages = [detail_expired(f"R{i}", "2026-11-09T00:00:00Z", 7, now) for i in range(200)]
    assert 40 < sum(ages) < 160  # 11 days old: some jobs' limits are shorter, some longer

    def spider(**settings: str) -> SimpleNamespace:
        crawler = SimpleNamespace(settings=Settings({"JOBPIPE_STATE_DIR": str(tmp_path),
                                                     **settings}), stats=None)  # fmt: skip
        return SimpleNamespace(crawler=crawler, source="workday",
                               detail_max_age_days=WorkdaySpider.detail_max_age_days)  # fmt: skip

    stale = datetime.now(UTC) - timedelta(days=30)
    jobs = {jid: {"version": "v", "detail": {"x": 1}, "fetched_at": at.isoformat()}
            for jid, at in (("old", stale), ("new", datetime.now(UTC)))}  # fmt: skip
    save_state(state_file(tmp_path, "workday", "t/s"), {"jobs": jobs})
    tracker = IncrementalTracker.from_spider(spider())
    assert tracker.max_age_days == 7
    assert tracker.reusable("t/s", "new", "v") is not None
    assert tracker.reusable("t/s", "old", "v") is None
    unlimited = IncrementalTracker.from_spider(spider(JOBPIPE_DETAIL_MAX_AGE_DAYS="0"))
    assert unlimited.reusable("t/s", "old", "v") is not None
