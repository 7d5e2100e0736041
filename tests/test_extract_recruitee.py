"""Recruitee parsing on the real recorded responses and on the project's own fixtures."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import FIXTURES, recorded
from hypothesis import given, settings
from hypothesis import strategies as st

from spiders.extract import PayloadError, recruitee
from spiders.items import JobPostingItem

RECORDED_FILES = {
    "offers-anonymized-berlin.json": "acme",
    "offers-channable.json": "channable",
}
OWN = FIXTURES / "recruitee"


def _body(name: str) -> bytes:
    return recorded("recruitee", name).read_bytes()


def _by_id(name: str) -> dict[str, JobPostingItem]:
    board = RECORDED_FILES[name]
    payloads = recruitee.payloads_from_list(_body(name))
    items = [recruitee.posting_from_payload(p, board) for p in payloads]
    return {item.source_job_id: item for item in items}


def _own() -> list[dict[str, Any]]:
    return recruitee.payloads_from_list((OWN / "offers-edge.json").read_bytes())


def _own_item(index: int) -> JobPostingItem:
    return recruitee.posting_from_payload(_own()[index], "acmelogistics")


# --------------------------------------------------------------------------- URL builder


def test_list_url_production_subdomain() -> None:
    assert recruitee.list_url(recruitee.DEFAULT_BASE_URL, "channable") == (
        "https://channable.recruitee.com/api/offers/"
    )


def test_list_url_local_override_with_and_without_board_placeholder() -> None:
    assert recruitee.list_url("http://127.0.0.1:8000/", "acme") == (
        "http://127.0.0.1:8000/api/offers/"
    )
    assert recruitee.list_url("http://127.0.0.1:8000/{board}", "acme") == (
        "http://127.0.0.1:8000/acme/api/offers/"
    )


# --------------------------------------------------------------------------- recorded files


@pytest.mark.parametrize(("name", "board"), RECORDED_FILES.items())
def test_recorded_offers_all_become_items(name: str, board: str) -> None:
    payloads = recruitee.payloads_from_list(_body(name))
    assert len(payloads) == 2
    for payload in payloads:
        item = recruitee.posting_from_payload(payload, board, http_status=203)
        assert item.source == "recruitee" and item.board == board
        assert item.source_job_id == str(payload["id"])
        assert item.title == payload["title"]
        assert item.url == payload["careers_url"]
        assert item.apply_url == payload["careers_apply_url"]
        assert item.company == payload["company_name"]
        assert item.department == payload["department"]
        assert item.location_raw == [payload["location"]]
        assert item.employment_type_raw == "fulltime_permanent"
        assert item.workplace_type_raw == "hybrid"
        assert item.description_html == f"{payload['description']}\n{payload['requirements']}"
        assert item.http_status == 203
        assert item.raw is payload


@pytest.mark.parametrize("name", RECORDED_FILES)
def test_recorded_payloads_are_json_serialisable_and_replay(name: str) -> None:
    for payload in recruitee.payloads_from_list(_body(name)):
        item = recruitee.posting_from_payload(payload, "b")
        archived = json.loads(json.dumps(item.to_bronze()))
        assert recruitee.posting_from_payload(archived["payload"], "b") == item


def test_recorded_ids_titles_and_urls_acme() -> None:
    items = _by_id("offers-anonymized-berlin.json")
    assert list(items) == ["2700825", "2697184"]
    item = items["2700825"]
    assert item.title == (
        "(Senior) Financial Accountant (f/m/d) - Berlin/Brandenburg Region, Germany"
    )
    assert item.url == (
        "https://jobs.acme.com/o/senior-financial-accountant-fmd-berlinbrandenburg-region-germany"
    )
    assert item.company == "Acme"


def test_recorded_dates_converted_to_iso_utc() -> None:
    item = _by_id("offers-anonymized-berlin.json")["2700825"]
    assert item.posted_at_raw == "2026-08-05T10:10:39Z"  # published_at, not created_at
    assert item.updated_at_raw == "2026-08-05T11:45:30Z"
    channable = _by_id("offers-channable.json")["2743511"]
    assert (channable.posted_at_raw, channable.updated_at_raw) == (
        "2026-09-11T15:16:33Z",
        "2026-09-21T12:02:55Z",
    )


def test_recorded_string_salaries_become_numbers() -> None:
    acme = _by_id("offers-anonymized-berlin.json")
    assert acme["2700825"].salary_structured == [
        {
            "min": 60000.0,
            "max": 75000.0,
            "currency": "EUR",
            "period": "year",
            "label": "60000-75000 EUR per year",
            "kind": "base",
        }
    ]
    [pay] = acme["2697184"].salary_structured
    assert (pay["min"], pay["max"]) == (75000.0, 90000.0)


def test_recorded_monthly_salary_channable() -> None:
    items = _by_id("offers-channable.json")
    [pay] = items["2751915"].salary_structured
    assert (pay["min"], pay["max"], pay["currency"], pay["period"]) == (
        3750.0,
        5250.0,
        "EUR",
        "month",
    )
    [pay] = items["2743511"].salary_structured
    assert (pay["min"], pay["max"], pay["period"]) == (115000.0, 130000.0, "year")


def test_recorded_location_label_is_not_a_place() -> None:
    """The second acme offer's location is named "Germany/Remote" but sits in Berlin."""
    item = _by_id("offers-anonymized-berlin.json")["2697184"]
    assert item.raw["locations"][0]["name"] == "Germany/Remote"
    assert item.location_raw == ["Berlin, Berlin, Germany"]


