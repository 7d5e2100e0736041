"""schema.org JobPosting extraction from career pages (hand-written fixtures: none recorded)."""

from __future__ import annotations

import gzip

import pytest
from conftest import FIXTURES

from spiders.extract import PayloadError
from spiders.extract import schemaorg as so

OWN = FIXTURES / "schemaorg"
LARKSPUR = "https://careers.larkspur.io/jobs/senior-support-engineer"
FERNHILL = "https://www.fernhillbakeries.co.uk/careers/"


def _page(name: str) -> bytes:
    return (OWN / name).read_bytes()


def _items(name: str, url: str, board: str = "") -> list:
    return [so.posting_from_payload(p, board) for p in so.payloads_from_html(_page(name), url)]


# ── JSON-LD ─────────────────────────────────────────────────────────────────────────────────


def test_graph_posting_is_found_with_references_resolved() -> None:
    [payload] = so.payloads_from_html(_page("job-graph.html"), LARKSPUR)
    assert payload["syntax"] == "json-ld"
    assert payload["page_url"] == LARKSPUR
    assert payload["posting"]["hiringOrganization"]["name"] == "Larkspur Software, Inc."


def test_graph_posting_values() -> None:
    [item] = _items("job-graph.html", LARKSPUR)
    assert item.source == "schemaorg"
    assert item.board == "careers.larkspur.io"
    assert item.source_job_id == "LS-2026-118"  # identifier.value
    assert item.company == "Larkspur Software, Inc."
    assert item.url == LARKSPUR  # tracking parameters dropped
    assert item.posted_at_raw == "2026-09-18T09:00:00-04:00"
    assert item.employment_type_raw == "FULL_TIME"
    assert item.workplace_type_raw == "remote"  # TELECOMMUTE
    assert item.location_raw == ["USA", "Ontario"]  # applicantLocationRequirements


def test_entity_encoded_description_is_decoded_once() -> None:
    [item] = _items("job-graph.html", LARKSPUR)
    assert item.description_html == (
        "<p>Help our customers get the most out of Larkspur.</p>"
        "<ul><li>Own escalations end to end</li><li>Write runbooks &amp; docs</li></ul>"
    )


def test_hourly_quantitative_value_salary() -> None:
    [item] = _items("job-graph.html", LARKSPUR)
    assert item.salary_structured == [
        {"min": 52.5, "max": 61.0, "currency": "USD", "period": "hour", "label": "", "kind": "base"}
    ]


def test_several_blocks_top_level_array_and_type_list() -> None:
    payloads = so.payloads_from_html(_page("listing-multiple-blocks.html"), FERNHILL)
    titles = [p["posting"].get("title") or p["posting"].get("name") for p in payloads]
    # BreadcrumbList ignored, duplicate Night Baker block dropped, JS dataLayer not markup
    assert titles == ["Night Baker", "Delivery Driver", "Shift Supervisor"]
    assert {p["syntax"] for p in payloads} == {"json-ld"}


def test_listing_values() -> None:
    baker, driver, supervisor = _items("listing-multiple-blocks.html", FERNHILL)
    assert baker.source_job_id == "FH-0412"
    assert baker.board == "fernhillbakeries.co.uk"
    assert baker.location_raw == ["Bristol, England, GB"]  # Country object's name
    assert baker.employment_type_raw == "FULL_TIME, TEMPORARY"
    assert baker.salary_structured[0]["min"] == baker.salary_structured[0]["max"] == 13.1
    assert driver.source_job_id == "413"  # numeric identifier value
    assert driver.url == "https://www.fernhillbakeries.co.uk/careers/delivery-driver-cardiff"
    assert driver.company == "Fernhill Bakeries Ltd"  # hiringOrganization as a plain string
    assert driver.location_raw == ["Cardiff, GB", "Newport, Wales"]
    assert supervisor.title == "Shift Supervisor"  # "name" when there is no "title"
    assert supervisor.location_raw == ["Bath bakehouse"]
    assert supervisor.description_html is None


def test_monetary_amount_min_max_strings() -> None:
    _, driver, supervisor = _items("listing-multiple-blocks.html", FERNHILL)
    assert driver.salary_structured == [
        {
            "min": 22500.0,
            "max": 24000.0,
            "currency": "GBP",
            "period": "year",
            "label": "",
            "kind": "base",
        }
    ]
    assert supervisor.salary_structured == []  # "n/a" and a "£" currency: nothing usable


