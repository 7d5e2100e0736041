"""Lever parsing on the real recorded responses and on the project's own fixtures."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import FIXTURES, recorded
from hypothesis import given, settings
from hypothesis import strategies as st

from spiders.extract import PayloadError, lever
from spiders.items import JobPostingItem

RECORDED_FILES = {
    "postings-idealistconsulting.json": "idealistconsulting",
    "postings-outreach-salaryrange.json": "outreach",
    "postings-spotify.json": "spotify",
    "postings-veeva.json": "veeva",
}
OWN = FIXTURES / "lever"


def _recorded(name: str) -> list[dict[str, Any]]:
    return lever.payloads_from_list(recorded("lever", name).read_bytes())


def _by_id(name: str, board: str) -> dict[str, JobPostingItem]:
    items = [lever.posting_from_payload(p, board) for p in _recorded(name)]
    return {item.source_job_id: item for item in items}


def _own() -> list[dict[str, Any]]:
    return lever.payloads_from_list((OWN / "postings-edge.json").read_bytes())


def _own_item(index: int) -> JobPostingItem:
    return lever.posting_from_payload(_own()[index], "acme-logistik")


# --------------------------------------------------------------------------- URL builders


def test_list_url_production_host() -> None:
    url = lever.list_url(lever.DEFAULT_BASE_URL, "spotify")
    assert url == "https://api.lever.co/v0/postings/spotify?mode=json&skip=0&limit=100"


def test_list_url_eu_host_and_paging() -> None:
    assert lever.EU_BASE_URL == "https://api.eu.lever.co"
    url = lever.list_url(lever.EU_BASE_URL, "acme-logistik", skip=200, limit=50)
    assert url == "https://api.eu.lever.co/v0/postings/acme-logistik?mode=json&skip=200&limit=50"


def test_list_url_local_override_trailing_slash() -> None:
    url = lever.list_url("http://127.0.0.1:8765/", "veeva")
    assert url == "http://127.0.0.1:8765/v0/postings/veeva?mode=json&skip=0&limit=100"


# --------------------------------------------------------------------------- recorded files


@pytest.mark.parametrize(("name", "board"), RECORDED_FILES.items())
def test_recorded_postings_all_become_items(name: str, board: str) -> None:
    payloads = _recorded(name)
    assert payloads
    for payload in payloads:
        item = lever.posting_from_payload(payload, board, request_url="u", http_status=200)
        assert item.source == "lever" and item.board == board
        assert item.source_job_id == payload["id"]
        assert item.title == " ".join(payload["text"].split())
        assert item.url == f"https://jobs.lever.co/{board}/{payload['id']}"
        assert item.apply_url == f"{item.url}/apply"
        assert item.location_raw and item.location_raw[0] == payload["categories"]["location"]
        assert item.employment_type_raw == payload["categories"]["commitment"]
        assert item.workplace_type_raw == payload["workplaceType"]
        assert item.posted_at_raw and item.posted_at_raw.endswith("Z")
        assert item.description_html and "<" in item.description_html
        assert item.company is None
        assert item.raw is payload


@pytest.mark.parametrize("name", RECORDED_FILES)
def test_recorded_payloads_are_json_serialisable_and_replay(name: str) -> None:
    for payload in _recorded(name):
        item = lever.posting_from_payload(payload, "b")
        archived = json.loads(json.dumps(item.to_bronze()))
        assert lever.posting_from_payload(archived["payload"], "b") == item


def test_recorded_ids_and_titles_spotify() -> None:
    items = _by_id("postings-spotify.json", "spotify")
    assert list(items) == [
        "b4ad9572-e20f-4185-a284-99d9740d04f0",
        "cc5ccf57-b851-4c25-8840-ed4cd0535c12",
        "66acb66f-de37-4d95-a353-874db92838ef",
        "08d82da1-0c72-44d1-91eb-7fa22dee3d39",
    ]
    assert items["cc5ccf57-b851-4c25-8840-ed4cd0535c12"].title == (
        "Analyst, Licensing Finance \u2013 FP&A"
    )


def test_recorded_all_locations_are_kept_in_order() -> None:
    items = _by_id("postings-spotify.json", "spotify")
    assert items["b4ad9572-e20f-4185-a284-99d9740d04f0"].location_raw == ["London", "Stockholm"]
    assert items["08d82da1-0c72-44d1-91eb-7fa22dee3d39"].location_raw == ["Stockholm", "London"]
    assert items["66acb66f-de37-4d95-a353-874db92838ef"].location_raw == ["London"]


def test_recorded_created_at_epoch_ms_becomes_iso_utc() -> None:
    idealist = _by_id("postings-idealistconsulting.json", "idealistconsulting")
    assert idealist["a24ec4e5-5caa-473d-abd4-b71f09a8167b"].posted_at_raw == (
        "2025-11-27T01:02:41.939Z"  # createdAt 1764205361939
    )
    assert idealist["5d54d69b-e940-452e-b892-1170aa60f095"].posted_at_raw == (
        "2023-01-29T02:28:23.769Z"  # createdAt 1674959303769
    )
    outreach = _by_id("postings-outreach-salaryrange.json", "outreach")
    assert outreach["a60fb104-ce93-4ba0-8763-ffb075b3eed1"].posted_at_raw == (
        "2026-06-29T17:15:06.506Z"  # createdAt 1782753306506
    )
    assert all(item.updated_at_raw is None for item in outreach.values())


def test_recorded_salary_ranges_outreach() -> None:
    items = _by_id("postings-outreach-salaryrange.json", "outreach")
    assert items["a60fb104-ce93-4ba0-8763-ffb075b3eed1"].salary_structured == [
        {
            "min": 140000.0,
            "max": 160000.0,
            "currency": "USD",
            "period": "year",
            "label": "per-year-salary",
            "kind": "base",
        }
    ]
    pay = items["1ee6929b-42c3-4ada-83cf-2ea170f7b430"].salary_structured
    assert [(p["min"], p["max"]) for p in pay] == [(145000.0, 185000.0)]
    pay = items["aa98974b-096f-403c-8d38-ba08961f0fd2"].salary_structured
    assert [(p["min"], p["max"], p["currency"]) for p in pay] == [(130000.0, 160000.0, "USD")]


def test_recorded_posting_without_salary_range_has_no_pay() -> None:
    items = _by_id("postings-outreach-salaryrange.json", "outreach")
    london = items["f9e62dad-44bf-4e52-88ca-854a2b26fa58"]
    assert london.salary_structured == []
    assert london.location_raw == ["London"]
    assert london.workplace_type_raw == "hybrid"


def test_recorded_plain_only_description_becomes_escaped_html() -> None:
    """Outreach's capture has only descriptionPlain/additionalPlain: composed into <p>s."""
    items = _by_id("postings-outreach-salaryrange.json", "outreach")
    html = items["a60fb104-ce93-4ba0-8763-ffb075b3eed1"].description_html or ""
    assert html.startswith("<p>About Outreach</p>")
    assert "Why You\u2019ll Love It Here" in html  # from additionalPlain
    assert "<br>" in html


