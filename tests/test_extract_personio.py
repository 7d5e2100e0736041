"""Personio XML parsing on the real recorded feeds and on the project's own fixtures."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import FIXTURES, recorded
from hypothesis import given, settings
from hypothesis import strategies as st

from spiders.extract import PayloadError, personio
from spiders.items import JobPostingItem

RECORDED_FILES = {"xml-feed-anonymized.xml": "acme", "xml-feed-clark.xml": "clark"}
OWN = FIXTURES / "personio"


def _body(name: str) -> bytes:
    return recorded("personio", name).read_bytes()


def _by_id(name: str) -> dict[str, JobPostingItem]:
    board = RECORDED_FILES[name]
    payloads = personio.payloads_from_list(_body(name))
    items = [personio.posting_from_payload(p, board) for p in payloads]
    return {item.source_job_id: item for item in items}


def _own() -> list[dict[str, Any]]:
    return personio.payloads_from_list((OWN / "feed-descriptions.xml").read_bytes())


def _own_item(index: int) -> JobPostingItem:
    return personio.posting_from_payload(_own()[index], "acme-robotics")


def _reason(fixture: str) -> str:
    with pytest.raises(PayloadError) as info:
        personio.payloads_from_list((OWN / fixture).read_bytes())
    return info.value.reason


# --------------------------------------------------------------------------- URL builders


def test_list_url_production_subdomain_english() -> None:
    assert personio.list_url(personio.DEFAULT_BASE_URL, "clark") == (
        "https://clark.jobs.personio.de/xml?language=en"
    )


def test_list_url_local_override_and_no_language() -> None:
    assert personio.list_url("http://127.0.0.1:8000/{board}/", "clark", language=None) == (
        "http://127.0.0.1:8000/clark/xml"
    )
    assert personio.list_url("http://127.0.0.1:8000", "clark", language="de") == (
        "http://127.0.0.1:8000/xml?language=de"
    )


def test_job_url_default_and_override() -> None:
    assert personio.job_url("clark", "2415353") == "https://clark.jobs.personio.de/job/2415353"
    assert personio.job_url("clark", "7", "http://127.0.0.1:8000/{board}") == (
        "http://127.0.0.1:8000/clark/job/7"
    )


# --------------------------------------------------------------------------- recorded files


@pytest.mark.parametrize(("name", "board"), RECORDED_FILES.items())
def test_recorded_positions_all_become_items(name: str, board: str) -> None:
    payloads = personio.payloads_from_list(_body(name))
    assert payloads
    for payload in payloads:
        item = personio.posting_from_payload(payload, board, request_url="u")
        assert item.source == "personio" and item.board == board
        assert item.source_job_id == payload["id"]
        assert item.url == f"https://{board}.jobs.personio.de/job/{payload['id']}"
        assert item.apply_url == item.url
        assert item.title == payload["name"]
        assert item.company == payload["subcompany"]
        assert item.department == payload["department"]
        assert item.location_raw[0] == payload["office"]
        assert item.posted_at_raw == payload["createdAt"]
        assert item.employment_type_raw == "permanent, full-time"
        assert item.description_html is None  # jobDescriptions are empty in both captures
        assert item.salary_structured == []
        assert item.raw is payload


@pytest.mark.parametrize("name", RECORDED_FILES)
def test_recorded_payloads_are_plain_json_and_replay(name: str) -> None:
    for payload in personio.payloads_from_list(_body(name)):
        item = personio.posting_from_payload(payload, "b")
        archived = json.loads(json.dumps(item.to_bronze()))
        assert archived["payload"] == payload
        assert personio.posting_from_payload(archived["payload"], "b") == item


def test_recorded_clark_positions_and_offices() -> None:
    items = _by_id("xml-feed-clark.xml")
    assert list(items) == ["2415353", "2377588", "342554", "2335782"]
    assert items["2415353"].location_raw == ["Berlin", "Frankfurt am Main"]
    assert items["2377588"].location_raw == ["Remote"]
    assert items["2335782"].location_raw == ["Z\u00fcrich"]
    assert items["2335782"].company == "Clark Switzerland AG"


def test_recorded_xml_entities_are_decoded() -> None:
    items = _by_id("xml-feed-clark.xml")
    assert items["342554"].department == "DE - Sales Life & Health"
    anon = _by_id("xml-feed-anonymized.xml")
    assert anon["1834171"].company == "Acme SE & Co. KG"


def test_recorded_duplicated_position_is_kept_once() -> None:
    raw = _body("xml-feed-anonymized.xml")
    assert raw.count(b"<id>1834171</id>") == 2
    payloads = personio.payloads_from_list(raw)
    assert [p["id"] for p in payloads] == ["1834171"]


def test_recorded_position_as_plain_dict() -> None:
    [payload] = personio.payloads_from_list(_body("xml-feed-anonymized.xml"))
    assert payload == {
        "id": "1834171",
        "subcompany": "Acme SE & Co. KG",
        "office": "Munich",
        "additionalOffices": ["Berlin"],
        "department": "Product and Tech",
        "recruitingCategory": "Engineering",
        "name": "Staff Software Engineer, Data Platform",
        "jobDescriptions": [],
        "employmentType": "permanent",
        "seniority": "experienced",
        "schedule": "full-time",
        "yearsOfExperience": "7-10",
        "occupation": "software_and_web_development",
        "occupationCategory": "it_software",
        "createdAt": "2024-11-13T14:10:41+00:00",
    }


def test_recorded_missing_optional_elements() -> None:
    """CLARK's Zürich position has no yearsOfExperience and no additionalOffices."""
    item = _by_id("xml-feed-clark.xml")["2335782"]
    assert "yearsOfExperience" not in item.raw and "additionalOffices" not in item.raw
    assert item.location_raw == ["Z\u00fcrich"]


