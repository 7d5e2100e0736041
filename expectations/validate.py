"""Run the posting suite on a batch and split rows into publishable and quarantined.

Row attribution comes from GX itself: the batch is validated as a pandas frame whose index
is the row position, with ``result_format="COMPLETE"``, so every failed column check names
the rows (``unexpected_index_list``) and their values. A failed check that names no rows
(a missing column, a wrong dtype for a whole column) fails every row of the batch.
For ``unique`` the first occurrence of a value stays valid; later duplicates are quarantined.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from functools import cache
from typing import Any

import pandas as pd
import pyarrow as pa

from expectations.context import batch_definition, register_suite
from expectations.suite import (
    DERIVED_COLUMNS,
    build_posting_suite,
    expectation_label,
    truncate_text_column,
)

BIG_TEXT_COLUMNS = ("description_html", "description_text")
VALUE_CHARS = 200
REASON_CHARS = 2000


@dataclass
class ExpectationSummary:
    expectation: str
    type: str
    columns: list[str]
    success: bool
    element_count: int | None
    unexpected_count: int | None


@dataclass
class ValidationOutcome:
    valid: pa.Table
    quarantine: pa.Table
    rows_in: int
    results: list[ExpectationSummary] = field(default_factory=list)
    success: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "rows_in": self.rows_in,
            "valid": self.valid.num_rows,
            "quarantined": self.quarantine.num_rows,
            "success": self.success,
            "expectations": [asdict(r) for r in self.results],
        }


def validation_frame(table: pa.Table) -> pd.DataFrame:
    """The batch as pandas with Python-native values (what the type checks expect).

    Big text columns are cut to their first characters (same nulls, same type) so
    validation does not copy megabytes of HTML; nested lists become Python lists;
    derived columns for nested checks are added.
    """
    columns: dict[str, pa.Array | pa.ChunkedArray] = {}
    for name in table.column_names:
        big = name in BIG_TEXT_COLUMNS and pa.types.is_string(table.schema.field(name).type)
        columns[name] = truncate_text_column(table, name) if big else table.column(name)
    for name, derive in DERIVED_COLUMNS.items():
        columns[name] = derive(table)
    slim = pa.table(columns)
    frame = slim.to_pandas(date_as_object=False)
    for name in slim.column_names:
        kind = slim.schema.field(name).type
        if pa.types.is_list(kind) or pa.types.is_struct(kind):
            frame[name] = pd.Series(slim.column(name).to_pylist(), dtype=object)
        elif pa.types.is_integer(kind):  # keep integers integer even with nulls
            frame[name] = pd.array(slim.column(name).to_pylist(), dtype="Int64")
        elif not pa.types.is_floating(kind):
            frame[name] = frame[name].astype(object)
    return frame


def _plain(value: Any) -> Any:
    """numpy scalars → Python, NaN/NaT → None, tuples element-wise (for readable reasons)."""
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if hasattr(value, "item") and not isinstance(value, (list, dict)):
        value = value.item()
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def _short(value: Any) -> str:
    value = _plain(value)
    text = "null" if value is None else repr(value)
    return text if len(text) <= VALUE_CHARS else text[: VALUE_CHARS - 3] + "..."


def _rows_failed(result: Any, rows: int) -> list[tuple[int, Any]]:
    """(row, offending value) pairs a failed expectation names; every row if it names none."""
    res = result.result or {}
    index = res.get("unexpected_index_list")
    if index is None:
        message = ""
        info = result.exception_info or {}
        if isinstance(info, dict) and info.get("exception_message"):
            message = info["exception_message"]
        observed = res.get("observed_value", message or "batch-level failure")
        return [(i, observed) for i in range(rows)]
    values = res.get("unexpected_list") or [None] * len(index)
    pairs = [(int(i), v) for i, v in zip(index, values, strict=False)]
    if result.expectation_config.type == "expect_column_values_to_be_unique":
        seen: set[Any] = set()
        kept = []
        for i, v in sorted(pairs, key=lambda p: p[0]):
            key = repr(v)
            if key in seen:
                kept.append((i, v))
            seen.add(key)
        pairs = kept
    return pairs


def _summary(result: Any) -> ExpectationSummary:
    config = result.expectation_config
    res = result.result or {}
    cols = [config.kwargs[k] for k in ("column", "column_A", "column_B") if config.kwargs.get(k)]
    return ExpectationSummary(
        expectation=expectation_label(config.type, config.kwargs),
        type=config.type,
        columns=cols,
        success=bool(result.success),
        element_count=res.get("element_count"),
        unexpected_count=res.get("unexpected_count"),
    )


def _quarantine_table(
    table: pa.Table, rows: list[int], failed: dict[int, list[str]], why: dict[int, list[str]]
) -> pa.Table:
    taken = table.take(pa.array(rows, pa.int64()))
    taken = taken.append_column(
        pa.field("failed_expectations", pa.list_(pa.string())),
        pa.array([sorted(set(failed[r])) for r in rows], pa.list_(pa.string())),
    )
    reasons = ["; ".join(why[r])[:REASON_CHARS] for r in rows]
    return taken.append_column(
        pa.field("quarantine_reason", pa.string()), pa.array(reasons, pa.string())
    )


@cache
def default_suite() -> Any:
    """The schema's suite, built and registered once per process."""
    return register_suite(build_posting_suite())


def validate_postings(table: pa.Table, *, suite: Any = None) -> ValidationOutcome:
    """Validate ``table`` with the posting suite; valid rows keep their order."""
    rows_in = table.num_rows
    suite = register_suite(suite) if suite is not None else default_suite()
    failed: dict[int, list[str]] = defaultdict(list)
    why: dict[int, list[str]] = defaultdict(list)
    summaries: list[ExpectationSummary] = []
    if rows_in:
        frame = validation_frame(table)
        batch = batch_definition().get_batch(batch_parameters={"dataframe": frame})
        report = batch.validate(suite, result_format={"result_format": "COMPLETE"})
        for result in report.results:
            summary = _summary(result)
            summaries.append(summary)
            if result.success:
                continue
            for row, value in _rows_failed(result, rows_in):
                failed[row].append(summary.expectation)
                why[row].append(f"{summary.expectation} got {_short(value)}")
    bad = sorted(failed)
    bad_set = set(bad)
    mask = pa.array([i not in bad_set for i in range(rows_in)], pa.bool_())
    valid = table.filter(mask)
    quarantine = _quarantine_table(table, bad, failed, why)
    if rows_in != valid.num_rows + quarantine.num_rows:
        raise AssertionError(
            f"row accounting broken: {rows_in} in != {valid.num_rows} valid + "
            f"{quarantine.num_rows} quarantined"
        )
    return ValidationOutcome(
        valid=valid,
        quarantine=quarantine,
        rows_in=rows_in,
        results=summaries,
        success=all(s.success for s in summaries),
    )