def test_identifier_missing_falls_back_to_stable_url_hash() -> None:
    _, _, supervisor = _items("listing-multiple-blocks.html", FERNHILL)
    assert supervisor.source_job_id.startswith("url-")
    again = so.job_id({"url": "https://WWW.fernhillbakeries.co.uk/careers/shift-supervisor-bath#x"})
    assert supervisor.source_job_id == again  # canonical: host case and fragment ignored
    other = so.job_id({"url": "https://www.fernhillbakeries.co.uk/careers/night-baker-bristol"})
    assert other != supervisor.source_job_id


def test_invalid_jsonld_is_recovered_leniently() -> None:
    [item] = _items("job-invalid-jsonld.html", "https://harbourandvine.com/jobs/line-cook")
    assert item.source_job_id == "HV-COOK-7"
    assert item.title == "Line Cook"
    assert item.company == "Harbour & Vine"
    assert item.description_html == '<p>Our "grill" station runs 6 nights a week.\nGreat team.</p>'
    assert item.location_raw == ["Portland, ME, US"]
    assert item.salary_structured == [
        {"min": 19.0, "max": 23.0, "currency": "USD", "period": "hour", "label": "", "kind": "base"}
    ]


def test_strict_parse_is_tried_before_repair(monkeypatch: pytest.MonkeyPatch) -> None:
    import json_repair

    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("json_repair used on valid JSON")

    monkeypatch.setattr(json_repair, "loads", boom)
    assert len(so.payloads_from_html(_page("listing-multiple-blocks.html"), FERNHILL)) == 3


def test_page_without_jobposting_is_empty() -> None:
    assert so.payloads_from_html(_page("no-jobposting.html"), "https://orchard.example/c") == []


def test_latin1_bytes_are_decoded_from_meta_charset() -> None:
    [item] = _items("job-latin1.html", "https://lumiere.ch/emplois/ingenieur-qualite")
    assert item.title == "Ingénieur qualité (H/F)"
    assert item.company == "Lumière SA"
    assert item.location_raw == ["Genève, CH"]
    assert item.salary_structured[0]["min"] == 95000.0  # Swiss "95'000"
    assert item.salary_structured[0]["currency"] == "CHF"


def test_deeply_nested_jsonld_does_not_crash() -> None:
    page = '<html><head><script type="application/ld+json">' + "[" * 50_000 + "</script></head>"
    assert so.payloads_from_html(page + "<body></body></html>", "https://x.example/") == []


def test_nested_main_entity_and_prefixed_keys() -> None:
    page = """<html><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@type": "WebPage", "mainEntity": {
      "@type": "http://schema.org/JobPosting", "http://schema.org/title": "Welder",
      "schema:identifier": "W-1"}}
    </script></head><body></body></html>"""
    [item] = [
        so.posting_from_payload(p, "b") for p in so.payloads_from_html(page, "https://x.ex/j")
    ]
    assert (item.title, item.source_job_id) == ("Welder", "W-1")


# ── microdata and RDFa ──────────────────────────────────────────────────────────────────────


def test_microdata_page() -> None:
    url = "https://jobs.staidans.example/vacancies?id=rn-night-0831"
    [payload] = so.payloads_from_html(_page("job-microdata.html"), url)
    assert payload["syntax"] == "microdata"
    item = so.posting_from_payload(payload, "")
    assert item.source_job_id == "RN-NIGHT-0831"
    assert item.title == "Registered Nurse – Night Shift"
    assert item.company == "St Aidan's Hospital Trust"
    assert item.url == "https://jobs.staidans.example/vacancies/rn-night-0831"  # itemprop url
    assert item.location_raw == ["Leeds, West Yorkshire, GB"]
    assert item.posted_at_raw == "2026-08-30"
    assert item.salary_structured[0] == {
        "min": 31049.0,
        "max": 37796.0,
        "currency": "GBP",
        "period": "year",
        "label": "",
        "kind": "base",
    }


def test_microdata_description_keeps_its_markup() -> None:
    [item] = _items("job-microdata.html", "https://jobs.staidans.example/v")
    html = item.description_html or ""
    assert html.startswith("<h2>About the role</h2>")
    assert "<strong>acute medical</strong>" in html
    assert "Band 5 &amp; 6 considered" in html


