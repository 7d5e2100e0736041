"""The suite is generated from the schema and every expectation can fail."""

from __future__ import annotations

import dataclasses

import pyarrow as pa
from test_validation_quarantine import BROKEN
from validation_rows import clean_row, table

from expectations.suite import build_posting_suite, expectation_label, suite_description
from expectations.validate import validate_postings
from warehouse.schema import POSTING_FIELDS, Field


def _labels(suite) -> set[str]:  # type: ignore[no-untyped-def]
    return {
        expectation_label(e.configuration.type, e.configuration.kwargs) for e in suite.expectations
    }


def test_adding_a_field_adds_its_expectations() -> None:
    extra = Field(
        "shift_pattern", pa.string(), "Shift pattern.", required=True, enum=("day", "night")
    )
    before = _labels(build_posting_suite())
    after = _labels(build_posting_suite(fields=(*POSTING_FIELDS, extra)))
    assert after - before == {
        "expect_column_to_exist(shift_pattern)",
        "expect_column_values_to_be_in_type_list(shift_pattern)",
        "expect_column_values_to_not_be_null(shift_pattern)",
        "expect_column_values_to_be_in_set(shift_pattern)",
    }


def test_changing_a_rule_changes_the_suite() -> None:
    fields = tuple(
        dataclasses.replace(f, required=True) if f.name == "department" else f
        for f in POSTING_FIELDS
    )
    assert "expect_column_values_to_not_be_null(department)" in _labels(
        build_posting_suite(fields=fields)
    )


def test_description_is_plain_data() -> None:
    described = suite_description()
    assert all(isinstance(d["type"], str) and isinstance(d["kwargs"], dict) for d in described)
    assert len(described) == len(build_posting_suite().expectations)


def test_every_expectation_is_seen_failing() -> None:
    """Break a batch in every way the suite can see and check nothing is left untested."""
    rows = [clean_row(name, **change) for name, (change, _) in BROKEN.items()]
    rows += [clean_row("dup"), clean_row("dup")]
    rows += [clean_row(f"null-{f.name}", **{f.name: None}) for f in POSTING_FIELDS if f.required]
    failing = set()
    outcome = validate_postings(table(rows))
    failing |= {r.expectation for r in outcome.results if not r.success}
    # type checks: a column of the wrong type per field
    wrong = {
        "string": pa.array([1, 2], pa.int64()),
        "double": pa.array(["x", "y"]),
        "timestamp[us, tz=UTC]": pa.array(["x", "y"]),
        "date32[day]": pa.array(["x", "y"]),
        "int64": pa.array(["x", "y"]),
        "bool": pa.array(["x", "y"]),
        "list": pa.array(["x", "y"]),
    }
    base = table([clean_row("a"), clean_row("b")])
    broken = base
    for f in POSTING_FIELDS:
        key = "list" if pa.types.is_list(f.type) else str(f.type)
        broken = broken.set_column(broken.schema.get_field_index(f.name), f.name, wrong[key])
    result = validate_postings(broken)
    failing |= {r.expectation for r in result.results if not r.success}
    # existence checks: a batch that has none of the schema's columns
    missing = validate_postings(pa.table({"unrelated": [1, 2]}))
    failing |= {
        r.expectation
        for r in missing.results
        if not r.success and r.type == "expect_column_to_exist"
    }
    assert _labels(build_posting_suite()) - failing == set()