# --------------------------------------------------------------------------- own fixtures


def test_own_description_sections_cdata_escaped_and_inline_markup() -> None:
    assert _own_item(0).description_html == "\n".join(
        [
            "<h3>Deine Aufgaben</h3>",
            "<ul><li>Firmware f\u00fcr unsere Roboterarme</li>"
            "<li>Code Reviews &amp; Tests</li></ul>",
            "<h3>Dein Profil &amp; Skills</h3>",
            "<p>C/C++ und Rust, 5+ Jahre Erfahrung.</p>",
            "<h3>Benefits</h3>",
            "<p>Jobrad, <strong>30 Tage</strong> Urlaub</p><p>Hybrides Arbeiten</p>",
        ]
    )


def test_own_description_section_without_name() -> None:
    assert _own_item(1).description_html == (
        "<p>Unterst\u00fctze unser Marketing-Team 20h/Woche.</p>"
    )


def test_own_job_descriptions_become_name_value_dicts() -> None:
    sections = _own()[0]["jobDescriptions"]
    assert [s["name"] for s in sections] == [
        "Deine Aufgaben",
        "Dein Profil & Skills",
        "Benefits",
        "Leer",
    ]
    assert sections[-1]["value"] is None


def test_own_offices_deduplicated_in_order() -> None:
    assert _own_item(0).location_raw == ["M\u00fcnchen", "Berlin", "Remote"]


def test_own_employment_type_and_schedule_combined() -> None:
    assert _own_item(0).employment_type_raw == "permanent, full-or-part-time"
    assert _own_item(1).employment_type_raw == "working_student, part-time"


def test_own_fields_and_keywords() -> None:
    item = _own_item(0)
    assert item.company == "Acme Robotics GmbH"
    assert item.department == "Engineering"
    assert item.posted_at_raw == "2026-01-15T09:12:00+01:00"
    assert item.url == "https://acme-robotics.jobs.personio.de/job/1502333"
    assert item.raw["keywords"] == "Embedded,C++,Rust,Robotik"


def test_own_id_whitespace_trimmed_and_missing_optional_fields() -> None:
    item = _own_item(1)
    assert item.source_job_id == "1502334"
    assert item.company is None and item.department is None
    assert item.updated_at_raw is None and item.workplace_type_raw is None


def test_own_positions_without_usable_id_are_kept_then_rejected() -> None:
    payloads = _own()
    assert len(payloads) == 4  # the repeated 1502333 and <unknownElement> are not positions
    for payload in payloads[2:]:
        assert personio.job_id(payload) is None
        with pytest.raises(PayloadError) as info:
            personio.posting_from_payload(payload, "acme")
        assert info.value.reason == "missing_id"


def test_own_first_copy_of_repeated_id_wins() -> None:
    assert _own()[0]["name"] == "Senior Embedded Engineer (m/w/d)"


def test_department_falls_back_to_recruiting_category() -> None:
    item = personio.posting_from_payload({"id": "1", "recruitingCategory": "Tech"}, "b")
    assert item.department == "Tech"


def test_hand_built_payload_with_odd_types() -> None:
    payload = {
        "id": 99,
        "name": ["x"],
        "office": None,
        "additionalOffices": {"office": ["Berlin", 3]},
        "jobDescriptions": {"name": "Solo", "value": "<p>One section</p>"},
        "employmentType": 1,
        "createdAt": {"v": 1},
    }
    item = personio.posting_from_payload(payload, "b")
    assert item.source_job_id == "99"
    assert item.title is None
    assert item.location_raw == ["Berlin"]
    assert item.description_html == "<h3>Solo</h3>\n<p>One section</p>"
    assert item.employment_type_raw is None and item.posted_at_raw is None


def test_repeated_office_elements_are_all_kept() -> None:
    body = (
        b"<workzag-jobs><position><id>9</id><office>Berlin</office><office>Hamburg</office>"
        b"<additionalOffices><office>Berlin</office><office>K\xc3\xb6ln</office></additionalOffices>"
        b"</position></workzag-jobs>"
    )
    [payload] = personio.payloads_from_list(body)
    assert payload["office"] == ["Berlin", "Hamburg"]
    item = personio.posting_from_payload(payload, "b")
    assert item.location_raw == ["Berlin", "Hamburg", "K\u00f6ln"]


