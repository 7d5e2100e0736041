"""Greenhouse parsing on the real recorded responses and on the project's own fixtures."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, RECORDED, recorded

from spiders.extract import PayloadError
from spiders.extract import greenhouse as gh

LISTS = [
    "jobs-content-amplitude.json",
    "jobs-content-anthropic.json",
    "jobs-content-databricks.json",
    "jobs-list-gongio.json",
]
DETAILS = [
    "job-detail-gongio.json",
    "job-detail-questions-anthropic.json",
    "job-detail-questions-coinbase.json",
    "job-detail-questions-discord.json",
]


@pytest.mark.parametrize("name", LISTS)
def test_recorded_lists_parse_into_items(name: str) -> None:
    body = recorded("greenhouse", name).read_bytes()
    jobs = gh.parse_jobs_list(body)
    assert jobs, "recorded list has jobs"
    board = name.rsplit("-", 1)[-1].removesuffix(".json")
    for job in jobs:
        item = gh.posting_from_payload({"list": job, "detail": None}, board)
        assert item.source_job_id == str(job["id"])
        assert item.title and item.title == " ".join(job["title"].split())
        assert item.url and item.url.startswith("https://")
        assert item.company
        assert item.location_raw == [job["location"]["name"]]
        assert item.posted_at_raw and item.updated_at_raw
        assert item.raw["list"] is job
        if "content" in job:
            # entity-escaped once by Greenhouse: decoded HTML has real tags
            assert item.description_html and "<" in item.description_html
            assert "&lt;" not in item.description_html[:200]
        else:
            assert item.description_html is None


@pytest.mark.parametrize("name", DETAILS)
def test_recorded_details_parse(name: str) -> None:
    detail = gh.parse_job_detail(recorded("greenhouse", name).read_bytes())
    item = gh.posting_from_payload({"list": None, "detail": detail}, "x")
    assert item.source_job_id == str(detail["id"])
    assert item.department


def test_metadata_labels_from_recorded_payloads() -> None:
    jobs = gh.parse_jobs_list(recorded("greenhouse", "jobs-content-anthropic.json").read_bytes())
    labels = {gh.posting_from_payload({"list": j}, "anthropic").workplace_type_raw for j in jobs}
    assert {"Remote", "On-Site"} <= labels
    amp = gh.parse_jobs_list(recorded("greenhouse", "jobs-content-amplitude.json").read_bytes())
    assert gh.posting_from_payload({"list": amp[0]}, "amplitude").employment_type_raw == "Regular"


def test_multi_select_metadata_is_joined() -> None:
    job = {"id": 1, "metadata": [{"name": "Employment Type", "value": ["Full time", "Contract"]}]}
    assert gh.posting_from_payload({"list": job}, "b").employment_type_raw == "Full time, Contract"


def test_detail_wins_over_list_and_pay_ranges_are_kept() -> None:
    listed = {"id": 5, "title": "Old", "updated_at": "2026-01-01T00:00:00Z"}
    detail = {
        "id": 5,
        "title": "New title",
        "pay_input_ranges": [{"min_cents": 9000000, "max_cents": 11000000, "currency_type": "USD"}],
    }
    item = gh.posting_from_payload({"list": listed, "detail": detail}, "b")
    assert item.title == "New title"
    assert item.updated_at_raw == "2026-01-01T00:00:00Z"
    assert item.salary_structured[0]["min_cents"] == 9000000


def test_own_fixture_with_structured_pay() -> None:
    detail = json.loads((FIXTURES / "greenhouse" / "detail-pay.json").read_text())
    item = gh.posting_from_payload({"detail": detail}, "acme")
    assert [r["currency_type"] for r in item.salary_structured] == ["USD"]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty_body"),
        (b'{"jobs": [{"id": 1', "invalid_json"),
        (b"<html><body>Service unavailable</body></html>", "html_instead_of_json"),
        (b'{"meta": {}}', "unexpected_shape"),
        (b"[1, 2]", "unexpected_shape"),
    ],
)
def test_bad_list_bodies_raise_payload_error(body: bytes, reason: str) -> None:
    with pytest.raises(PayloadError) as info:
        gh.parse_jobs_list(body)
    assert info.value.reason == reason


def test_invalid_utf8_is_repaired_not_fatal() -> None:
    body = b'{"jobs": [{"id": 7, "title": "Caf\xe9 manager"}]}'
    jobs = gh.parse_jobs_list(body)
    assert jobs[0]["title"] == "Caf\ufffd manager"


@pytest.mark.parametrize("job", [{}, {"id": None}, {"id": ""}, {"id": True}, {"id": [1]}, "x"])
def test_job_without_usable_id(job: object) -> None:
    assert gh.job_id(job) is None
    with pytest.raises(PayloadError, match="missing_id"):
        gh.posting_from_payload({"list": job}, "b")  # type: ignore[dict-item]


def test_recorded_folder_layout_is_documented() -> None:
    if not RECORDED.exists():
        pytest.skip("recorded fixtures not available")
    assert (RECORDED / "SOURCES.md").exists()