def test_recorded_description_composes_lists_and_additional() -> None:
    payload = next(p for p in _recorded("postings-spotify.json") if p["id"].startswith("cc5ccf57"))
    html = lever.posting_from_payload(payload, "spotify").description_html or ""
    assert html.startswith(payload["description"])
    for entry in payload["lists"]:
        assert f"<h3>{entry['text']}</h3>" in html
        assert f"<ul>{entry['content'].strip()}</ul>" in html
    assert html.rstrip().endswith(payload["additional"].strip())
    assert html.index("What You'll Do") < html.index("Who You Are") < html.index("Where You")


def test_recorded_list_heading_with_quote_is_escaped_safely() -> None:
    items = _by_id("postings-spotify.json", "spotify")
    html = items["08d82da1-0c72-44d1-91eb-7fa22dee3d39"].description_html or ""
    assert '<h3>What You"ll Do</h3>' in html


def test_recorded_veeva_has_no_lists_key_and_still_parses() -> None:
    items = _by_id("postings-veeva.json", "veeva")
    item = items["466ed4a1-2c00-400e-8b9b-77b0c63d64d2"]
    assert "lists" not in item.raw
    assert item.location_raw == ["Portugal - Lisbon"]
    assert item.department == "Data Operations"
    assert "<h3>" not in (item.description_html or "")
    assert "#RemotePortugal" in (item.description_html or "")


def test_recorded_team_is_department_fallback() -> None:
    """idealistconsulting has no categories.department: the team stands in."""
    items = _by_id("postings-idealistconsulting.json", "idealistconsulting")
    assert {item.department for item in items.values()} == {"Services Team"}
    spotify = _by_id("postings-spotify.json", "spotify")
    assert spotify["b4ad9572-e20f-4185-a284-99d9740d04f0"].department == "Engineering"