def test_recorded_description_joins_description_and_requirements() -> None:
    item = _by_id("offers-anonymized-berlin.json")["2700825"]
    html = item.description_html or ""
    assert html.startswith("<p><strong>How you will make an impact</strong>")
    assert "<strong>What we expect from you</strong>" in html
    assert html.index("How you will make an impact") < html.index("What we expect from you")


# --------------------------------------------------------------------------- own fixtures


def test_own_multiple_locations_deduplicated_with_name_fallback() -> None:
    assert _own_item(0).location_raw == [
        "Rotterdam, South Holland, Netherlands",
        "Antwerpen, Antwerp, Belgium",
        "Remote (Benelux)",
    ]


def test_own_workplace_flags_joined() -> None:
    assert _own_item(0).workplace_type_raw == "remote / on-site"
    assert _own_item(1).workplace_type_raw is None  # all three false
    assert _own_item(3).workplace_type_raw is None  # "yes" is not true


def test_own_hourly_salary_lowercase_currency_and_created_at_fallback() -> None:
    item = _own_item(0)
    assert item.salary_structured == [
        {
            "min": 18.5,
            "max": 22.0,
            "currency": "EUR",
            "period": "hour",
            "label": "18.50-22 EUR per hour",
            "kind": "base",
        }
    ]
    assert item.posted_at_raw == "2026-02-10T08:00:00Z"  # published_at null: created_at
    assert item.employment_type_raw == "parttime_fixed_term"


def test_own_zero_min_and_thousands_separator() -> None:
    [pay] = _own_item(1).salary_structured
    assert (pay["min"], pay["max"], pay["period"]) == (None, 5500.0, "month")
    assert pay["label"] == "5,500 EUR per month"


def test_own_translation_fallback_prefers_english() -> None:
    item = _own_item(1)
    assert item.source_job_id == "3100002"  # a string id is accepted
    assert item.title == "Backend Engineer (Elixir)"
    assert item.description_html == "<p>Build our planning engine.</p>"  # no Dutch mixed in


def test_own_dates_without_utc_suffix_are_kept_as_text() -> None:
    item = _own_item(1)
    assert item.posted_at_raw == "2026-02-11T10:00:00Z"
    assert item.updated_at_raw == "2026-02-11 10:00:00"


def test_own_url_from_slug_when_careers_url_missing() -> None:
    item = _own_item(1)
    assert item.url == "https://acmelogistics.recruitee.com/o/backend-engineer-elixir"
    assert item.apply_url == f"{item.url}/c/new"


def test_own_no_url_no_slug_and_top_level_place_parts() -> None:
    item = _own_item(2)
    assert item.url is None and item.apply_url is None
    assert item.location_raw == ["Utrecht, Netherlands"]
    assert item.salary_structured == []  # min and max null
    assert item.posted_at_raw == "2026-02-13T07:00:00Z"


