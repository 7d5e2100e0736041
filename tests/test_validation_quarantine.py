"""Row-level validation: each broken row lands in quarantine with the checks it failed."""

from __future__ import annotations

import pyarrow as pa
import pytest
from validation_rows import clean_row, table

from expectations.suite import build_posting_suite
from expectations.validate import validate_postings, validation_frame

BROKEN = {
    "null_title": ({"title": None}, "expect_column_values_to_not_be_null(title)"),
    "null_url": ({"url": None}, "expect_column_values_to_not_be_null(url)"),
    "bad_enum": ({"workplace_type": "moon"}, "expect_column_values_to_be_in_set(workplace_type)"),
    "bad_source": ({"source": "monster"}, "expect_column_values_to_be_in_set(source)"),
    "bad_url": ({"url": "javascript:alert(1)"}, "expect_column_values_to_match_regex(url)"),
    "bad_apply": ({"apply_url": "www.x.com"}, "expect_column_values_to_match_regex(apply_url)"),
    "bad_currency": (
        {"salary_currency": "XYZ"},
        "expect_column_values_to_be_in_set(salary_currency)",
    ),
    "bad_period": (
        {"salary_period": "fortnight"},
        "expect_column_values_to_be_in_set(salary_period)",
    ),
    "min_gt_max": (
        {"salary_min": 50.0, "salary_max": 40.0},
        "expect_column_pair_values_a_to_be_greater_than_b(salary_max, salary_min)",
    ),
    "negative": ({"salary_min": -1.0}, "expect_column_values_to_be_between(salary_min)"),
    "negative_max": (
        {"salary_min": None, "salary_max": -2.0},
        "expect_column_values_to_be_between(salary_max)",
    ),
    "bad_country": (
        {"locations": [{"raw": "Atlantis", "city": None, "region": None, "country_code": "ZZ"}]},
        "expect_column_values_to_match_regex(locations_country_codes)",
    ),
}


def test_clean_batch_passes_every_expectation() -> None:
    outcome = validate_postings(table([clean_row(str(i)) for i in range(5)]))
    assert outcome.success
    assert outcome.valid.num_rows == 5 and outcome.quarantine.num_rows == 0
    assert all(r.success for r in outcome.results)
    assert len(outcome.results) == len(build_posting_suite().expectations)


def test_each_broken_row_is_quarantined_with_its_reason() -> None:
    rows = [clean_row("good-1")]
    rows += [clean_row(name, **change) for name, (change, _) in BROKEN.items()]
    rows += [clean_row("good-2")]
    outcome = validate_postings(table(rows))
    assert outcome.valid.column("posting_id").to_pylist() == ["good-1", "good-2"]
    held = {r["posting_id"]: r for r in outcome.quarantine.to_pylist()}
    assert set(held) == set(BROKEN)
    for name, (_, expectation) in BROKEN.items():
        assert held[name]["failed_expectations"] == [expectation], name
        assert held[name]["quarantine_reason"].startswith(expectation)
    assert "got 'XYZ'" in held["bad_currency"]["quarantine_reason"]
    assert "got null" in held["null_title"]["quarantine_reason"]
    assert "(40.0, 50.0)" in held["min_gt_max"]["quarantine_reason"]
    assert outcome.rows_in == outcome.valid.num_rows + outcome.quarantine.num_rows
    assert not outcome.success


def test_duplicates_keep_the_first_occurrence() -> None:
    rows = [clean_row("a", title="first"), clean_row("b"), clean_row("a", title="second")]
    outcome = validate_postings(table(rows))
    assert outcome.valid.column("title").to_pylist() == ["first", "Registered Nurse"]
    (held,) = outcome.quarantine.to_pylist()
    assert held["title"] == "second"
    assert held["failed_expectations"] == ["expect_column_values_to_be_unique(posting_id)"]


def test_a_row_failing_several_checks_lists_them_all() -> None:
    outcome = validate_postings(table([clean_row("x", title=None, salary_currency="ABC")]))
    (held,) = outcome.quarantine.to_pylist()
    assert held["failed_expectations"] == [
        "expect_column_values_to_be_in_set(salary_currency)",
        "expect_column_values_to_not_be_null(title)",
    ]


def test_wrong_types_fail_the_type_expectation() -> None:
    rows = pa.Table.from_pylist([{**clean_row("x"), "title": None}, clean_row("y")])
    frame_table = rows.set_column(
        rows.schema.get_field_index("title"), "title", pa.array([None, 42], pa.int64())
    )
    outcome = validate_postings(frame_table)
    failed = {e for r in outcome.quarantine.to_pylist() for e in r["failed_expectations"]}
    assert "expect_column_values_to_be_in_type_list(title)" in failed


def test_missing_column_fails_the_whole_batch() -> None:
    batch = table([clean_row("a"), clean_row("b")]).drop_columns(["company"])
    outcome = validate_postings(batch)
    assert outcome.valid.num_rows == 0 and outcome.quarantine.num_rows == 2
    assert (
        "expect_column_to_exist(company)"
        in outcome.quarantine.to_pylist()[0]["failed_expectations"]
    )


def test_empty_batch() -> None:
    outcome = validate_postings(table([]))
    assert outcome.success and outcome.valid.num_rows == 0 and outcome.quarantine.num_rows == 0
    assert {"failed_expectations", "quarantine_reason"} <= set(outcome.quarantine.column_names)


def test_validation_frame_is_slim_and_native() -> None:
    big = "<p>" + "x" * 10_000 + "</p>"
    frame = validation_frame(table([clean_row("a", description_html=big)]))
    assert len(frame.loc[0, "description_html"]) == 64
    assert isinstance(frame.loc[0, "locations"], list)
    assert frame.loc[0, "locations_country_codes"] == "US"
    assert type(frame.loc[0, "title"]) is str


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_row_alone_never_leaks_into_valid(name: str) -> None:
    change, _ = BROKEN[name]
    outcome = validate_postings(table([clean_row(name, **change)]))
    assert outcome.valid.num_rows == 0
