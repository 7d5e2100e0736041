"""The Greenhouse renderer matches the shapes of real recorded Greenhouse responses."""

from __future__ import annotations

import html
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import orjson
import pytest

from jobpipe.demo import greenhouse as gh
from jobpipe.demo.market import DemoLocation, DemoPosting, Market

ROOT = Path(__file__).resolve().parents[1]
RECORDED = ROOT.parent / "shared" / "fixtures" / "recorded" / "greenhouse"
DAY = date(2026, 7, 14)


def _recorded(name: str) -> dict[str, Any]:
    path = RECORDED / name
    if not path.exists():
        pytest.skip(f"recorded fixture {path} not available")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def market() -> Market:
    return Market(seed=7, boards=20, jobs_per_board=15)


@pytest.fixture(scope="module")
def postings(market: Market) -> list[DemoPosting]:
    return [p for b in market.board_tokens() for p in market.postings(b, DAY)]


def _keys(obj: dict[str, Any]) -> list[str]:
    return list(obj)


# -- shapes vs recorded responses -----------------------------------------------------------------


def test_list_without_content_has_the_recorded_keys(market: Market) -> None:
    recorded = _recorded("jobs-list-gongio.json")["jobs"][0]
    board = market.board_tokens()[0]
    body = gh.jobs_list(market, board, DAY)
    assert set(body) == {"jobs", "meta"}
    assert body["meta"] == {"total": len(body["jobs"])} and body["jobs"]
    for job in body["jobs"]:
        assert _keys(job) == _keys(recorded)
        assert set(job["location"]) == set(recorded["location"])
        for entry in job["data_compliance"]:
            assert set(entry) == set(recorded["data_compliance"][0])


@pytest.mark.parametrize("fixture", ["jobs-content-amplitude.json", "jobs-content-anthropic.json"])
def test_list_with_content_has_the_recorded_keys(market: Market, fixture: str) -> None:
    recorded = _recorded(fixture)
    rec_job = recorded["jobs"][0]
    body = gh.jobs_list(market, market.board_tokens()[1], DAY, content=True)
    assert set(body) == set(recorded)
    for job in body["jobs"]:
        assert _keys(job) == _keys(rec_job)
        assert all(set(d) == set(rec_job["departments"][0]) for d in job["departments"])
        assert all(set(o) == set(rec_job["offices"][0]) for o in job["offices"])
        assert job["departments"] and job["offices"]


def test_detail_has_the_recorded_keys(market: Market, postings: list[DemoPosting]) -> None:
    recorded = _recorded("job-detail-gongio.json")
    listed = _recorded("jobs-content-anthropic.json")["jobs"][0]
    p = postings[0]
    plain = gh.job_detail(market, p.board, p.job_id, DAY)
    assert plain is not None
    assert set(recorded) <= set(plain)  # that capture lacks data_compliance
    assert _keys(plain) == _keys(listed)
    with_pay = gh.job_detail(market, p.board, p.job_id, DAY, pay_transparency=True)
    assert with_pay is not None
    assert _keys(with_pay) == [*_keys(listed), "pay_input_ranges"]


def test_metadata_entries_are_shaped_like_greenhouse(
    postings: list[DemoPosting], market: Market
) -> None:
    recorded = _recorded("jobs-list-gongio.json")["jobs"][0]["metadata"][0]
    kinds, names = set(), set()
    for p in postings:
        for entry in gh.job_json(market, p, content=False)["metadata"]:
            assert set(entry) == set(recorded)
            assert isinstance(entry["id"], int)
            kinds.add(entry["value_type"])
            names.add(entry["name"])
    assert {"single_select"} <= kinds
    assert {"Location Type", "Employment Type"} & names


def test_field_types_and_timestamps(market: Market, postings: list[DemoPosting]) -> None:
    offsets = set()
    for p in postings:
        job = gh.job_json(market, p, content=True)
        assert isinstance(job["id"], int) and isinstance(job["internal_job_id"], int)
        assert job["id"] == p.job_id and job["title"] == p.title
        assert job["company_name"].strip() == p.company
        assert isinstance(job["requisition_id"], str)
        assert job["absolute_url"] == f"https://job-boards.greenhouse.io/{p.board}/jobs/{p.job_id}"
        assert job["language"] == p.language and job["application_deadline"] is None
        for field, truth in (("updated_at", p.updated_at), ("first_published", p.first_published)):
            parsed = datetime.fromisoformat(job[field])
            assert parsed.utcoffset() is not None and parsed == truth
            assert len(job[field]) == len("2026-07-14T18:35:00-04:00")
            offsets.add(job[field][-6:])
    assert len(offsets) >= 3, offsets  # boards live in different time zones