@pytest.mark.parametrize("payload", [{}, {"id": None}, {"id": "   "}, {"id": False}, "1"])
def test_unusable_ids(payload: Any) -> None:
    assert personio.job_id(payload) is None
    with pytest.raises(PayloadError, match="missing_id"):
        personio.posting_from_payload(payload, "b")


# --------------------------------------------------------------------------- unsafe XML


@pytest.mark.parametrize(
    "fixture",
    ["billion-laughs.xml", "external-entity.xml", "external-dtd.xml", "parameter-entity.xml"],
)
def test_unsafe_xml_is_refused(fixture: str) -> None:
    assert _reason(fixture) == "unsafe_xml"


def test_billion_laughs_refused_quickly_without_expansion() -> None:
    import time

    start = time.perf_counter()
    assert _reason("billion-laughs.xml") == "unsafe_xml"
    assert time.perf_counter() - start < 1.0


def test_unsafe_xml_as_str_body_is_refused() -> None:
    with pytest.raises(PayloadError) as info:
        personio.payloads_from_list((OWN / "external-entity.xml").read_text("utf-8"))
    assert info.value.reason == "unsafe_xml"


# --------------------------------------------------------------------------- bad bodies


@pytest.mark.parametrize(
    ("fixture", "reason"),
    [
        ("malformed.xml", "invalid_xml"),
        ("undefined-entity.xml", "invalid_xml"),
        ("wrong-root.xml", "unexpected_shape"),
        ("maintenance.html", "html_instead_of_xml"),
        ("xhtml-page.xml", "html_instead_of_xml"),
    ],
)
def test_bad_feed_bodies(fixture: str, reason: str) -> None:
    assert _reason(fixture) == reason


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty_body"),
        (b" \n ", "empty_body"),
        (b'{"positions": []}', "invalid_xml"),
        (b"<workzag-jobs><position><id>1</id></position>", "invalid_xml"),
    ],
)
def test_other_bad_bodies(body: bytes, reason: str) -> None:
    with pytest.raises(PayloadError) as info:
        personio.payloads_from_list(body)
    assert info.value.reason == reason


def test_empty_feed_has_no_positions() -> None:
    assert personio.payloads_from_list((OWN / "empty-feed.xml").read_bytes()) == []


def test_declared_latin1_feed_is_decoded() -> None:
    [payload] = personio.payloads_from_list((OWN / "latin1-declared.xml").read_bytes())
    assert payload["name"] == "Gesch\u00e4ftsf\u00fchrer (m/w/d)"
    assert payload["office"] == "K\u00f6ln"


def test_invalid_utf8_is_repaired_not_fatal() -> None:
    [payload] = personio.payloads_from_list((OWN / "invalid-utf8.xml").read_bytes())
    assert payload["name"] == "Caf\ufffd Leitung"
    assert payload["office"] == "D\ufffdsseldorf"


def test_str_body_with_encoding_declaration() -> None:
    text = recorded("personio", "xml-feed-clark.xml").read_text("utf-8")
    assert [p["id"] for p in personio.payloads_from_list(text)] == [
        "2415353",
        "2377588",
        "342554",
        "2335782",
    ]


def test_namespaced_feed_is_read() -> None:
    body = (
        b'<workzag-jobs xmlns="urn:x"><position><id>8</id><name>N</name></position></workzag-jobs>'
    )
    assert personio.payloads_from_list(body) == [{"id": "8", "name": "N"}]


# --------------------------------------------------------------------------- properties

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cn")), max_size=30)


@settings(max_examples=200, deadline=None)
@given(
    st.fixed_dictionaries(
        {"id": st.integers(1, 10**9).map(str)},
        optional={
            "name": TEXT,
            "office": TEXT,
            "subcompany": TEXT,
            "department": TEXT,
            "offices": st.lists(TEXT, max_size=3),
            "sections": st.lists(st.tuples(TEXT, TEXT), max_size=3),
        },
    )
)
def test_generated_feeds_round_trip(fields: dict[str, Any]) -> None:
    """Any position written as escaped XML comes back with the same text values."""
    from xml.sax.saxutils import escape

    def el(tag: str, value: str) -> str:
        return f"<{tag}>{escape(value)}</{tag}>"

    parts = [el("id", fields["id"])]
    parts += [
        el(k, fields[k]) for k in ("name", "office", "subcompany", "department") if k in fields
    ]
    if "offices" in fields:
        offices = "".join(el("office", o) for o in fields["offices"])
        parts.append(f"<additionalOffices>{offices}</additionalOffices>")
    if "sections" in fields:
        sections = "".join(
            f"<jobDescription>{el('name', n)}{el('value', v)}</jobDescription>"
            for n, v in fields["sections"]
        )
        parts.append(f"<jobDescriptions>{sections}</jobDescriptions>")
    body = f"<workzag-jobs><position>{''.join(parts)}</position></workzag-jobs>".encode()
    [payload] = personio.payloads_from_list(body)
    item = personio.posting_from_payload(payload, "b")
    assert item.source_job_id == fields["id"]
    assert item.title == (" ".join(fields.get("name", "").split()) or None)
    assert all(isinstance(loc, str) and loc for loc in item.location_raw)
    json.dumps(payload)
