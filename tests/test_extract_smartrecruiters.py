"""SmartRecruiters extraction on the real recorded responses and on the project's own fixtures."""

from __future__ import annotations

import copy
import json

import pytest
from conftest import FIXTURES, recorded

from spiders.extract import PayloadError
from spiders.extract import smartrecruiters as sr

OWN = FIXTURES / "smartrecruiters"
LISTS = {
    "postings-knight.json": ["743999671674844"],
    "postings-list-hirevue.json": ["744000138728139", "744000136509359", "744000133640099"],
    "postings-ubisoft.json": ["744000151912444", "744000151872065"],
}


def _items(name: str, board: str = "b") -> list:
    body = recorded("smartrecruiters", name).read_bytes()
    return [sr.posting_from_payload(p, board) for p in sr.payloads_from_list(body)]


def _detail() -> dict:
    return sr.parse_detail(recorded("smartrecruiters", "posting-detail-hirevue.json").read_bytes())


# ── URLs and paging ─────────────────────────────────────────────────────────────────────────


def test_list_url_uses_base_override_and_paging() -> None:
    url = sr.list_url("http://127.0.0.1:8080/", "HireVue", offset=200)
    assert url == "http://127.0.0.1:8080/v1/companies/HireVue/postings?limit=100&offset=200"


def test_list_url_clamps_limit_to_api_maximum() -> None:
    assert "limit=100&" in sr.list_url(sr.BASE_URL, "x", limit=500)
    assert "limit=1&" in sr.list_url(sr.BASE_URL, "x", limit=0)


def test_detail_url() -> None:
    assert (
        sr.detail_url(sr.BASE_URL, "HireVue", "744000138728139")
        == "https://api.smartrecruiters.com/v1/companies/HireVue/postings/744000138728139"
    )


def test_company_id_is_path_quoted() -> None:
    assert "/companies/a%2Fb/postings" in sr.list_url(sr.BASE_URL, "a/b")


@pytest.mark.parametrize(
    ("offset", "count", "total", "expected"),
    [
        (0, 100, 310, 100),
        (200, 100, 310, 300),
        (300, 10, 310, None),  # short page
        (200, 100, 300, None),  # reached totalFound
        (0, 0, 0, None),  # unknown company
        (0, 100, None, 100),  # no totalFound: keep going while pages are full
    ],
)
def test_next_offset(offset: int, count: int, total: int | None, expected: int | None) -> None:
    assert sr.next_offset(offset, count, total) == expected


# ── recorded responses ──────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("name", sorted(LISTS))
def test_recorded_lists_parse_every_posting(name: str) -> None:
    body = recorded("smartrecruiters", name).read_bytes()
    payloads = sr.payloads_from_list(body)
    assert [p["list"]["id"] for p in payloads] == LISTS[name]
    assert all(p["detail"] is None for p in payloads)
    for payload in payloads:
        item = sr.posting_from_payload(payload, "b")
        entry = payload["list"]
        assert item.source == "smartrecruiters"
        assert item.source_job_id == entry["id"]
        assert item.title == " ".join(entry["name"].split())
        assert item.company == entry["company"]["name"]
        assert item.posted_at_raw == entry["releasedDate"]
        assert item.employment_type_raw == entry["typeOfEmployment"]["label"]
        assert item.raw["list"] is entry
        assert item.description_html is None  # list entries carry no jobAd


def test_recorded_total_found() -> None:
    assert sr.total_found(recorded("smartrecruiters", "postings-ubisoft.json").read_bytes()) == 310
    assert sr.total_found(recorded("smartrecruiters", "postings-knight.json").read_bytes()) == 1


def test_knight_values() -> None:
    [item] = _items("postings-knight.json", "knight")
    assert item.title == "CNA / LPN - Consistent Hours. Start Next Week."  # double space collapsed
    assert item.company == "Knight Gayles"
    assert item.location_raw == ["St. Louis, MO, United States"]
    assert item.department is None  # "department": {}
    assert item.workplace_type_raw == "on-site"  # remote and hybrid both false
    assert item.url == "https://jobs.smartrecruiters.com/Knight/743999671674844"
    assert item.board == "knight"


