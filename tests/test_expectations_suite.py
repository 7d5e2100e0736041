"""The posting suite is generated from the schema, describable, and passes clean data."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

import pandas as pd
import pyarrow as pa
import pycountry
import pytest

from expectations.suite import (
    build_posting_suite,
    expectation_columns,
    expectation_label,
    pandas_type_name,
    suite_description,
)
from expectations.validate import ValidationOutcome, default_suite, validate_postings
from warehouse.schema import POSTING_FIELDS, Field, arrow_schema

# --------------------------------------------------------------------------- row builders


def clean_row(pid: str, **overrides: Any) -> dict[str, Any]:
    """One valid posting (every column set), with ``overrides`` applied."""
    row: dict[str, Any] = {
        "posting_id": pid,
        "source": "greenhouse",
        "board": "acme",
        "source_job_id": pid,
        "url": f"https://job-boards.greenhouse.io/acme/jobs/{pid}",
        "apply_url": f"https://job-boards.greenhouse.io/acme/jobs/{pid}#app",
        "company": "Acme",
        "title": "Registered Nurse",
        "description_html": "<p>Care.</p>",
        "description_text": "Care.",
        "locations": [
            {"raw": "Boston, MA", "city": "Boston", "region": "MA", "country_code": "US"},
            {"raw": "Berlin", "city": "Berlin", "region": None, "country_code": "DE"},
        ],
        "workplace_type": "hybrid",
        "employment_type": "full_time",
        "department": "Nursing",
        "posted_at": datetime(2026, 10, 1, tzinfo=UTC),
        "updated_at": datetime(2026, 10, 2, tzinfo=UTC),
        "scraped_at": datetime(2026, 11, 1, 6, tzinfo=UTC),
        "salary_min": 38.0,
        "salary_max": 45.0,
        "salary_currency": "USD",
        "salary_period": "hour",
        "salary_source": "structured",
        "salary_raw": "$38 - $45 an hour",
        "snapshot_date": date(2026, 11, 1),
    }
    row.update(overrides)
    return row


def batch(rows: list[dict[str, Any]], schema: pa.Schema | None = None) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=schema or arrow_schema())


def labels(suite: Any) -> list[str]:
    return [
        expectation_label(e.configuration.type, e.configuration.kwargs) for e in suite.expectations
    ]


# --------------------------------------------------------------------------- clean data


def test_clean_batch_passes_every_expectation() -> None:
    rows = [
        clean_row("a"),
        # optional fields null, edge-but-valid values
        clean_row(
            "b",
            apply_url=None,
            description_html=None,
            locations=None,
            workplace_type=None,
            salary_min=None,
            salary_max=None,
            salary_currency=None,
            salary_period=None,
            salary_source=None,
            posted_at=None,
        ),
        clean_row("c", locations=[], url="http://127.0.0.1:8080/jobs/c?x=1", salary_min=0.0),
        clean_row(
            "d", locations=[{"raw": "Remote", "city": None, "region": None, "country_code": None}]
        ),
        clean_row("e", salary_min=50.0, salary_max=50.0, url="https://[::1]:8443/e"),
        clean_row("f", salary_min=None, salary_max=10.0, salary_currency="EUR"),
    ]
    table = batch(rows)
    outcome = validate_postings(table)
    assert [r.expectation for r in outcome.results if not r.success] == []
    assert outcome.success
    assert len(outcome.results) == len(default_suite().expectations)
    assert outcome.valid.equals(table) and outcome.valid.schema == table.schema
    assert outcome.quarantine.num_rows == 0 and outcome.rows_in == 6


# ------------------------------------------------------------------------ from the schema


def schema_labels(field: Field) -> set[str]:
    """What the schema says a field's expectations are."""
    kinds = ["expect_column_to_exist", "expect_column_values_to_be_of_type"]
    if field.required:
        kinds.append("expect_column_values_to_not_be_null")
    if field.enum or field.check in ("iso_currency", "iso_country"):
        kinds.append("expect_column_values_to_be_in_set")
    if field.unique:
        kinds.append("expect_column_values_to_be_unique")
    if field.check == "url":
        kinds.append("expect_column_values_to_match_regex")
    return {f"{kind}({field.name})" for kind in kinds}


def test_schema_part_of_the_suite_is_exactly_the_schema() -> None:
    described = suite_description()
    from_schema = {d["label"] for d in described if d["meta"]["origin"] == "schema"}
    assert from_schema == set().union(*(schema_labels(f) for f in POSTING_FIELDS))
    hand_written = [d["label"] for d in described if d["meta"]["origin"] == "hand_written"]
    assert hand_written == [
        "expect_column_pair_values_a_to_be_greater_than_b(salary_max, salary_min)",
        "expect_column_values_to_be_between(salary_min)",
        "expect_column_values_to_be_between(salary_max)",
        "expect_column_values_to_match_regex(locations_country_codes)",
    ]
    assert len(set(labels(default_suite()))) == len(described), "labels must be unique"


