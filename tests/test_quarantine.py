"""Row-level validation: bad rows land in quarantine with the checks they failed."""

from __future__ import annotations

import json
import logging
from typing import Any

import pyarrow as pa
import pytest
from test_expectations_suite import batch, clean_row, labels, wrong_types_outcome

import expectations.validate as validate_module
from expectations.quarantine import quarantine_schema
from expectations.suite import joined_country_codes
from expectations.validate import (
    RowAccountingError,
    ValidationOutcome,
    default_suite,
    validate_postings,
    validation_frame,
)
from warehouse.schema import LOCATION_TYPE, POSTING_FIELDS, arrow_schema

NULL = "expect_column_values_to_not_be_null"
IN_SET = "expect_column_values_to_be_in_set"
REGEX = "expect_column_values_to_match_regex"


def _location(code: str | None) -> dict[str, Any]:
    return {"raw": "x", "city": None, "region": None, "country_code": code}


def broken_rows() -> dict[str, tuple[dict[str, Any], str]]:
    """name → (overrides that break one rule, the expectation that must catch it).

    Schema rules are generated from POSTING_FIELDS, so a new field is covered automatically.
    """
    cases: dict[str, tuple[dict[str, Any], str]] = {}
    for f in POSTING_FIELDS:
        if f.required:
            cases[f"null_{f.name}"] = ({f.name: None}, f"{NULL}({f.name})")
        if f.enum:
            cases[f"enum_{f.name}"] = ({f.name: "bogus"}, f"{IN_SET}({f.name})")
        if f.check == "url":
            cases[f"url_{f.name}"] = ({f.name: "www.example.com/jobs/1"}, f"{REGEX}({f.name})")
        if f.check == "iso_currency":
            cases[f"currency_{f.name}"] = ({f.name: "XYZ"}, f"{IN_SET}({f.name})")
    cases |= {
        "min_gt_max": (
            {"salary_min": 50.0, "salary_max": 40.0},
            "expect_column_pair_values_a_to_be_greater_than_b(salary_max, salary_min)",
        ),
        "negative_min": (
            {"salary_min": -1.0, "salary_max": None},
            "expect_column_values_to_be_between(salary_min)",
        ),
        "negative_max": (
            {"salary_min": None, "salary_max": -2.0},
            "expect_column_values_to_be_between(salary_max)",
        ),
        "bad_country": (
            {"locations": [_location("US"), _location("ZZ")]},
            f"{REGEX}(locations_country_codes)",
        ),
        "lowercase_country": (
            {"locations": [_location("de")]},
            f"{REGEX}(locations_country_codes)",
        ),
        "blank_country": ({"locations": [_location("")]}, f"{REGEX}(locations_country_codes)"),
    }
    return cases


BROKEN = broken_rows()


LONG_URL = "javascript:" + "x" * 5000


def broken_batch() -> pa.Table:
    """Good rows, one row per broken rule, duplicates, a row with several failures."""
    rows = [clean_row("good-1")]
    rows += [clean_row(name, **change) for name, (change, _) in BROKEN.items()]
    rows += [
        clean_row("good-2"),
        clean_row("good-1", source_job_id="dup-1", title="second"),
        clean_row("good-1", source_job_id="dup-2", title="third"),
        clean_row("several", title=None, salary_currency="ABC", salary_min=-5.0, salary_max=None),
        clean_row("long", url=LONG_URL),
    ]
    return batch(rows)


@pytest.fixture(scope="module")
def broken() -> tuple[pa.Table, ValidationOutcome]:
    table = broken_batch()
    return table, validate_postings(table)


def held_rows(outcome: ValidationOutcome) -> dict[str, dict[str, Any]]:
    """Quarantined rows keyed by source_job_id (or posting_id when that is the null one)."""
    return {r["source_job_id"] or r["posting_id"]: r for r in outcome.quarantine.to_pylist()}


# --------------------------------------------------------------------------- attribution