def test_hirevue_list_values() -> None:
    items = {i.source_job_id: i for i in _items("postings-list-hirevue.json")}
    intern = items["744000138728139"]
    assert intern.department == "Data Science"
    assert intern.workplace_type_raw == "remote"
    assert intern.employment_type_raw == "Part-time"
    assert intern.location_raw == ["Sandy, UT, United States"]
    # fullLocation "Warsaw, , Poland" has an empty region: no ", ," in the raw location
    assert items["744000136509359"].location_raw == ["Warsaw, Poland"]
    assert items["744000133640099"].location_raw == ["Warsaw, Masovian Voivodeship, Poland"]


def test_ubisoft_values() -> None:
    items = _items("postings-ubisoft.json", "Ubisoft2")
    assert [i.title for i in items] == [
        "Spécialiste Fiabilité outils et infrastructures - TGQF",
        "CRM Webmarketing Assistant",
    ]
    assert [i.location_raw for i in items] == [["Montreal, QC, Canada"], ["Paris, IDF, France"]]
    assert [i.employment_type_raw for i in items] == ["Full-time", "Intern"]
    assert {i.workplace_type_raw for i in items} == {"on-site"}


@pytest.mark.parametrize("name", sorted(LISTS))
def test_lowercase_country_codes_are_uppercased(name: str) -> None:
    body = recorded("smartrecruiters", name).read_bytes()
    for payload in sr.payloads_from_list(body):
        entry = copy.deepcopy(payload["list"])
        location = entry["location"]
        assert location["country"].islower()
        del location["fullLocation"]
        item = sr.posting_from_payload({"list": entry}, "b")
        assert item.location_raw[0].endswith(", " + location["country"].upper())
        assert item.location_raw[0].startswith(location["city"])


def test_recorded_detail_values() -> None:
    detail = _detail()
    item = sr.posting_from_payload({"list": None, "detail": detail}, "HireVue")
    assert item.source_job_id == "744000138728139"
    assert item.url == (
        "https://jobs.smartrecruiters.com/HireVue/744000138728139-data-science-intern-fully-remote-us"
    )
    assert item.apply_url == item.url + "?oga=true"
    assert item.department == "Data Science"  # detail department id is an int here, not a str
    assert item.posted_at_raw == "2026-07-20T20:54:18.136Z"


def test_recorded_detail_description_is_composed_from_sections_in_order() -> None:
    item = sr.posting_from_payload({"detail": _detail()}, "HireVue")
    html = item.description_html
    assert html is not None
    headings = ["Company Description", "Job Description", "Qualifications"]
    positions = [html.index(f"<h3>{h}</h3>") for h in [*headings, "Additional Information"]]
    assert positions == sorted(positions)
    assert "<p>As a <strong>Data Science Intern</strong>" in html


def test_list_entry_and_detail_merge_detail_wins() -> None:
    listed = sr.payloads_from_list(
        recorded("smartrecruiters", "postings-list-hirevue.json").read_bytes()
    )[0]["list"]
    detail = {**_detail(), "name": "Data Science Intern (renamed)"}
    item = sr.posting_from_payload({"list": listed, "detail": detail}, "HireVue")
    assert item.title == "Data Science Intern (renamed)"
    assert item.raw == {"list": listed, "detail": detail}
    assert item.description_html and item.url and item.url.endswith("-fully-remote-us")


# ── own fixtures ────────────────────────────────────────────────────────────────────────────


def test_unknown_company_is_an_empty_list_not_an_error() -> None:
    body = (OWN / "list-unknown-company.json").read_bytes()
    assert sr.payloads_from_list(body) == []
    assert sr.total_found(body) == 0
    assert sr.next_offset(0, 0, sr.total_found(body)) is None


def test_total_found_zero_without_content_is_empty() -> None:
    assert sr.payloads_from_list(b'{"totalFound": 0}') == []


def test_own_detail_with_compensation_and_hybrid() -> None:
    detail = sr.parse_detail((OWN / "detail-compensation-hybrid.json").read_bytes())
    item = sr.posting_from_payload({"list": None, "detail": detail}, "NordwindLogistik")
    assert item.title == "Senior Backend Engineer (Payments)"
    assert item.workplace_type_raw == "hybrid"
    assert item.location_raw == ["Hamburg, HH, DE"]  # no fullLocation: composed, code upper-cased
    assert item.department == "Platform Engineering"  # from the Department custom field
    assert item.salary_structured == [
        {
            "min": 72000.0,
            "max": 88000.0,
            "currency": "EUR",
            "period": "year",
            "label": "",
            "kind": "base",
        }
    ]


