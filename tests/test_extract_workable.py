"""Workable extraction on the real recorded responses and on the project's own fixtures."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, recorded

from spiders.extract import PayloadError
from spiders.extract import workable as wk

OWN = FIXTURES / "workable"


def _payloads(name: str) -> list[dict]:
    return wk.payloads_from_list(recorded("workable", name).read_bytes())


def _own(name: str) -> list[dict]:
    return wk.payloads_from_list((OWN / name).read_bytes())


def test_list_url_uses_base_override() -> None:
    assert (
        wk.list_url("http://127.0.0.1:9000/", "crewai")
        == "http://127.0.0.1:9000/api/v1/widget/accounts/crewai?details=true"
    )
    assert wk.list_url(wk.BASE_URL, "zaelab").startswith("https://apply.workable.com/api/v1/")


# ── recorded responses ──────────────────────────────────────────────────────────────────────


def test_crewai_every_job_parses() -> None:
    items = [wk.posting_from_payload(p, "crewai") for p in _payloads("widget-account-crewai.json")]
    assert [i.source_job_id for i in items] == [
        "3862836931",
        "96051E9EDE",
        "0AB5665160",
        "B778F12851",
    ]
    for item in items:
        assert item.source == "workable"
        assert item.company == "CrewAI"
        assert item.url == f"https://apply.workable.com/j/{item.source_job_id}"
        assert item.apply_url == item.url + "/apply"
        assert item.employment_type_raw == "Full-time"
        assert item.description_html and item.description_html.startswith("<")


def test_crewai_values() -> None:
    items = {
        i.source_job_id: i
        for i in (
            wk.posting_from_payload(p, "crewai") for p in _payloads("widget-account-crewai.json")
        )
    }
    csm = items["3862836931"]
    assert csm.title == "Customer Success Manager, LATAM"
    assert csm.location_raw == ["São Paulo, State of São Paulo, Brazil"]
    assert csm.department == "Support"
    assert csm.posted_at_raw == "2026-06-30"
    assert csm.workplace_type_raw == "remote"  # telecommuting: true
    # empty city and null region: just the country
    assert items["96051E9EDE"].location_raw == ["United States"]
    fullstack = items["0AB5665160"]
    assert fullstack.location_raw == ["San Francisco, California, United States"]
    assert fullstack.workplace_type_raw is None  # telecommuting false is not "on-site"
    assert fullstack.department == "Engineering"


def test_crewai_has_no_duplicates() -> None:
    payloads = _payloads("widget-account-crewai.json")
    assert [p["duplicates"] for p in payloads] == [0, 0, 0, 0]
    assert all(len(p["entries"]) == 1 and p["entries"][0] is p["job"] for p in payloads)


def test_zaelab_duplicate_shortcodes_are_merged() -> None:
    body = recorded("workable", "widget-zaelab.json").read_bytes()
    originals = json.loads(body)["jobs"]
    assert [j["shortcode"] for j in originals] == ["DD136DD7E7", "DD136DD7E7"]
    [payload] = wk.payloads_from_list(body)
    assert payload["duplicates"] == 1
    assert payload["entries"] == originals  # every original entry kept, in order
    assert payload["job"] == originals[0]
    assert [loc["countryCode"] for loc in payload["locations"]] == ["ES", "PT"]
    item = wk.posting_from_payload(payload, "zaelab")
    assert item.source_job_id == "DD136DD7E7"
    assert item.location_raw == ["Spain", "Portugal"]
    assert item.title == "Business Analyst - Spanish Speaking"
    assert item.company == "Zaelab"
    assert item.posted_at_raw == "2026-08-05"  # published_on wins over created_at
    assert item.apply_url == item.url  # no application_url in this capture
    assert item.description_html is None  # trimmed capture without description
    assert item.raw is payload


# ── own fixtures ────────────────────────────────────────────────────────────────────────────


def test_three_location_repeats_merge_into_one_payload() -> None:
    payloads = _own("account-multi-location.json")
    assert [wk.job_id(p) for p in payloads] == ["5A1C9E2F07", "B04D77AE31", None, "C3F0A19B88"]
    tech = payloads[0]
    assert tech["duplicates"] == 2
    assert len(tech["entries"]) == 3
    assert [loc["city"] for loc in tech["locations"]] == ["Berlin", "Munich", "Vienna"]


def test_hidden_location_is_left_out_of_location_raw() -> None:
    item = wk.posting_from_payload(_own("account-multi-location.json")[0], "helios")
    assert item.location_raw == ["Berlin, Germany", "Munich, Bavaria, Germany"]
    assert item.company == "Helios Robotics"


def test_top_level_location_workplace_salary_and_department_path() -> None:
    item = wk.posting_from_payload(_own("account-multi-location.json")[1], "helios")
    assert item.location_raw == ["Amsterdam, North Holland, Netherlands"]  # no "locations" key
    assert item.workplace_type_raw == "hybrid"
    assert item.department == "Product / Design"
    assert item.employment_type_raw == "Contract"
    assert item.description_html == "<p>Design the operator console.</p>\n<ul><li>Figma</li></ul>"
    assert item.salary_structured == [
        {
            "min": 4500.0,
            "max": 5500.0,
            "currency": "EUR",
            "period": "month",
            "label": "",
            "kind": "base",
        }
    ]


def test_job_without_shortcode_raises_missing_id() -> None:
    payload = _own("account-multi-location.json")[2]
    assert payload["duplicates"] == 0  # never merged with other id-less jobs
    with pytest.raises(PayloadError) as info:
        wk.posting_from_payload(payload, "helios")
    assert info.value.reason == "missing_id"


def test_nulls_and_wrong_types_become_none() -> None:
    item = wk.posting_from_payload(_own("account-multi-location.json")[3], "helios")
    assert item.source_job_id == "C3F0A19B88"
    assert item.title is None
    assert item.url is None and item.apply_url is None
    assert item.employment_type_raw is None  # 7
    assert item.workplace_type_raw is None  # telecommuting "yes" is not True
    assert item.location_raw == []
    assert item.department is None
    assert item.description_html is None
    assert item.posted_at_raw == "2026-09-12"  # falls back to created_at
    assert item.salary_structured == []


def test_empty_account() -> None:
    assert _own("account-empty.json") == []


@pytest.mark.parametrize(
    ("fixture", "reason"),
    [
        ("account-truncated.json", "invalid_json"),
        ("error-rate-limited.html", "html_instead_of_json"),
        ("error-account-not-found.json", "unexpected_shape"),
    ],
)
def test_bad_bodies(fixture: str, reason: str) -> None:
    with pytest.raises(PayloadError) as info:
        _own(fixture)
    assert info.value.reason == reason


@pytest.mark.parametrize("body", [b"[]", b'{"jobs": null}', b'{"jobs": {"a": 1}}', b"null"])
def test_wrong_top_level_shape(body: bytes) -> None:
    with pytest.raises(PayloadError, match="unexpected_shape"):
        wk.payloads_from_list(body)


def test_invalid_utf8_is_repaired() -> None:
    [payload] = _own("account-invalid-utf8.json")
    item = wk.posting_from_payload(payload, "brueckner")
    assert item.company == "Br\ufffdckner Bau"
    assert item.location_raw == ["K\ufffdln, Germany"]


@pytest.mark.parametrize(
    ("job", "expected"),
    [
        ({"shortcode": "AB12"}, "AB12"),
        ({"shortcode": 12345}, "12345"),
        ({"job": {"shortcode": "AB12"}}, "AB12"),
        ({"shortcode": ""}, None),
        ({"shortcode": True}, None),
        ({"id": "AB12"}, None),
        ("AB12", None),
    ],
)
def test_job_id(job: object, expected: str | None) -> None:
    assert wk.job_id(job) == expected


def test_non_object_job_entries_do_not_crash_merge() -> None:
    payloads = wk.payloads_from_list(b'{"name": "X", "jobs": ["oops", null, {"shortcode": "A"}]}')
    assert [wk.job_id(p) for p in payloads] == [None, None, "A"]
    with pytest.raises(PayloadError, match="missing_id"):
        wk.posting_from_payload(payloads[0], "x")