def test_bodies_serialize_like_json(market: Market) -> None:
    body = gh.jobs_list(market, market.board_tokens()[2], DAY, content=True)
    assert json.loads(orjson.dumps(body)) == body


# -- content ---------------------------------------------------------------------------------------


def test_content_is_entity_escaped_html(market: Market, postings: list[DemoPosting]) -> None:
    for p in postings[:80]:
        content = gh.job_json(market, p, content=True)["content"]
        assert "<" not in content and ">" not in content
        assert content.startswith("&lt;")
        assert html.unescape(content) == p.description_html
    sample = "".join(gh.job_json(market, p, content=True)["content"] for p in postings)
    assert "&amp;nbsp;" in sample and "&amp;amp;" in sample and "&#39;" in sample
    assert "&quot;" in sample


def test_escape_content_matches_greenhouse_style() -> None:
    raw = '<p class="x">We\'re R&amp;D&nbsp;</p>'
    assert gh.escape_content(raw) == (
        "&lt;p class=&quot;x&quot;&gt;We&#39;re R&amp;amp;D&amp;nbsp;&lt;/p&gt;"
    )


def test_pay_input_ranges_in_cents(market: Market, postings: list[DemoPosting]) -> None:
    structured = [p for p in postings if p.pay_structured]
    assert structured
    for p in structured:
        detail = gh.job_detail(market, p.board, p.job_id, DAY, pay_transparency=True)
        assert detail is not None and p.pay is not None
        (rng,) = detail["pay_input_ranges"]
        assert set(rng) == {"min_cents", "max_cents", "currency_type", "title", "blurb"}
        assert rng["min_cents"] == round(p.pay.min * 100)  # type: ignore[operator]
        assert rng["max_cents"] == round(p.pay.max * 100)  # type: ignore[operator]
        assert isinstance(rng["min_cents"], int) and rng["currency_type"] == p.pay.currency
    hourly = [p for p in structured if p.pay and p.pay.period == "hour"]
    for p in hourly:
        detail = gh.job_detail(market, p.board, p.job_id, DAY, pay_transparency=True)
        assert detail is not None and p.pay is not None and p.pay.min is not None
        assert detail["pay_input_ranges"][0]["min_cents"] == round(p.pay.min * 100)
    plain = next(p for p in postings if not p.pay_structured)
    detail = gh.job_detail(market, plain.board, plain.job_id, DAY, pay_transparency=True)
    assert detail is not None and detail["pay_input_ranges"] == []


def test_detail_for_closed_or_unknown_jobs(market: Market, postings: list[DemoPosting]) -> None:
    p = postings[0]
    assert gh.job_detail(market, p.board, p.job_id, p.closes_on) is None
    assert gh.job_detail(market, p.board, 42, DAY) is None
    with pytest.raises(KeyError):
        gh.jobs_list(market, "no-such-board", DAY)


# -- locations, departments, offices -----------------------------------------------------------


def test_location_names_join_like_real_boards() -> None:
    boston = DemoLocation("Boston", "MA", "US", "Boston, MA")
    denver = DemoLocation("Denver", "CO", "US", "Denver, CO")
    remote = DemoLocation("", None, "US", "Remote")
    assert gh.location_name((boston, denver), "; ") == "Boston, MA; Denver, CO"
    assert gh.location_name((boston, denver), " | ") == "Boston, MA | Denver, CO"
    assert gh.location_name((boston, denver), ", ") == "Boston, MA; Denver, CO"
    assert gh.location_name((boston, remote), " | ") == "Boston, MA or Remote"


def test_offices_and_departments_follow_the_posting(
    market: Market, postings: list[DemoPosting]
) -> None:
    dept_ids: dict[str, set[int]] = {}
    for p in postings:
        job = gh.job_json(market, p, content=True)
        assert [d["name"] for d in job["departments"]] == [p.department]
        names = {o["name"] for o in job["offices"]}
        assert len(names) == len(job["offices"]) >= 1
        assert {loc.raw for loc in p.locations if loc.raw != "Remote"} <= names
        for office in job["offices"]:
            assert office["location"] is None or office["location"].startswith(
                tuple(loc.city for loc in p.locations if loc.city)
            )
        dept_ids.setdefault(f"{p.board}/{p.department}", set()).add(job["departments"][0]["id"])
    assert all(len(ids) == 1 for ids in dept_ids.values())  # stable ids per board+department