def test_rdfa_page() -> None:
    url = "https://karriere.kessler-anlagenbau.de/stellen/elektroniker-betriebstechnik"
    [payload] = so.payloads_from_html(_page("job-rdfa.html"), url)
    assert payload["syntax"] == "rdfa"
    item = so.posting_from_payload(payload, "kessler-anlagenbau.de")
    assert item.title == "Elektroniker für Betriebstechnik (m/w/d)"
    assert item.company == "Kessler Anlagenbau GmbH"
    assert item.location_raw == ["Stuttgart, DE"]
    assert item.employment_type_raw == "FULL_TIME"
    assert item.posted_at_raw == "2026-09-08"
    assert item.url == url
    assert item.board == "kessler-anlagenbau.de"
    assert item.description_html and "<b>Fertigungsanlagen</b>" in item.description_html
    assert item.salary_structured == [
        {
            "min": 3900.0,
            "max": 4400.0,
            "currency": "EUR",
            "period": "month",
            "label": "",
            "kind": "base",
        }
    ]


def test_same_posting_in_two_syntaxes_is_returned_once() -> None:
    payloads = so.payloads_from_html(
        _page("job-mixed-syntaxes.html"), "https://brightwater.example/careers/ap-clerk"
    )
    assert [(p["syntax"], so.job_id(p)) for p in payloads] == [("json-ld", "BW-1187")]


# ── payload edge cases ──────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "payload", [{}, {"page_url": "", "posting": {"title": "x"}}, {"posting": 3}]
)
def test_missing_id(payload: dict) -> None:
    with pytest.raises(PayloadError) as info:
        so.posting_from_payload(payload, "b")
    assert info.value.reason == "missing_id"


def test_odd_types_become_none() -> None:
    posting = {
        "@type": "JobPosting",
        "identifier": {"value": None},
        "title": ["not", "text"],
        "hiringOrganization": 42,
        "jobLocation": [None, 5, {"address": {}}],
        "employmentType": {"x": 1},
        "datePosted": None,
        "description": 12,
        "baseSalary": {"currency": "USD", "value": {"minValue": True, "maxValue": "lots"}},
    }
    item = so.posting_from_payload({"page_url": "https://x.example/j/1", "posting": posting}, "")
    assert item.source_job_id.startswith("url-")
    assert (item.title, item.company, item.description_html) == (None, None, None)
    assert item.location_raw == []
    assert item.employment_type_raw is None
    assert item.salary_structured == []


@pytest.mark.parametrize(
    ("base_salary", "expected"),
    [
        (50000, {"min": 50000.0, "max": 50000.0, "currency": "CAD", "period": None}),
        ("55,000", {"min": 55000.0, "max": 55000.0, "currency": "CAD", "period": None}),
        (
            {"@type": "MonetaryAmount", "value": 4200, "unitText": "MONTH"},
            {"min": 4200.0, "max": 4200.0, "currency": "CAD", "period": "month"},
        ),
        (
            {"currency": "eur", "value": {"minValue": 90, "maxValue": 60, "unitText": "DAY"}},
            {"min": 60.0, "max": 90.0, "currency": "EUR", "period": "day"},
        ),
    ],
)
def test_base_salary_shapes(base_salary: object, expected: dict) -> None:
    posting = {"identifier": "1", "salaryCurrency": "CAD", "baseSalary": base_salary}
    [entry] = so.posting_from_payload(
        {"page_url": "https://x.ex/", "posting": posting}, ""
    ).salary_structured
    assert {k: entry[k] for k in expected} == expected
    assert entry["kind"] == "base"


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("55,000", 55000.0),
        ("55.000", 55000.0),
        ("55.000,50", 55000.5),
        ("1,234.56", 1234.56),
        ("15,50", 15.5),
        ("$120,000", 120000.0),
        ("95'000", 95000.0),
        ("80k", 80000.0),
        ("-5", None),
        ("1.2.3", None),
        ("", None),
        ("nan", None),
        (True, None),
        (float("inf"), None),
    ],
)
def test_parse_amount(text: object, amount: float | None) -> None:
    assert so.parse_amount(text) == amount


@pytest.mark.parametrize(
    ("unit", "period"),
    [
        ("HOUR", "hour"),
        ("YEAR", "year"),
        ("annual", "year"),
        ("Monthly", "month"),
        ("WEEK", "week"),
        ("DAY", "day"),
        ("ANN", "year"),
        ("fortnight", None),
        (None, None),
    ],
)
def test_parse_period(unit: object, period: str | None) -> None:
    assert so.parse_period(unit) == period


def test_parse_currency() -> None:
    assert so.parse_currency("usd") == "USD"
    assert so.parse_currency("XYZ") is None
    assert so.parse_currency("$") is None
    assert so.parse_currency("US Dollar") is None