def test_adding_fields_adds_their_expectations() -> None:
    extra = (
        Field("visa", pa.string(), "Visa sponsorship.", required=True, enum=("yes", "no")),
        Field("ats_rank", pa.int64(), "Rank.", unique=True),
        Field("hq_country", pa.string(), "HQ country.", check="iso_country"),
    )
    before = set(labels(default_suite()))
    after = set(labels(build_posting_suite(fields=(*POSTING_FIELDS, *extra))))
    assert after - before == set().union(*(schema_labels(f) for f in extra))
    assert before <= after


def test_extended_suite_validates_the_new_columns() -> None:
    extra = (
        Field("ats_rank", pa.int64(), "Rank.", unique=True),
        Field("hq_country", pa.string(), "HQ country.", check="iso_country"),
    )
    fields = (*POSTING_FIELDS, *extra)
    schema = pa.schema([pa.field(f.name, f.type) for f in fields])
    rows = [
        clean_row("a", ats_rank=1, hq_country="FR"),
        clean_row("b", ats_rank=None, hq_country=None),
        clean_row("c", ats_rank=1, hq_country="XX"),
    ]
    outcome = validate_postings(batch(rows, schema), suite=build_posting_suite(fields=fields))
    assert outcome.valid.column("posting_id").to_pylist() == ["a", "b"]
    (held,) = outcome.quarantine.to_pylist()
    assert held["failed_expectations"] == [
        "expect_column_values_to_be_unique(ats_rank)",
        "expect_column_values_to_be_in_set(hq_country)",
    ]


def test_changing_a_rule_changes_the_suite() -> None:
    fields = tuple(
        dataclasses.replace(f, required=True) if f.name == "department" else f
        for f in POSTING_FIELDS
    )
    assert "expect_column_values_to_not_be_null(department)" not in labels(default_suite())
    assert "expect_column_values_to_not_be_null(department)" in labels(
        build_posting_suite(fields=fields)
    )


def test_hand_written_rules_need_their_columns() -> None:
    fields = tuple(f for f in POSTING_FIELDS if f.name not in ("salary_max", "locations"))
    suite = build_posting_suite(fields=fields)
    assert "expect_column_values_to_be_between(salary_min)" in labels(suite)
    read = {c for e in suite.expectations for c in expectation_columns(e.configuration.kwargs)}
    assert read.isdisjoint({"salary_max", "locations", "locations_country_codes"})


# --------------------------------------------------------------------------- description


def test_description_is_plain_stable_json() -> None:
    described = suite_description()
    assert json.loads(json.dumps(described)) == described
    assert described == suite_description()
    assert all(set(d) == {"type", "label", "kwargs", "meta"} for d in described)
    currency = next(
        d for d in described if d["label"].endswith("(salary_currency)") and "in_set" in d["type"]
    )
    assert currency["kwargs"]["value_set"] == sorted(c.alpha_3 for c in pycountry.currencies)
    title_type = next(
        d for d in described if d["label"] == "expect_column_values_to_be_of_type(title)"
    )
    assert title_type["kwargs"] == {"column": "title", "type_": "str"}
    assert title_type["meta"] == {"field": "title", "origin": "schema", "rule": "type"}


# --------------------------------------------------------------------------- types


@pytest.mark.parametrize(
    ("arrow_type", "name"),
    [
        (pa.string(), "str"),
        (pa.float64(), "float"),
        (pa.int64(), "int"),
        (pa.bool_(), "bool"),
        (pa.timestamp("us", tz="UTC"), "Timestamp"),
        (pa.timestamp("us"), "datetime64"),
        (pa.date32(), "datetime64"),
        (pa.list_(pa.string()), "list"),
    ],
)
def test_pandas_type_names(arrow_type: pa.DataType, name: str) -> None:
    assert pandas_type_name(arrow_type) == name


def test_unknown_arrow_type_is_refused() -> None:
    with pytest.raises(TypeError):
        build_posting_suite(fields=(Field("blob", pa.binary(), "Bytes."),))


@cache
def wrong_types_outcome() -> ValidationOutcome:
    """Every column replaced by one of another type (strings → ints, the rest → strings)."""
    n = 2
    wrong = pa.table(
        {
            f.name: pa.array([1] * n) if pa.types.is_string(f.type) else pa.array(["x"] * n)
            for f in POSTING_FIELDS
        }
    )
    return validate_postings(wrong)


def test_type_expectations_fail_on_wrong_types() -> None:
    outcome = wrong_types_outcome()
    failed = {r.expectation for r in outcome.results if not r.success}
    for f in POSTING_FIELDS:
        assert f"expect_column_values_to_be_of_type({f.name})" in failed, f.name
    assert outcome.valid.num_rows == 0 and outcome.quarantine.num_rows == outcome.rows_in == 2


def test_type_expectation_also_checks_object_columns_row_by_row() -> None:
    """On an object column (pandas < 3 strings) the same expectation names the bad rows."""
    from expectations.validate import _run  # GX's raw results, no Arrow in between

    suite = build_posting_suite("title_only", fields=(Field("title", pa.string(), "T."),))
    frame = pd.DataFrame({"title": pd.Series(["a", 7, None, "b", 2.5], dtype=object)})
    results = {r.expectation_config.type: r for r in _run(frame, suite)}
    of_type = results["expect_column_values_to_be_of_type"]
    assert not of_type.success
    assert of_type.result["unexpected_index_list"] == [1, 4]