def test_own_detail_skips_empty_sections() -> None:
    detail = sr.parse_detail((OWN / "detail-compensation-hybrid.json").read_bytes())
    html = sr.posting_from_payload({"detail": detail}, "b").description_html or ""
    assert "<h3>Qualifications</h3>" not in html  # empty text
    assert "<h3>Videos</h3>" not in html  # no text at all
    assert html.count("<h3>") == 3
    assert "Go &amp; PostgreSQL" in html  # HTML kept as sent, entities not decoded twice


def test_odd_types_become_none_fields() -> None:
    payloads = sr.payloads_from_list((OWN / "list-odd-types.json").read_bytes())
    odd = sr.posting_from_payload(payloads[0], "b")
    assert odd.source_job_id == "744000011112222"  # int id → str
    assert odd.title is None
    assert odd.company is None
    assert odd.location_raw == []
    assert odd.department is None
    assert odd.employment_type_raw is None
    assert odd.posted_at_raw is None  # epoch int is not the documented string
    assert odd.salary_structured == []  # "n/a" is not a number
    assert odd.description_html is None
    assert odd.url is None  # no company identifier to build it from


def test_compensation_list_and_custom_workplace_field() -> None:
    payloads = sr.payloads_from_list((OWN / "list-odd-types.json").read_bytes())
    item = sr.posting_from_payload(payloads[1], "Acme")
    assert item.location_raw == ["Leeds, GB"]
    assert item.workplace_type_raw == "Office-based"  # flags absent → "Work flexibility" field
    assert item.salary_structured == [
        {
            "min": 11.44,
            "max": 12.1,
            "currency": "GBP",
            "period": "hour",
            "label": "",
            "kind": "base",
        }
    ]


@pytest.mark.parametrize("index", [2, 3])
def test_entries_without_id_raise_missing_id(index: int) -> None:
    payloads = sr.payloads_from_list((OWN / "list-odd-types.json").read_bytes())
    with pytest.raises(PayloadError) as info:
        sr.posting_from_payload(payloads[index], "b")
    assert info.value.reason == "missing_id"


@pytest.mark.parametrize("job", [{}, {"id": None}, {"id": ""}, {"id": " "}, {"id": False}, [1]])
def test_job_id_rejects_unusable_ids(job: object) -> None:
    assert sr.job_id(job) is None


@pytest.mark.parametrize(
    ("fixture", "reason"),
    [
        ("list-truncated.json", "invalid_json"),
        ("error-maintenance.html", "html_instead_of_json"),
        ("error-not-found.json", "api_error"),
    ],
)
def test_bad_list_bodies(fixture: str, reason: str) -> None:
    with pytest.raises(PayloadError) as info:
        sr.payloads_from_list((OWN / fixture).read_bytes())
    assert info.value.reason == reason


@pytest.mark.parametrize(
    ("body", "reason"),
    [(b"", "empty_body"), (b"[]", "unexpected_shape"), (b'{"content": {}}', "unexpected_shape")],
)
def test_bad_list_shapes(body: bytes, reason: str) -> None:
    with pytest.raises(PayloadError) as info:
        sr.payloads_from_list(body)
    assert info.value.reason == reason


def test_total_found_on_bad_body_raises() -> None:
    with pytest.raises(PayloadError, match="html_instead_of_json"):
        sr.total_found((OWN / "error-maintenance.html").read_bytes())


def test_bad_detail_bodies() -> None:
    with pytest.raises(PayloadError, match="api_error"):
        sr.parse_detail((OWN / "error-not-found.json").read_bytes())
    with pytest.raises(PayloadError, match="unexpected_shape"):
        sr.parse_detail(b'"just a string"')
    with pytest.raises(PayloadError, match="invalid_json"):
        sr.parse_detail(b'{"id": "1", "name": ')


def test_invalid_utf8_is_repaired() -> None:
    payloads = sr.payloads_from_list((OWN / "list-invalid-utf8.json").read_bytes())
    item = sr.posting_from_payload(payloads[0], "b")
    assert item.title == "Caf\ufffd Manager"
    assert item.location_raw == ["Lyon, FR"]


def test_total_found_accepts_parsed_body() -> None:
    data = json.loads((OWN / "list-unknown-company.json").read_text())
    assert sr.total_found(data) == 0
    assert sr.total_found({"content": [], "totalFound": "12"}) is None
