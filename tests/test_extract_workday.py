"""Workday CXS extraction on the real recorded responses and on the project's own fixtures."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, recorded

from spiders.extract import PayloadError
from spiders.extract import workday as wd

OWN = FIXTURES / "workday"
LISTS = {
    "jobs-list-later-page-total0-analogdevices.json": ("analogdevices/External", 0, 20),
    "jobs-list-page0-analogdevices.json": ("analogdevices/External", 1025, 20),
    "jobs-list-salesforce.json": ("salesforce/External_Career_Site", 2, 2),
    "jobs-list-workday.json": ("workday/Workday", 347, 4),
    "jobs-search-with-facets-gdit.json": ("gdit/External_Career_Site", 644, 4),
}
DETAILS = {
    "job-detail-gdit-data-engineer.json": "RQ216675",
    "job-detail-nvidia.json": "JR2017578",
    "job-detail-workday.json": "JR-0105486",
}
REQUEST = "https://{tenant}.wd5.myworkdayjobs.com/wday/cxs/{tenant}/{site}/jobs"


def _request_url(board: str) -> str:
    tenant, site = wd.parse_board(board)
    return REQUEST.format(tenant=tenant, site=site)


def _detail(name: str) -> dict:
    return wd.parse_detail(recorded("workday", name).read_bytes())


# ── URLs, bodies, paging ────────────────────────────────────────────────────────────────────


def test_list_url_and_body() -> None:
    assert (
        wd.list_url("http://127.0.0.1:8000/", "gdit", "External_Career_Site")
        == "http://127.0.0.1:8000/wday/cxs/gdit/External_Career_Site/jobs"
    )
    assert wd.list_body(40) == {"appliedFacets": {}, "limit": 20, "offset": 40, "searchText": ""}


def test_list_body_caps_limit_at_20() -> None:
    assert wd.list_body(0, limit=100)["limit"] == 20
    assert wd.list_body(-5)["offset"] == 0


def test_detail_and_public_urls() -> None:
    path = "/job/USA-DC-Washington/Data-Engineer_RQ216675"
    base = wd.base_url_for("gdit", "wd5")
    assert base == "https://gdit.wd5.myworkdayjobs.com"
    assert wd.detail_url(base, "gdit", "External_Career_Site", path) == (
        "https://gdit.wd5.myworkdayjobs.com/wday/cxs/gdit/External_Career_Site"
        "/job/USA-DC-Washington/Data-Engineer_RQ216675"
    )
    assert wd.posting_url(base, "External_Career_Site", path) == (
        "https://gdit.wd5.myworkdayjobs.com/External_Career_Site"
        "/job/USA-DC-Washington/Data-Engineer_RQ216675"
    )
    assert wd.detail_url(base, "t", "s", "job/x_R1").endswith("/wday/cxs/t/s/job/x_R1")


@pytest.mark.parametrize("board", ["gdit", "a/b/c", "", "/"])
def test_parse_board_rejects_bad_tokens(board: str) -> None:
    with pytest.raises(ValueError):
        wd.parse_board(board)


def test_parse_board() -> None:
    assert wd.parse_board("nvidia/NVIDIAExternalCareerSite") == (
        "nvidia",
        "NVIDIAExternalCareerSite",
    )


def test_later_page_total_zero_does_not_stop_paging() -> None:
    first = recorded("workday", "jobs-list-page0-analogdevices.json").read_bytes()
    later = recorded("workday", "jobs-list-later-page-total0-analogdevices.json").read_bytes()
    first_total = wd.total(first)
    assert first_total == 1025
    assert wd.total(later) == 0  # Workday leaves total empty after the first page
    count = len(wd.payloads_from_list(later))
    assert count == 20
    # the helper is given the first page's total, so a later "0" is not read as the end
    assert wd.next_offset(400, count, first_total) == 420
    # and even a caller that only has the later page's 0 keeps going while pages are full
    assert wd.next_offset(400, count, wd.total(later)) == 420


@pytest.mark.parametrize(
    ("offset", "count", "first_total", "expected"),
    [
        (0, 20, 1025, 20),
        (1000, 20, 1025, 1020),
        (1020, 5, 1025, None),  # short page
        (1000, 20, 1020, None),  # reached the first page's total
        (0, 0, 0, None),  # empty site
        (0, 20, None, 20),
    ],
)
def test_next_offset(
    offset: int, count: int, first_total: int | None, expected: int | None
) -> None:
    assert wd.next_offset(offset, count, first_total) == expected


# ── recorded responses ──────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("name", sorted(LISTS))
def test_recorded_lists_parse_every_posting(name: str) -> None:
    board, expected_total, expected_count = LISTS[name]
    body = recorded("workday", name).read_bytes()
    assert wd.total(body) == expected_total
    payloads = wd.payloads_from_list(body)
    assert len(payloads) == expected_count
    for payload in payloads:
        entry = payload["list"]
        item = wd.posting_from_payload(payload, board, request_url=_request_url(board))
        assert item.source == "workday"
        assert item.title == " ".join(entry["title"].split())
        assert item.source_job_id == entry["externalPath"].rsplit("/", 1)[-1].split("_", 1)[1]
        assert item.url == (
            f"https://{board.split('/')[0]}.wd5.myworkdayjobs.com/{board.split('/')[1]}"
            + entry["externalPath"]
        )
        assert item.posted_at_raw is None  # "postedOn" is relative text, kept only in raw
        assert item.raw["list"]["postedOn"].startswith("Posted ")
        assert item.salary_structured == []


def test_requisition_suffix_matches_bullet_fields() -> None:
    for name in LISTS:
        for payload in wd.payloads_from_list(recorded("workday", name).read_bytes()):
            jid = wd.job_id(payload["list"])
            req = payload["list"]["bulletFields"][0]
            assert jid == req or jid == req + "-1"  # "-1": a second posting of the requisition


def test_location_counts_are_not_locations() -> None:
    body = recorded("workday", "jobs-list-salesforce.json").read_bytes()
    board = "salesforce/External_Career_Site"
    items = [wd.posting_from_payload(p, board) for p in wd.payloads_from_list(body)]
    assert [p.raw["list"]["locationsText"] for p in items] == ["3 Locations", "5 Locations"]
    assert [i.location_raw for i in items] == [[], []]


def test_page0_values() -> None:
    body = recorded("workday", "jobs-list-page0-analogdevices.json").read_bytes()
    board = "analogdevices/External"
    items = [wd.posting_from_payload(p, board) for p in wd.payloads_from_list(body)]
    first = items[0]
    assert first.title == "Engineer, Equipment Engineering"
    assert first.source_job_id == "R264661"
    assert first.location_raw == ["US, OR, Beaverton"]
    assert first.url is None  # no request URL given and no detail: not invented
    assert items[3].location_raw == []  # "7 Locations"


def test_workday_list_remote_type_and_title_slug_mismatch() -> None:
    body = recorded("workday", "jobs-list-workday.json").read_bytes()
    items = [wd.posting_from_payload(p, "workday/Workday") for p in wd.payloads_from_list(body)]
    assert [i.workplace_type_raw for i in items] == ["Onsite", "Onsite", "Onsite", "Flex"]
    first = items[0]
    # the title says "Sr Site Reliability Engineer", the slug still says "Analytics-Sr-Software"
    assert first.title == "Sr Site Reliability Engineer (US Federal)"
    assert "Analytics-Sr-Software-Engineer" in first.raw["list"]["externalPath"]
    assert first.source_job_id == "JR-0105489-1"
    assert [i.source_job_id for i in items[1:]] == ["JR-0105486", "JR-0105490-1", "JR-0105494"]


@pytest.mark.parametrize("name", sorted(DETAILS))
def test_recorded_details_parse(name: str) -> None:
    detail = _detail(name)
    info = detail["jobPostingInfo"]
    item = wd.posting_from_payload({"list": None, "detail": detail}, "t/s")
    assert item.source_job_id == DETAILS[name]
    assert item.source_job_id == info["jobReqId"]
    assert item.url == info["externalUrl"]
    assert item.apply_url == item.url
    assert item.title == info["title"]
    assert item.description_html == info["jobDescription"].strip()
    assert item.posted_at_raw == info["startDate"]
    assert item.employment_type_raw == info["timeType"]
    assert item.location_raw[0] == info["location"]


def test_nvidia_additional_locations() -> None:
    item = wd.posting_from_payload({"detail": _detail("job-detail-nvidia.json")}, "nvidia/x")
    assert item.location_raw == [
        "US, NC, Durham",
        "US, NC, Remote",
        "US, TX, Remote",
        "US, VA, Remote",
        "US, WA, Remote",
        "US, CA, Remote",
    ]
    assert item.company is None  # this capture has no hiringOrganization
    assert item.posted_at_raw == "2026-08-18"


def test_hiring_organization_and_remote_type() -> None:
    item = wd.posting_from_payload(
        {"detail": _detail("job-detail-workday.json")}, "workday/Workday"
    )
    assert item.company == "Workday Government, LLC"
    assert item.workplace_type_raw == "Onsite"
    gdit = wd.posting_from_payload({"detail": _detail("job-detail-gdit-data-engineer.json")}, "g/s")
    assert gdit.company == "GD Information Technology, Inc."
    assert gdit.workplace_type_raw is None


def test_list_and_detail_merge_with_same_id() -> None:
    body = recorded("workday", "jobs-search-with-facets-gdit.json").read_bytes()
    listed = wd.payloads_from_list(body)[0]["list"]
    detail = _detail("job-detail-gdit-data-engineer.json")
    assert wd.job_id(listed) == wd.job_id(detail) == "RQ216675"
    item = wd.posting_from_payload({"list": listed, "detail": detail}, "gdit/External_Career_Site")
    assert item.location_raw == ["USA DC Washington"]
    assert item.posted_at_raw == "2026-07-07"  # the detail's startDate, not "Posted 8 Days Ago"
    assert item.description_html and "Data Engineer" in item.description_html


# ── own fixtures ────────────────────────────────────────────────────────────────────────────


def test_own_detail_values() -> None:
    detail = wd.parse_detail((OWN / "detail-remote-multi.json").read_bytes())
    item = wd.posting_from_payload({"list": None, "detail": detail}, "northpeak/Careers")
    assert item.source_job_id == "JR_88412"  # requisition id containing "_" kept whole
    assert item.company == "Northpeak Outdoor, Inc."
    assert item.workplace_type_raw == "Hybrid"
    # null dropped, duplicate of the primary location dropped, order kept
    assert item.location_raw == ["US, WA, Seattle", "US, CO, Denver", "US, Remote"]
    assert item.salary_structured == []  # pay only in the description text


def test_own_last_page() -> None:
    body = (OWN / "jobs-last-page.json").read_bytes()
    payloads = wd.payloads_from_list(body)
    assert len(payloads) == 4
    req = "http://127.0.0.1:8000/wday/cxs/northpeak/Careers/jobs"
    first = wd.posting_from_payload(payloads[0], "northpeak/Careers", request_url=req)
    assert (
        first.url == "http://127.0.0.1:8000/Careers/job/US-CO-Boulder/Retail-Store-Manager_R10442"
    )
    second = wd.posting_from_payload(payloads[1], "northpeak/Careers", request_url=req)
    assert second.location_raw == []  # "12 Locations"
    assert second.workplace_type_raw == "Remote"
    assert wd.next_offset(60, len(payloads), 64) is None


@pytest.mark.parametrize("index", [2, 3])
def test_own_entries_without_path_raise_missing_id(index: int) -> None:
    payloads = wd.payloads_from_list((OWN / "jobs-last-page.json").read_bytes())
    with pytest.raises(PayloadError) as info:
        wd.posting_from_payload(payloads[index], "northpeak/Careers")
    assert info.value.reason == "missing_id"


def test_empty_site() -> None:
    body = (OWN / "jobs-empty-site.json").read_bytes()
    assert wd.payloads_from_list(body) == []
    assert wd.total(body) == 0
    assert wd.next_offset(0, 0, wd.total(body)) is None


@pytest.mark.parametrize(
    ("fixture", "reason"),
    [
        ("jobs-truncated.json", "invalid_json"),
        ("error-maintenance.html", "html_instead_of_json"),
        ("error-site-not-found.json", "api_error"),
    ],
)
def test_bad_list_bodies(fixture: str, reason: str) -> None:
    with pytest.raises(PayloadError) as info:
        wd.payloads_from_list((OWN / fixture).read_bytes())
    assert info.value.reason == reason


@pytest.mark.parametrize("body", [b"[]", b'{"total": 3}', b'{"jobPostings": {"a": 1}}'])
def test_wrong_list_shapes(body: bytes) -> None:
    with pytest.raises(PayloadError, match="unexpected_shape"):
        wd.payloads_from_list(body)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b'{"jobPostingInfo": "nope"}', "unexpected_shape"),
        (b"[]", "unexpected_shape"),
        (b'{"errorCode": "HTTP_404", "message": "gone"}', "api_error"),
        (b"<!DOCTYPE html><html></html>", "html_instead_of_json"),
        (b"   ", "empty_body"),
    ],
)
def test_bad_detail_bodies(body: bytes, reason: str) -> None:
    with pytest.raises(PayloadError) as info:
        wd.parse_detail(body)
    assert info.value.reason == reason


def test_invalid_utf8_is_repaired() -> None:
    [payload] = wd.payloads_from_list((OWN / "jobs-invalid-utf8.json").read_bytes())
    item = wd.posting_from_payload(payload, "acme/External")
    assert item.title == "Ingeni\ufffdro de Calidad"
    assert item.source_job_id == "R77001"


@pytest.mark.parametrize(
    ("job", "expected"),
    [
        ({"externalPath": "/job/X/Title_R1"}, "R1"),
        ({"externalPath": "/job/X/Title_R1/"}, "R1"),
        ({"externalPath": "/job/X/NoUnderscore"}, "NoUnderscore"),
        ({"jobPostingInfo": {"jobPostingId": "T_JR-9"}}, "JR-9"),
        ({"externalPath": ""}, None),
        ({"externalPath": None}, None),
        ({"title": "x"}, None),
        (None, None),
    ],
)
def test_job_id(job: object, expected: str | None) -> None:
    assert wd.job_id(job) == expected


def test_total_on_parsed_body_and_bad_values() -> None:
    assert wd.total(json.loads((OWN / "jobs-last-page.json").read_text())) == 0
    assert wd.total({"jobPostings": [], "total": "20"}) is None
    assert wd.total({"jobPostings": [], "total": True}) is None
