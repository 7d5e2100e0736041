"""Field coverage per source (jobpipe coverage): every recorded file parses, figures add up."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import RECORDED

from jobpipe.coverage import FIELDS, demo_coverage, markdown_table, recorded_coverage

ALL_SOURCES = {
    "ashby", "greenhouse", "lever", "personio", "recruitee", "smartrecruiters", "workable",
    "workday",
}  # fmt: skip


@pytest.fixture(scope="module")
def recorded() -> dict:
    if not RECORDED.is_dir():
        pytest.skip("recorded fixtures not available")
    return recorded_coverage(RECORDED, date(2026, 11, 1))


def test_every_platform_in_the_recordings_is_measured_without_errors(recorded: dict) -> None:
    assert set(recorded) == ALL_SOURCES
    for cov in recorded.values():
        assert cov.files > 0 and cov.postings > 0, cov.source
        assert cov.errors == [], (cov.source, cov.errors)


def test_titles_are_always_extracted_and_shares_are_fractions(recorded: dict) -> None:
    for cov in recorded.values():
        assert cov.share("title") == 1.0, cov.source
        for name, _ in FIELDS:
            share = cov.share(name)
            assert share is not None and 0.0 <= share <= 1.0


def test_demo_board_coverage_matches_what_the_demo_market_states() -> None:
    cov = demo_coverage(date(2026, 11, 1), boards=3)
    assert cov.postings > 40
    for name in ("title", "company", "location", "posted_at", "description"):
        assert cov.share(name) == 1.0, name
    country = cov.share("country")  # "Remote - EMEA" rightly has none
    assert country is not None and country > 0.95
    salary = cov.share("salary")
    assert salary is not None and 0.5 < salary < 0.9  # about 70% of demo postings state pay


def test_markdown_table_has_one_row_per_source() -> None:
    cov = demo_coverage(date(2026, 11, 1), boards=1)
    lines = markdown_table([cov]).splitlines()
    assert len(lines) == 3 and lines[2].startswith("| demo board")
    assert lines[0].count("|") == len(FIELDS) + 4


def test_the_demo_board_is_measured_in_every_wire_format() -> None:
    from jobpipe.coverage import demo_format_coverages
    from jobpipe.demo.homes import SOURCES

    found = demo_format_coverages(date(2026, 11, 1), boards=2)
    assert [c.source for c in found] == [f"demo board ({s} format)" for s in SOURCES]
    postings = {c.postings for c in found}
    assert len(postings) == 1 and postings.pop() > 20  # the same postings in every format
    for cov in found:
        assert cov.errors == [], (cov.source, cov.errors)
        for name in ("title", "posted_at", "description"):
            assert cov.share(name) == 1.0, (cov.source, name)
    company = {c.source.split("(")[1].split()[0]: c.share("company") for c in found}
    assert company["lever"] == company["ashby"] == 0.0  # these APIs name no company
    assert company["greenhouse"] == company["workday"] == 1.0
