"""Silver suite: plausibility rules on top of the schema suite, numbers from the thresholds."""

from __future__ import annotations

import dataclasses
from datetime import date

import pyarrow as pa
import pytest
from quality_cases import DAY, silver_broken_batch, silver_cases, silver_plausible_rows, silver_row
from test_expectations_suite import batch, labels

from expectations.silver import build_silver_suite
from expectations.suite import SUITE_NAME, build_posting_suite, description_chars
from expectations.thresholds import Thresholds
from expectations.validate import ValidationOutcome, validate_postings

T = Thresholds()


@pytest.fixture(scope="module")
def broken() -> ValidationOutcome:
    return validate_postings(silver_broken_batch(T), suite=build_silver_suite(DAY, T))


def test_silver_extends_the_schema_suite() -> None:
    silver = labels(build_silver_suite(DAY, T))
    assert set(labels(build_posting_suite())) < set(silver)
    assert len(set(silver)) == len(silver), "labels must be unique"
    assert build_silver_suite(DAY, T).name == SUITE_NAME


def test_each_broken_row_is_held_for_its_rule(broken: ValidationOutcome) -> None:
    held = {r["posting_id"]: r for r in broken.quarantine.to_pylist()}
    assert broken.valid.column("posting_id").to_pylist() == ["good"]
    for name, (_, label) in silver_cases(T).items():
        assert held[name]["failed_expectations"] == [label], name
        assert held[name]["offending_values"][0]["expectation"] == label
    assert held["boilerplate_title"]["offending_values"][0]["value"] == "N/A"
    assert "got 'https://jobs.example.com/123'" in held["url_title"]["quarantine_reason"]
    assert broken.rows_in == broken.valid.num_rows + broken.quarantine.num_rows


def test_clean_and_edge_rows_pass() -> None:
    rows = [silver_row("a"), silver_row("b"), *silver_plausible_rows(T)]
    outcome = validate_postings(batch(rows), suite=build_silver_suite(DAY, T))
    assert outcome.quarantine.to_pylist() == []
    assert outcome.success and all(r.success for r in outcome.results)


def test_thresholds_drive_the_rules() -> None:
    row = silver_row("a", posted_at=silver_row("x")["posted_at"].replace(year=2004))
    strict = dataclasses.replace(T, earliest_posted_at=date(2005, 1, 1), min_description_chars=50)
    outcome = validate_postings(batch([row]), suite=build_silver_suite(DAY, strict))
    (held,) = outcome.quarantine.to_pylist()
    assert held["failed_expectations"] == [
        "expect_column_values_to_be_between(posted_at)",
        "expect_column_values_to_be_between(description_text_chars)",
    ]
    loose = validate_postings(batch([row]), suite=build_silver_suite(DAY, T))
    assert loose.quarantine.num_rows == 0


def test_posted_at_limit_follows_the_logical_date() -> None:
    row = silver_row("a", posted_at=silver_row("x")["posted_at"].replace(month=11, day=20))
    early = validate_postings(batch([row]), suite=build_silver_suite(DAY, T))
    later = validate_postings(batch([row]), suite=build_silver_suite(date(2026, 11, 20), T))
    assert early.quarantine.num_rows == 1 and later.quarantine.num_rows == 0


def test_description_chars_counts_visible_text_only() -> None:
    table = pa.table({"description_text": ["abc", "", "  \n", None, " x "]})
    assert description_chars(table).to_pylist() == [3, 0, 0, 0, 3]
    assert description_chars(pa.table({"other": [1]})).to_pylist() == [None]