def test_empty_page_is_an_error() -> None:
    with pytest.raises(PayloadError, match="empty_body"):
        so.payloads_from_html(b"  \n", "https://x.example/")


def test_board_for() -> None:
    assert so.board_for("https://WWW.Example.co.uk/careers/") == "example.co.uk"
    assert so.board_for("https://jobs.example.com/x") == "jobs.example.com"


# ── listing pages and sitemaps ──────────────────────────────────────────────────────────────


def test_posting_links_on_listing_page() -> None:
    links = so.posting_links(
        _page("listing-multiple-blocks.html"), FERNHILL, "fernhillbakeries.co.uk"
    )
    assert links == [
        "https://www.fernhillbakeries.co.uk/careers/night-baker-bristol",
        "https://www.fernhillbakeries.co.uk/careers/delivery-driver-cardiff",
        "https://www.fernhillbakeries.co.uk/careers/shift-supervisor-bath",
        "https://jobs.fernhillbakeries.co.uk/jobs/4471-pastry-chef",
    ]


def test_posting_links_respect_allowed_domain() -> None:
    links = so.posting_links(
        _page("listing-multiple-blocks.html"), FERNHILL, "jobs.fernhillbakeries.co.uk"
    )
    assert links == ["https://jobs.fernhillbakeries.co.uk/jobs/4471-pastry-chef"]


def test_sitemap_urls() -> None:
    assert so.links_from_sitemap(_page("sitemap.xml")) == [
        "https://careers.larkspur.io/",
        "https://careers.larkspur.io/jobs/senior-support-engineer",
        "https://careers.larkspur.io/jobs/staff-data-engineer",
    ]


def test_sitemap_index_lists_child_sitemaps() -> None:
    assert so.links_from_sitemap(_page("sitemap-index.xml")) == [
        "https://careers.larkspur.io/sitemap-pages.xml",
        "https://careers.larkspur.io/sitemap-jobs.xml",
    ]


def test_gzipped_sitemap() -> None:
    assert so.links_from_sitemap(gzip.compress(_page("sitemap.xml")))[1].endswith("engineer")


@pytest.mark.parametrize(
    "name", ["sitemap-bomb.xml", "sitemap-xxe.xml", "sitemap-doctype-only.xml"]
)
def test_hostile_sitemaps_are_refused(name: str) -> None:
    with pytest.raises(PayloadError) as info:
        so.links_from_sitemap(_page(name))
    assert info.value.reason == "unsafe_xml"


def test_gzip_bomb_sitemap_is_refused() -> None:
    bomb = gzip.compress(b"<urlset>" + b" " * (so.SITEMAP_MAX_BYTES + 10) + b"</urlset>")
    with pytest.raises(PayloadError, match="too_large"):
        so.links_from_sitemap(bomb)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty_body"),
        (b"<!DOCTYPE html><html><body>Not found</body></html>", "html_instead_of_xml"),
        (b"<urlset><url><loc>https://x.example/</loc>", "invalid_xml"),
        (b"<rss><channel></channel></rss>", "unexpected_shape"),
        (b"\x1f\x8bnot really gzip", "invalid_gzip"),
    ],
)
def test_bad_sitemaps(body: bytes, reason: str) -> None:
    with pytest.raises(PayloadError) as info:
        so.links_from_sitemap(body)
    assert info.value.reason == reason


def test_reference_fan_out_and_cycles_are_bounded() -> None:
    import json
    import time

    # n0 → n1 twice → n2 twice ...: 2**30 expansions without a guard; plus a cycle to the job
    graph = [{"@id": f"#n{i}", "a": {"@id": f"#n{i + 1}"}, "b": {"@id": f"#n{i + 1}"}}
             for i in range(30)]  # fmt: skip
    graph.append({"@id": "#n30", "job": {"@id": "#job"}})
    graph.append(
        {"@id": "#job", "@type": "JobPosting", "identifier": "J1", "title": "Cycler",
         "hiringOrganization": {"@id": "#n0"}}
    )  # fmt: skip
    page = (
        '<html><head><script type="application/ld+json">'
        + json.dumps({"@context": "https://schema.org", "@graph": graph})
        + "</script></head><body></body></html>"
    )
    started = time.monotonic()
    [payload] = so.payloads_from_html(page, "https://x.example/j")
    assert time.monotonic() - started < 5
    assert so.posting_from_payload(payload, "b").title == "Cycler"