def test_own_wrong_types_become_none_fields() -> None:
    item = _own_item(3)
    assert item.title is None and item.company is None and item.department is None
    assert item.description_html is None
    assert item.location_raw == []
    assert item.posted_at_raw is None  # an integer, not the documented text
    assert item.updated_at_raw == "last week"
    assert item.employment_type_raw is None
    assert item.salary_structured == []


def test_own_unparseable_amounts_give_no_pay() -> None:
    assert _own_item(4).salary_structured == []


def test_own_offer_without_id_raises_missing_id() -> None:
    payload = _own()[5]
    assert recruitee.job_id(payload) is None
    with pytest.raises(PayloadError) as info:
        recruitee.posting_from_payload(payload, "acme")
    assert info.value.reason == "missing_id"


@pytest.mark.parametrize("payload", [{}, {"id": None}, {"id": ""}, {"id": True}, {"id": 1.5}, 7])
def test_unusable_ids(payload: Any) -> None:
    assert recruitee.job_id(payload) is None
    with pytest.raises(PayloadError, match="missing_id"):
        recruitee.posting_from_payload(payload, "b")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-08-05 09:41:37 UTC", "2026-08-05T09:41:37Z"),
        ("  2026-08-05 09:41:37 UTC ", "2026-08-05T09:41:37Z"),
        ("2026-02-30 09:41:37 UTC", "2026-02-30 09:41:37 UTC"),
        ("", None),
        (None, None),
        (1767225600, None),
    ],
)
def test_utc_text_to_iso(value: Any, expected: str | None) -> None:
    assert recruitee.utc_text_to_iso(value) == expected


# --------------------------------------------------------------------------- bad bodies


@pytest.mark.parametrize(
    ("fixture", "reason"),
    [
        ("truncated.json", "invalid_json"),
        ("bad-gateway.html", "html_instead_of_json"),
        ("company-not-found.json", "unexpected_shape"),
        ("offers-not-array.json", "unexpected_shape"),
    ],
)
def test_bad_list_bodies(fixture: str, reason: str) -> None:
    with pytest.raises(PayloadError) as info:
        recruitee.payloads_from_list((OWN / fixture).read_bytes())
    assert info.value.reason == reason


@pytest.mark.parametrize(("body", "reason"), [(b"", "empty_body"), (b"[]", "unexpected_shape")])
def test_other_bad_bodies(body: bytes, reason: str) -> None:
    with pytest.raises(PayloadError) as info:
        recruitee.payloads_from_list(body)
    assert info.value.reason == reason


def test_invalid_utf8_is_repaired_not_fatal() -> None:
    [payload] = recruitee.payloads_from_list((OWN / "latin1-bytes.json").read_bytes())
    item = recruitee.posting_from_payload(payload, "b")
    assert item.title == "Gro\ufffdhandel Manager"
    assert item.location_raw == ["D\ufffdsseldorf, Germany"]


# --------------------------------------------------------------------------- properties

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=10,
)
FIELDS = {
    **dict.fromkeys(
        [
            "title",
            "slug",
            "company_name",
            "department",
            "careers_url",
            "careers_apply_url",
            "description",
            "requirements",
            "location",
            "city",
            "state_name",
            "country",
            "remote",
            "hybrid",
            "on_site",
            "employment_type_code",
            "created_at",
            "published_at",
            "updated_at",
        ],
        JSON,
    ),
    "locations": st.lists(
        st.fixed_dictionaries(
            {}, optional=dict.fromkeys(["name", "city", "state", "country"], JSON)
        )
        | JSON,
        max_size=3,
    )
    | JSON,
    "translations": st.dictionaries(
        st.sampled_from(["en", "de", "nl"]),
        st.fixed_dictionaries(
            {}, optional=dict.fromkeys(["title", "description", "requirements"], JSON)
        )
        | JSON,
        max_size=2,
    )
    | JSON,
    "salary": st.fixed_dictionaries(
        {}, optional=dict.fromkeys(["min", "max", "currency", "period"], JSON)
    )
    | JSON,
}


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({"id": st.just(1)}, optional=FIELDS))
def test_odd_but_parseable_payloads_never_raise(payload: dict[str, Any]) -> None:
    item = recruitee.posting_from_payload(payload, "b")
    assert item.source_job_id == "1"
    assert all(isinstance(loc, str) and loc for loc in item.location_raw)
    for pay in item.salary_structured:
        assert pay["min"] is not None or pay["max"] is not None
        json.dumps(pay)