def test_each_broken_row_is_quarantined_with_its_reason(
    broken: tuple[pa.Table, ValidationOutcome],
) -> None:
    table, outcome = broken
    assert outcome.valid.column("posting_id").to_pylist() == ["good-1", "good-2"]
    assert outcome.valid.schema == table.schema
    held = held_rows(outcome)
    for name, (_, expectation) in BROKEN.items():
        assert held[name]["failed_expectations"] == [expectation], name
        assert held[name]["quarantine_reason"].startswith(f"Failed 1 check: {expectation} got ")
    assert "got 'XYZ'" in held["currency_salary_currency"]["quarantine_reason"]
    assert "got null" in held["null_title"]["quarantine_reason"]
    assert "salary_max=40.0, salary_min=50.0" in held["min_gt_max"]["quarantine_reason"]
    assert "got 'US,ZZ'" in held["bad_country"]["quarantine_reason"]
    assert held["currency_salary_currency"]["offending_values"] == [
        {
            "expectation": f"{IN_SET}(salary_currency)",
            "column_name": "salary_currency",
            "value": "XYZ",
        }
    ]
    assert held["min_gt_max"]["offending_values"] == [
        {"expectation": BROKEN["min_gt_max"][1], "column_name": "salary_max", "value": "40.0"},
        {"expectation": BROKEN["min_gt_max"][1], "column_name": "salary_min", "value": "50.0"},
    ]
    assert held["null_title"]["offending_values"] == [
        {"expectation": f"{NULL}(title)", "column_name": "title", "value": None}
    ]
    assert outcome.rows_in == table.num_rows == outcome.valid.num_rows + outcome.quarantine.num_rows
    assert not outcome.success


def test_duplicates_keep_the_first_occurrence(broken: tuple[pa.Table, ValidationOutcome]) -> None:
    _, outcome = broken
    assert outcome.valid.column("title").to_pylist()[0] == "Registered Nurse"  # the first good-1
    held = held_rows(outcome)
    assert [held[k]["title"] for k in ("dup-1", "dup-2")] == ["second", "third"]
    for key in ("dup-1", "dup-2"):
        assert held[key]["failed_expectations"] == ["expect_column_values_to_be_unique(posting_id)"]


def test_a_row_failing_several_checks_lists_them_in_suite_order(
    broken: tuple[pa.Table, ValidationOutcome],
) -> None:
    held = held_rows(broken[1])["several"]
    assert held["failed_expectations"] == [
        f"{NULL}(title)",
        f"{IN_SET}(salary_currency)",
        "expect_column_values_to_be_between(salary_min)",
    ]
    assert held["quarantine_reason"].startswith("Failed 3 checks: ")


def test_offending_values_are_truncated(broken: tuple[pa.Table, ValidationOutcome]) -> None:
    held = held_rows(broken[1])["long"]
    assert held["url"] == LONG_URL  # the row itself is kept whole
    assert len(held["quarantine_reason"]) < 300
    assert "..." in held["quarantine_reason"]


def test_more_failures_than_gx_lists_values_for() -> None:
    """GX caps unexpected_list at 200 values; attribution and reasons must not be capped."""
    rows = [clean_row(str(i), salary_currency=f"Q{i:02d}"[:3]) for i in range(250)]
    outcome = validate_postings(batch(rows))
    assert outcome.quarantine.num_rows == 250
    last = outcome.quarantine.to_pylist()[-1]
    assert last["posting_id"] == "249" and "got 'Q24'" in last["quarantine_reason"]


def test_wrong_type_column_quarantines_the_whole_batch() -> None:
    table = batch([clean_row("a"), clean_row("b")])
    table = table.set_column(
        table.schema.get_field_index("salary_min"), "salary_min", pa.array(["38", "40"])
    )
    outcome = validate_postings(table)
    assert outcome.valid.num_rows == 0
    held = outcome.quarantine.to_pylist()
    assert "expect_column_values_to_be_of_type(salary_min)" in held[0]["failed_expectations"]
    assert "column type is 'str', expected 'float'" in held[0]["quarantine_reason"]


def test_missing_column_fails_the_whole_batch() -> None:
    table = batch([clean_row("a"), clean_row("b")]).drop_columns(["company"])
    outcome = validate_postings(table)
    assert outcome.valid.num_rows == 0 and outcome.quarantine.num_rows == 2
    held = outcome.quarantine.to_pylist()[0]
    assert held["failed_expectations"][0] == "expect_column_to_exist(company)"
    assert "company" not in outcome.quarantine.column_names
    assert "does not exist" in held["quarantine_reason"]


# --------------------------------------------------------------------------- every check can fail


def test_every_expectation_in_the_suite_is_seen_failing(
    broken: tuple[pa.Table, ValidationOutcome],
) -> None:
    """Break data in every way the suite can see; no expectation may be left untested."""
    no_columns = validate_postings(pa.table({"unrelated": pa.array(range(2))}))
    failing: set[str] = set()
    for outcome in (broken[1], wrong_types_outcome(), no_columns):
        failing |= {r.expectation for r in outcome.results if not r.success}
    assert set(labels(default_suite())) - failing == set()


# --------------------------------------------------------------------------- shapes and accounting


def test_empty_batch() -> None:
    table = batch([])
    outcome = validate_postings(table)
    assert outcome.success and outcome.rows_in == 0
    assert outcome.valid.num_rows == 0 and outcome.valid.schema == table.schema
    assert outcome.quarantine.num_rows == 0 and outcome.quarantine.schema == quarantine_schema()


