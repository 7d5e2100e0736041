"""Ashby parsing on the real recorded responses and on the project's own fixtures."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import FIXTURES, recorded
from hypothesis import given, settings
from hypothesis import strategies as st

from spiders.extract import PayloadError, ashby
from spiders.items import JobPostingItem

RECORDED_FILES = {
    "job-board-highlightta.json": "HighlightTA",
    "job-board-ramp-compensation.json": "ramp",
    "job-board-vanta.json": "vanta",
    "job-board-wealth-com-compensation.json": "wealth-com",
}
OWN = FIXTURES / "ashby"


def _body(name: str) -> bytes:
    return recorded("ashby", name).read_bytes()


def _by_id(name: str) -> dict[str, JobPostingItem]:
    board = RECORDED_FILES[name]
    items = [ashby.posting_from_payload(p, board) for p in ashby.payloads_from_list(_body(name))]
    return {item.source_job_id: item for item in items}


def _own() -> list[dict[str, Any]]:
    return ashby.payloads_from_list((OWN / "job-board-edge.json").read_bytes())


def _own_item(job_id_suffix: str) -> JobPostingItem:
    payload = next(p for p in _own() if str(p.get("id", "")).endswith(job_id_suffix))
    return ashby.posting_from_payload(payload, "acme")


# --------------------------------------------------------------------------- URL builder


def test_list_url_production_with_compensation() -> None:
    assert ashby.list_url(ashby.DEFAULT_BASE_URL, "ramp") == (
        "https://api.ashbyhq.com/posting-api/job-board/ramp?includeCompensation=true"
    )


def test_list_url_local_override_without_compensation() -> None:
    url = ashby.list_url("http://127.0.0.1:9000/", "wealth-com", include_compensation=False)
    assert url == "http://127.0.0.1:9000/posting-api/job-board/wealth-com"


# --------------------------------------------------------------------------- recorded files


@pytest.mark.parametrize(("name", "board"), RECORDED_FILES.items())
def test_recorded_jobs_all_become_items(name: str, board: str) -> None:
    raw_jobs = json.loads(_body(name))["jobs"]
    payloads = ashby.payloads_from_list(_body(name))
    assert payloads
    assert payloads == [j for j in raw_jobs if j["isListed"]]
    for payload in payloads:
        item = ashby.posting_from_payload(payload, board, request_url="u", fetched_at="t")
        assert item.source == "ashby" and item.board == board
        assert item.source_job_id == payload["id"]
        assert item.title == payload["title"].strip()
        assert item.url == payload["jobUrl"]
        assert item.apply_url == payload["applyUrl"]
        assert item.description_html == payload["descriptionHtml"]
        assert item.posted_at_raw == payload["publishedAt"]
        assert item.employment_type_raw == "FullTime"
        assert item.department == payload["department"]
        assert item.location_raw
        assert item.company is None
        assert item.raw is payload
        assert (item.request_url, item.fetched_at, item.http_status) == ("u", "t", 200)


@pytest.mark.parametrize("name", RECORDED_FILES)
def test_recorded_payloads_are_json_serialisable_and_replay(name: str) -> None:
    for payload in ashby.payloads_from_list(_body(name)):
        item = ashby.posting_from_payload(payload, "b")
        archived = json.loads(json.dumps(item.to_bronze()))
        assert ashby.posting_from_payload(archived["payload"], "b") == item


def test_recorded_unlisted_job_is_dropped() -> None:
    ids = list(_by_id("job-board-wealth-com-compensation.json"))
    assert "unlisted-draft-0001" not in ids
    assert ids == [
        "c46c1464-d1e3-4fb7-9ace-7f1b9b65774c",
        "fcd184e8-d7c9-4c58-b5f5-56b7ee5c80ac",
        "2cba0d45-7a4f-4f38-ac73-3f8633bf0349",
        "nocomp-0002",
    ]


def test_recorded_cad_salary_tier() -> None:
    items = _by_id("job-board-highlightta.json")
    assert items["fc2f1f85-46a0-4a31-b165-683e39c07c04"].salary_structured == [
        {
            "min": 102800.0,
            "max": 137000.0,
            "currency": "CAD",
            "period": "year",
            "label": "CA$102.8K \u2013 CA$137K",
            "kind": "base",
        }
    ]
    assert items["90fb3621-899e-4b59-925d-25080ec91e18"].salary_structured == []


def test_recorded_ramp_ote_tiers_are_flagged_ote_with_tier_titles() -> None:
    pay = _by_id("job-board-ramp-compensation.json")[
        "03e2d4e1-73ad-4f09-a058-2eb9ce34c2bc"
    ].salary_structured
    assert [(p["label"], p["min"], p["max"], p["kind"]) for p in pay] == [
        ("SF/NY: OTE $168K \u2013 $231K", 168000.0, 231000.0, "ote"),
        ("Nationwide: OTE $151K \u2013 $207K", 151000.0, 207000.0, "ote"),
    ]
    assert {(p["currency"], p["period"]) for p in pay} == {("USD", "year")}


def test_recorded_ramp_base_tiers_and_equity_without_amounts_skipped() -> None:
    pay = _by_id("job-board-ramp-compensation.json")[
        "0907ae2a-5334-4d64-9a76-cc9428224546"
    ].salary_structured
    assert [(p["min"], p["max"], p["kind"]) for p in pay] == [
        (212000.0, 291000.0, "base"),
        (191000.0, 262000.0, "base"),
    ]
    assert pay[0]["label"] == "SF/NY: Target Base Salary $212K \u2013 $291K"


def test_recorded_hourly_compensation() -> None:
    items = _by_id("job-board-wealth-com-compensation.json")
    [pay] = items["fcd184e8-d7c9-4c58-b5f5-56b7ee5c80ac"].salary_structured
    assert (pay["min"], pay["max"], pay["currency"], pay["period"]) == (30.0, 38.0, "USD", "hour")
    assert pay["label"] == "Full-Time Non Exempt Hourly $30 - $38 per hour"


def test_recorded_empty_compensation_and_missing_compensation() -> None:
    assert _by_id("job-board-wealth-com-compensation.json")["nocomp-0002"].salary_structured == []
    vanta = _by_id("job-board-vanta.json")
    assert all("compensation" not in i.raw and i.salary_structured == [] for i in vanta.values())


def test_recorded_secondary_locations_use_address_parts() -> None:
    items = _by_id("job-board-ramp-compensation.json")
    assert items["03e2d4e1-73ad-4f09-a058-2eb9ce34c2bc"].location_raw == [
        "Remote (US)",  # no locality in the address: the location's own name
        "San Fransisco, California, USA",  # the address as Ashby has it (typo included)
        "New York City, NY, USA",
    ]
    assert items["0907ae2a-5334-4d64-9a76-cc9428224546"].location_raw == [
        "New York City, NY, USA",
        "Remote (US)",
    ]
    assert items["1515fe6d-1d8e-475b-a5ee-cefe43e78cb7"].location_raw == ["London, United Kingdom"]


def test_recorded_locations_address_parts_and_names() -> None:
    hta = _by_id("job-board-highlightta.json")
    assert hta["90fb3621-899e-4b59-925d-25080ec91e18"].location_raw == ["Canada"]
    assert hta["fc2f1f85-46a0-4a31-b165-683e39c07c04"].location_raw == ["Toronto, Ontario, Canada"]
    wealth = _by_id("job-board-wealth-com-compensation.json")
    assert wealth["2cba0d45-7a4f-4f38-ac73-3f8633bf0349"].location_raw == [
        "San Francisco, California, United States",
        "New York, New York, United States",
        "Seattle, Washington, United States",
    ]
    assert wealth["fcd184e8-d7c9-4c58-b5f5-56b7ee5c80ac"].location_raw == ["Remote, United States"]


def test_recorded_workplace_type_preferred_over_is_remote() -> None:
    hta = _by_id("job-board-highlightta.json")
    # isRemote is true but workplaceType says Hybrid: the label wins.
    assert hta["fc2f1f85-46a0-4a31-b165-683e39c07c04"].workplace_type_raw == "Hybrid"
    ramp = _by_id("job-board-ramp-compensation.json")
    assert ramp["1515fe6d-1d8e-475b-a5ee-cefe43e78cb7"].workplace_type_raw == "OnSite"
    vanta = _by_id("job-board-vanta.json")
    # workplaceType and isRemote both null: nothing said.
    assert vanta["cf4358d4-1f34-40cc-b5b4-31a2e001136f"].workplace_type_raw is None
    assert vanta["fe5fd1a4-12ff-4703-bed5-6c2f34ba7768"].workplace_type_raw == "Remote"


def test_recorded_title_trailing_space_is_trimmed() -> None:
    item = _by_id("job-board-highlightta.json")["fc2f1f85-46a0-4a31-b165-683e39c07c04"]
    assert item.title == "Senior Site Reliability Engineer"


# --------------------------------------------------------------------------- own fixtures


def test_own_unlisted_dropped_and_missing_is_listed_kept() -> None:
    ids = [p.get("id") for p in _own()]
    assert "5b0e2f6a-1c1d-4f0e-9a51-000000000003" not in ids
    assert "5b0e2f6a-1c1d-4f0e-9a51-000000000004" in ids
    assert len(ids) == 5


def test_own_every_component_kind() -> None:
    pay = _own_item("0001").salary_structured
    assert pay == [
        {
            "min": 85000.0,
            "max": 105000.0,
            "currency": "EUR",
            "period": "year",
            "label": "\u20ac85K \u2013 \u20ac105K",
            "kind": "base",
        },
        {
            "min": 0.05,
            "max": 0.1,
            "currency": None,
            "period": None,
            "label": "0.05% \u2013 0.1%",
            "kind": "equity",
        },
        {
            "min": None,
            "max": 10000.0,
            "currency": "EUR",
            "period": "year",
            "label": "\u20ac10K bonus",
            "kind": "bonus",
        },
        {
            "min": 20000.0,
            "max": 40000.0,
            "currency": "EUR",
            "period": "year",
            "label": "Commission \u20ac20K \u2013 \u20ac40K",
            "kind": "other",
        },
    ]


def test_own_summary_components_used_when_no_tiers() -> None:
    assert _own_item("0002").salary_structured == [
        {
            "min": 22.0,
            "max": 26.0,
            "currency": "USD",
            "period": "hour",
            "label": "$22 \u2013 $26 per hour",
            "kind": "base",
        }
    ]


def test_own_locations_with_partial_and_missing_addresses() -> None:
    assert _own_item("0001").location_raw == [
        "Berlin, Berlin, Germany",
        "Remote (EU)",
        "Amsterdam",
        "M\u00fcnchen, Bavaria, Germany",
    ]
    assert _own_item("0002").location_raw == ["Austin, TX"]


def test_own_is_remote_fallback_when_workplace_type_null() -> None:
    assert _own_item("0001").workplace_type_raw == "Remote"
    assert _own_item("0004").workplace_type_raw == "Remote"
    assert _own_item("0002").workplace_type_raw == "OnSite"


def test_own_team_fallback_plain_description_and_missing_apply_url() -> None:
    item = _own_item("0002")
    assert item.department == "Customer Support"
    assert item.employment_type_raw == "PartTime"
    assert item.description_html == (
        "<p>Help customers by chat.<br>Weekends included.</p><p>Benefits: &lt;great&gt;</p>"
    )
    assert item.apply_url == item.url


def test_own_updated_at_when_present() -> None:
    assert _own_item("0001").updated_at_raw == "2026-03-05T10:30:00.000+00:00"
    assert _own_item("0002").updated_at_raw is None


def test_own_wrong_types_become_none_fields() -> None:
    item = _own_item("0005")
    assert item.title is None and item.url is None and item.apply_url is None
    assert item.department is None and item.employment_type_raw is None
    assert item.location_raw == []
    assert item.posted_at_raw is None
    assert item.workplace_type_raw is None  # workplaceType 7, isRemote "true"
    assert item.description_html is None  # blank HTML, no plain text


def test_own_odd_compensation_keeps_only_usable_numbers() -> None:
    [pay] = _own_item("0005").salary_structured
    assert pay == {
        "min": None,  # "abc"
        "max": 3500.0,  # "3,500"
        "currency": None,  # "EURO"
        "period": None,  # "2 WEEK"
        "label": "EU",  # the tier title; the component has no summary
        "kind": "base",
    }


def test_own_job_without_id_raises_missing_id() -> None:
    payload = _own()[-1]
    assert payload["title"] == "Job without an id"
    with pytest.raises(PayloadError) as info:
        ashby.posting_from_payload(payload, "acme")
    assert info.value.reason == "missing_id"


@pytest.mark.parametrize(
    "payload", [{}, {"id": None}, {"id": ""}, {"id": False}, {"id": {"a": 1}}, [], None]
)
def test_unusable_ids(payload: Any) -> None:
    assert ashby.job_id(payload) is None
    with pytest.raises(PayloadError, match="missing_id"):
        ashby.posting_from_payload(payload, "b")


# --------------------------------------------------------------------------- bad bodies


@pytest.mark.parametrize(
    ("fixture", "reason"),
    [
        ("truncated.json", "invalid_json"),
        ("cloudflare-challenge.html", "html_instead_of_json"),
        ("board-not-found.json", "unexpected_shape"),
        ("jobs-not-array.json", "unexpected_shape"),
    ],
)
def test_bad_list_bodies(fixture: str, reason: str) -> None:
    with pytest.raises(PayloadError) as info:
        ashby.payloads_from_list((OWN / fixture).read_bytes())
    assert info.value.reason == reason


@pytest.mark.parametrize(
    ("body", "reason"),
    [(b"", "empty_body"), (b"[]", "unexpected_shape"), (b"null", "unexpected_shape")],
)
def test_other_bad_bodies(body: bytes, reason: str) -> None:
    with pytest.raises(PayloadError) as info:
        ashby.payloads_from_list(body)
    assert info.value.reason == reason


def test_invalid_utf8_is_repaired_not_fatal() -> None:
    [payload] = ashby.payloads_from_list((OWN / "latin1-bytes.json").read_bytes())
    item = ashby.posting_from_payload(payload, "b")
    assert item.title == "Se\ufffdor Engineer"
    assert item.location_raw == ["M\ufffdlaga"]


def test_non_object_entries_are_kept_for_missing_id_accounting() -> None:
    payloads = ashby.payloads_from_list(b'{"jobs": [{"id": "a", "isListed": false}, 3]}')
    assert payloads == [3]


# --------------------------------------------------------------------------- properties

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=10,
)
COMPONENT = st.fixed_dictionaries(
    {},
    optional=dict.fromkeys(
        ["summary", "compensationType", "interval", "currencyCode", "minValue", "maxValue"], JSON
    ),
)
ADDRESS = st.fixed_dictionaries(
    {},
    optional={
        "postalAddress": st.fixed_dictionaries(
            {},
            optional=dict.fromkeys(["addressLocality", "addressRegion", "addressCountry"], JSON),
        )
        | JSON
    },
)
FIELDS = {
    **dict.fromkeys(
        [
            "title",
            "department",
            "team",
            "employmentType",
            "location",
            "publishedAt",
            "isRemote",
            "workplaceType",
            "jobUrl",
            "applyUrl",
            "descriptionHtml",
            "descriptionPlain",
        ],
        JSON,
    ),
    "address": ADDRESS | JSON,
    "secondaryLocations": st.lists(
        st.fixed_dictionaries({}, optional={"location": JSON, "address": ADDRESS}) | JSON,
        max_size=3,
    )
    | JSON,
    "compensation": st.fixed_dictionaries(
        {},
        optional={
            "compensationTiers": st.lists(
                st.fixed_dictionaries(
                    {},
                    optional={
                        "title": JSON,
                        "tierSummary": JSON,
                        "components": st.lists(COMPONENT | JSON, max_size=3) | JSON,
                    },
                )
                | JSON,
                max_size=3,
            )
            | JSON,
            "summaryComponents": st.lists(COMPONENT | JSON, max_size=3) | JSON,
            "compensationTierSummary": JSON,
        },
    )
    | JSON,
}


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({"id": st.just("x")}, optional=FIELDS))
def test_odd_but_parseable_payloads_never_raise(payload: dict[str, Any]) -> None:
    item = ashby.posting_from_payload(payload, "b")
    assert item.source_job_id == "x"
    assert all(isinstance(loc, str) and loc for loc in item.location_raw)
    for pay in item.salary_structured:
        assert pay["min"] is not None or pay["max"] is not None
        assert pay["kind"] in {"base", "ote", "equity", "bonus", "other"}
        assert isinstance(pay["label"], str)
        json.dumps(pay)