# --------------------------------------------------------------------------- own fixtures


def test_own_hourly_pay_with_string_amounts_and_lowercase_currency() -> None:
    assert _own_item(0).salary_structured == [
        {
            "min": 15.5,
            "max": 18.25,
            "currency": "EUR",
            "period": "hour",
            "label": "per-hour-wage",
            "kind": "base",
        }
    ]


def test_own_monthly_pay() -> None:
    [pay] = _own_item(1).salary_structured
    assert (pay["min"], pay["max"], pay["period"]) == (4500.0, 6000.0, "month")


def test_own_salary_range_without_numbers_is_skipped() -> None:
    assert _own_item(2).salary_structured == []


def test_own_odd_pay_shapes() -> None:
    [pay] = _own_item(4).salary_structured
    assert pay["min"] is None  # negative amount
    assert pay["max"] == 1250000.0  # "1,250,000"
    assert pay["currency"] is None  # "dollars" is no ISO code
    assert pay["period"] is None and pay["label"] == "one-time"


def test_own_eu_hosted_urls_and_title_whitespace() -> None:
    item = _own_item(0)
    assert item.url == (
        "https://jobs.eu.lever.co/acme-logistik/3f0c6a1e-8d2b-4a57-9c1e-2b7d5e9a0c11"
    )
    assert item.apply_url == f"{item.url}/apply"
    assert item.title == "Warehouse Associate (Nights)"


def test_own_all_locations_deduplicated() -> None:
    assert _own_item(0).location_raw == ["Hamburg", "Bremen"]


def test_own_created_and_updated_at() -> None:
    item = _own_item(0)
    assert item.posted_at_raw == "2026-01-01T00:00:00.000Z"
    assert item.updated_at_raw == "2026-01-02T00:00:00.123Z"


def test_own_description_from_opening_body_lists_pay_text_and_plain_additional() -> None:
    html = _own_item(0).description_html or ""
    assert html.split("\n") == [
        "<div>Join the night shift at our <b>Hamburg</b> hub.</div>",
        "<div>You keep parcels moving &amp; trucks on time.</div>",
        "<h3>What you'll do &amp; own</h3>",
        "<ul><li>Pick and pack orders</li><li>Load trucks</li></ul>",
        "<ul><li>Forklift licence a plus</li></ul>",
        "<h3>Benefits</h3>",
        "<div>Pay: 15.50 - 18.25 EUR per hour plus night bonus.</div>",
        "<p>Questions? Write to jobs@acme.example.</p><p>We &lt;3 diverse teams.</p>",
    ]


def test_own_plain_description_keeps_line_breaks() -> None:
    assert _own_item(2).description_html == ("<p>Translate product docs.<br>English to German.</p>")


def test_own_unspecified_workplace_is_none_and_team_fallback() -> None:
    item = _own_item(1)
    assert item.workplace_type_raw is None
    assert item.department == "Sales"
    assert item.apply_url == item.url  # no applyUrl: the hosted page


def test_own_workplace_and_commitment() -> None:
    item = _own_item(0)
    assert (item.workplace_type_raw, item.employment_type_raw) == ("onsite", "Part-Time")
    assert item.department == "Fulfilment"


def test_own_wrong_types_become_none_fields() -> None:
    item = _own_item(3)
    assert item.source_job_id == "d0e1f2a3-2222-4a57-9c1e-2b7d5e9a0c44"
    assert item.title is None
    assert item.url is None and item.apply_url is None
    assert item.location_raw == []
    assert item.department is None and item.employment_type_raw is None
    assert item.description_html is None
    assert item.posted_at_raw == "yesterday"  # text kept for the normaliser to judge
    assert item.workplace_type_raw is None
    assert item.salary_structured == []


def test_own_boolean_created_at_and_list_location() -> None:
    item = _own_item(4)
    assert item.posted_at_raw is None
    assert item.location_raw == []
    assert item.employment_type_raw is None


def test_own_posting_without_id_raises_missing_id() -> None:
    payload = _own()[5]
    assert lever.job_id(payload) is None
    with pytest.raises(PayloadError) as info:
        lever.posting_from_payload(payload, "acme")
    assert info.value.reason == "missing_id"


