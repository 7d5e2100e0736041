"""Every expectation of every suite (bronze, silver, batch) is seen failing on a broken batch,
and passes on a clean one, so no rule can be added without a test that breaks it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import gx_labels
import pyarrow as pa
import pytest
from quality_cases import (
    DAY,
    board_rows,
    bronze_cases,
    bronze_record,
    silver_broken_batch,
    silver_row,
    write_bronze,
)
from test_expectations_batch import _run as run_batch
from test_expectations_suite import batch
from test_quarantine import broken_batch

from expectations.batch import build_batch_suite
from expectations.bronze import build_bronze_suite, check_bronze
from expectations.silver import build_silver_suite
from expectations.thresholds import Thresholds
from expectations.validate import ValidationOutcome, validate_postings
from warehouse.schema import POSTING_FIELDS

T = Thresholds()
DAY2 = DAY + timedelta(days=1)


def _failed(outcome: ValidationOutcome) -> set[str]:
    return {r.expectation for r in outcome.results if not r.success}


def test_every_bronze_check_fails_somewhere(tmp_path: Path) -> None:
    lines = [line for line, _ in bronze_cases().values()]
    checked = check_bronze([write_bronze(tmp_path / "b.jsonl.gz", lines)], T)
    missing = set(gx_labels.suite_labels(build_bronze_suite(T))) - _failed(checked.outcome)
    assert missing == set(), f"bronze checks never seen failing: {missing}"


def test_every_silver_check_fails_somewhere() -> None:
    suite = build_silver_suite(DAY, T)
    wrong_types = pa.table(
        {
            f.name: pa.array([1, 2]) if pa.types.is_string(f.type) else pa.array(["x", "y"])
            for f in POSTING_FIELDS
        }
    )
    failing: set[str] = set()
    for table in (
        broken_batch(),  # schema rules, one broken row each
        silver_broken_batch(T),  # plausibility rules, one broken row each
        wrong_types,  # every type check
        pa.table({"unrelated": pa.array(range(2))}),  # every column missing
    ):
        failing |= _failed(validate_postings(table, suite=suite))
    missing = set(gx_labels.suite_labels(suite)) - failing
    assert missing == set(), f"silver checks never seen failing: {missing}"


def test_every_batch_check_fails_somewhere(tmp_path: Path) -> None:
    run_batch(tmp_path, DAY, board_rows("a", 40) + board_rows("b", 10), accept=True)
    blank = {name: None for name in T.null_rate_key_fields}
    rows = board_rows("a", 2, DAY2) + board_rows("b", 40, DAY2, **blank)  # collapse, growth
    outcome = run_batch(tmp_path, DAY2, rows, held=30)  # and most rows quarantined
    failing = {c.check for c in outcome.checks if not c.success}
    missing = set(gx_labels.suite_labels(build_batch_suite(T))) - failing
    assert missing == set(), f"batch checks never seen failing: {missing}"


@pytest.mark.parametrize("suite", ["bronze", "silver", "batch"])
def test_a_clean_batch_passes_every_check(tmp_path: Path, suite: str) -> None:
    if suite == "bronze":
        lines = [bronze_record(str(i)) for i in range(3)]
        outcome = check_bronze([write_bronze(tmp_path / "b.jsonl.gz", lines)], T).outcome
        results = [(r.expectation, r.success) for r in outcome.results]
    elif suite == "silver":
        rows = [silver_row(str(i)) for i in range(3)]
        outcome = validate_postings(batch(rows), suite=build_silver_suite(DAY, T))
        results = [(r.expectation, r.success) for r in outcome.results]
    else:
        run_batch(tmp_path, DAY, board_rows("a", 10) + board_rows("b", 10), accept=True)
        outcome = run_batch(tmp_path, DAY2, board_rows("a", 11, DAY2) + board_rows("b", 9, DAY2))
        results = [(c.check, c.success) for c in outcome.checks]
    assert results and all(ok for _, ok in results), [name for name, ok in results if not ok]