def test_quarantine_schema_is_the_input_relaxed_plus_failure_columns(
    broken: tuple[pa.Table, ValidationOutcome],
) -> None:
    schema = broken[1].quarantine.schema
    assert schema == quarantine_schema()
    assert schema.names == [
        *arrow_schema().names,
        "failed_expectations",
        "quarantine_reason",
        "offending_values",
    ]
    assert all(f.nullable for f in schema)
    assert schema.field("failed_expectations").type == pa.list_(pa.string())


def test_report_is_json(broken: tuple[pa.Table, ValidationOutcome]) -> None:
    outcome = broken[1]
    report = json.loads(json.dumps(outcome.to_dict()))
    assert report["rows_in"] == report["valid"] + report["quarantined"]
    assert (
        report["quarantined_by_expectation"]["expect_column_values_to_be_unique(posting_id)"] == 2
    )
    by_label = {r["expectation"]: r for r in report["results"]}
    null_title = by_label[f"{NULL}(title)"]
    assert null_title["success"] is False and null_title["unexpected_count"] == 2
    assert null_title["element_count"] == outcome.rows_in and null_title["columns"] == ["title"]


def test_row_accounting_is_enforced(monkeypatch: pytest.MonkeyPatch) -> None:
    def lose_a_row(table: pa.Table, bad: Any) -> pa.Table:
        return table.slice(1)

    monkeypatch.setattr(validate_module, "_without_rows", lose_a_row)
    with pytest.raises(RowAccountingError):
        validate_postings(batch([clean_row("a"), clean_row("b")]))


def test_valid_rows_keep_order_across_many_slices() -> None:
    rows = [clean_row(str(i), title=None if i % 3 == 0 else f"t{i}") for i in range(30)]
    outcome = validate_postings(batch(rows))
    assert outcome.valid.column("posting_id").to_pylist() == [str(i) for i in range(30) if i % 3]
    assert outcome.quarantine.column("posting_id").to_pylist() == [str(i) for i in range(0, 30, 3)]


# --------------------------------------------------------------------------- the validation frame


def test_url_rule() -> None:
    good = ["https://x.io", "http://127.0.0.1:8080/a?b=c#d", "https://a.b.co/é", "https://[::1]/"]
    bad = ["ftp://x.io", "https://", "https://a b.io", "https://x.io/a b", "https://x.io/\n", "//x"]
    rows = [clean_row(f"u{i}", url=url) for i, url in enumerate(good + bad)]
    outcome = validate_postings(batch(rows))
    assert outcome.valid.column("url").to_pylist() == good
    assert outcome.quarantine.column("url").to_pylist() == bad


def test_country_codes_helper_column() -> None:
    rows = [
        clean_row("a"),
        clean_row("b", locations=None),
        clean_row("c", locations=[]),
        clean_row("d", locations=[_location(None), _location("FR")]),
        clean_row("e", locations=[_location(None)]),
        clean_row("f", locations=[_location("")]),
    ]
    table = pa.concat_tables([batch(rows[:3]), batch(rows[3:])]).slice(1)  # chunked + sliced
    assert joined_country_codes(table).to_pylist() == [None, None, "FR", None, ""]
    wrong = table.drop_columns(["locations"])
    assert joined_country_codes(wrong).null_count == wrong.num_rows
    # a null list backed by values (Arrow allows it) contributes nothing
    values = pa.array([_location("ZZ"), _location("US")], LOCATION_TYPE)
    offsets = pa.array([0, 1, 2], pa.int32())
    hidden = pa.ListArray.from_arrays(offsets, values, mask=pa.array([True, False]))
    assert joined_country_codes(pa.table({"locations": hidden})).to_pylist() == [None, "US"]


def test_big_text_columns_are_not_converted() -> None:
    big = "<p>" + "x" * 100_000 + "</p>"
    frame = validation_frame(batch([clean_row("a", description_html=big), clean_row("b")]))
    assert frame["description_html"].tolist() == ["", ""]
    assert frame["locations"].tolist() == [[], []]  # nested values are not needed either
    assert frame["url"].tolist()[0].endswith("/jobs/a")  # value checks keep their values
    assert frame["title"].tolist() == ["", ""]  # only null-ness is checked
    assert frame.index.tolist() == [0, 1]


def test_validation_is_quiet(
    caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    """No progress bars on the terminal, no GX info logging."""
    with caplog.at_level(logging.INFO):
        validate_postings(batch([clean_row("a"), clean_row("b", title=None)]))
    assert not [r for r in caplog.records if r.name.startswith("great_expectations")]
    assert "Calculating Metrics" not in capfd.readouterr().err