@pytest.mark.parametrize(
    "payload", [{}, {"id": None}, {"id": ""}, {"id": "  "}, {"id": True}, {"id": [1]}, "x", None]
)
def test_unusable_ids(payload: Any) -> None:
    assert lever.job_id(payload) is None
    with pytest.raises(PayloadError, match="missing_id"):
        lever.posting_from_payload(payload, "b")


def test_numeric_id_is_a_string() -> None:
    assert lever.job_id({"id": 12}) == "12"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1767225600000, "2026-01-01T00:00:00.000Z"),
        ("1767225600000", "2026-01-01T00:00:00.000Z"),
        (0, "1970-01-01T00:00:00.000Z"),
        (10**20, None),
        (float("nan"), None),
        (True, None),
        ("2026-01-01", None),
        (None, None),
    ],
)
def test_epoch_ms_to_iso(value: Any, expected: str | None) -> None:
    assert lever.epoch_ms_to_iso(value) == expected


# --------------------------------------------------------------------------- bad bodies


@pytest.mark.parametrize(
    ("fixture", "reason"),
    [
        ("truncated.json", "invalid_json"),
        ("maintenance.html", "html_instead_of_json"),
        ("not-found.json", "unexpected_shape"),
    ],
)
def test_bad_list_bodies(fixture: str, reason: str) -> None:
    with pytest.raises(PayloadError) as info:
        lever.payloads_from_list((OWN / fixture).read_bytes())
    assert info.value.reason == reason


def test_not_found_error_text_is_in_the_detail() -> None:
    with pytest.raises(PayloadError, match="Document not found"):
        lever.payloads_from_list((OWN / "not-found.json").read_bytes())


@pytest.mark.parametrize(
    ("body", "reason"),
    [(b"", "empty_body"), (b"  \n", "empty_body"), (b'"ok"', "unexpected_shape")],
)
def test_other_bad_bodies(body: bytes, reason: str) -> None:
    with pytest.raises(PayloadError) as info:
        lever.payloads_from_list(body)
    assert info.value.reason == reason


def test_empty_page_is_an_empty_list() -> None:
    assert lever.payloads_from_list((OWN / "empty-page.json").read_bytes()) == []


def test_invalid_utf8_is_repaired_not_fatal() -> None:
    [payload] = lever.payloads_from_list((OWN / "latin1-bytes.json").read_bytes())
    item = lever.posting_from_payload(payload, "b")
    assert item.title == "Caf\ufffd Manager"
    assert item.location_raw == ["K\ufffdln"]


def test_str_body_is_accepted() -> None:
    payloads = lever.payloads_from_list((OWN / "postings-edge.json").read_text("utf-8"))
    assert len(payloads) == 6


def test_non_object_entries_are_kept_for_missing_id_accounting() -> None:
    payloads = lever.payloads_from_list(b'[{"id": "a"}, 7, null]')
    assert [lever.job_id(p) for p in payloads] == ["a", None, None]


# --------------------------------------------------------------------------- properties

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=10,
)
KEYS = [
    "text",
    "hostedUrl",
    "applyUrl",
    "categories",
    "createdAt",
    "updatedAt",
    "workplaceType",
    "description",
    "descriptionPlain",
    "opening",
    "lists",
    "additional",
    "additionalPlain",
    "salaryRange",
    "salaryDescription",
]


NESTED = {
    "categories": st.fixed_dictionaries(
        {}, optional=dict.fromkeys(["location", "allLocations", "team", "department"], JSON)
    )
    | JSON,
    "salaryRange": st.fixed_dictionaries(
        {}, optional=dict.fromkeys(["min", "max", "currency", "interval"], JSON)
    )
    | JSON,
    "lists": st.lists(
        st.fixed_dictionaries({}, optional=dict.fromkeys(["text", "content"], JSON)) | JSON,
        max_size=3,
    )
    | JSON,
}


@settings(max_examples=300, deadline=None)
@given(
    st.fixed_dictionaries({"id": st.just("x")}, optional={**dict.fromkeys(KEYS, JSON), **NESTED})
)
def test_odd_but_parseable_payloads_never_raise(payload: dict[str, Any]) -> None:
    item = lever.posting_from_payload(payload, "b")
    assert item.source_job_id == "x"
    assert all(isinstance(loc, str) for loc in item.location_raw)
    for pay in item.salary_structured:
        assert pay["min"] is not None or pay["max"] is not None
        json.dumps(pay)
