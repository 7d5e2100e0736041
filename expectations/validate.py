"""Run the posting suite on a batch and split its rows into valid and quarantined.

Row attribution comes from GX's own results. The batch is validated as one pandas frame whose
index is the row position (``RangeIndex``), with ``result_format="COMPLETE"``, so every failed
row-level expectation returns ``unexpected_index_list``: exactly the rows to quarantine. The
offending values quoted in ``quarantine_reason`` are read from the frame at those rows (GX 1.24
caps ``unexpected_list`` at 200 values even in COMPLETE; the index list is not capped).
Nothing is re-checked in pandas.

A failed expectation that names no rows is a batch-level failure and fails every row: a
missing column, a column of the wrong dtype (the type expectation compares the column's dtype
as a whole), or an expectation that could not run.

Duplicates (``unique`` fields): GX flags every row of a duplicated value; the first row (lowest
position) of each value stays valid, the later ones are quarantined, so a posting crawled twice
in one batch is kept once rather than lost.

For speed the frame holds only the columns the suite reads, and a string or list column that
only value-free expectations read (exists, type, not-null: the description HTML/text, the
nested ``locations``) is replaced by ``""``/``[]`` where set, keeping its type and nulls, so its
contents are never converted to pandas. The valid table is zero-copy slices of the input when
the bad rows are few.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from functools import cache
from typing import Any

import great_expectations as gx
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from great_expectations.core.batch_definition import BatchDefinition
from great_expectations.core.expectation_validation_result import (
    ExpectationSuiteValidationResult,
    ExpectationValidationResult,
)

from expectations.quarantine import quarantine_schema_for
from expectations.suite import (
    DERIVED_COLUMNS,
    build_posting_suite,
    expectation_columns,
    expectation_label,
    gx_context,
)

VALUE_CHARS = 200
MAX_SLICES = 20_000  # valid = zero-copy slices between bad rows while there are fewer bad rows
RESULT_FORMAT = {"result_format": "COMPLETE", "return_unexpected_index_query": False}
# Expectations that read a column's dtype and null mask only, never its values.
VALUE_FREE = frozenset(
    {
        "expect_column_to_exist",
        "expect_column_values_to_be_of_type",
        "expect_column_values_to_not_be_null",
    }
)
UNIQUE = "expect_column_values_to_be_unique"


class RowAccountingError(AssertionError):
    """Rows in != valid rows + quarantined rows."""


@dataclass(frozen=True)
class ExpectationSummary:
    """One expectation's outcome on the batch (JSON-ready through ``asdict``)."""

    expectation: str  # label, as used in ``failed_expectations``
    type: str
    columns: list[str]
    success: bool
    element_count: int | None
    unexpected_count: int | None
    observed_value: str | None = None
    error: str | None = None


@dataclass
class ValidationOutcome:
    """Result of :func:`validate_postings`."""

    valid: pa.Table
    quarantine: pa.Table
    rows_in: int
    results: list[ExpectationSummary] = field(default_factory=list)
    success: bool = True
    suite_name: str = ""
    gx_result: dict[str, Any] | None = None  # slim GX suite result (JSON) for Data Docs

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready report: counts, per-expectation results, quarantined rows per check."""
        failures: Counter[str] = Counter()
        if self.quarantine.num_rows:
            for labels in self.quarantine.column("failed_expectations").to_pylist():
                failures.update(labels or [])
        return {
            "rows_in": self.rows_in,
            "valid": self.valid.num_rows,
            "quarantined": self.quarantine.num_rows,
            "success": self.success,
            "quarantined_by_expectation": dict(sorted(failures.items())),
            "results": [asdict(r) for r in self.results],
        }


# --------------------------------------------------------------------------- GX plumbing


@cache
def _batch_definition() -> BatchDefinition:
    """The pandas whole-dataframe batch definition in the process's context (made once)."""
    source = gx_context().data_sources.add_pandas("jobpipe_validation")
    asset = source.add_dataframe_asset("postings")
    return asset.add_batch_definition_whole_dataframe("whole_frame")


@cache
def default_suite() -> gx.ExpectationSuite:
    """The posting suite, built once per process."""
    return build_posting_suite()


def _label(result: ExpectationValidationResult) -> str:
    return expectation_label(result.expectation_config.type, result.expectation_config.kwargs)


def _in_suite_order(
    results: list[ExpectationValidationResult], suite: gx.ExpectationSuite
) -> list[ExpectationValidationResult]:
    """GX returns results in its own order; reports and reasons follow the suite's."""
    labels = [
        expectation_label(e.configuration.type, e.configuration.kwargs) for e in suite.expectations
    ]
    order = {label: i for i, label in reversed(list(enumerate(labels)))}
    return sorted(results, key=lambda r: order.get(_label(r), len(order)))


def run_suite(frame: pd.DataFrame, suite: gx.ExpectationSuite) -> ExpectationSuiteValidationResult:
    """GX's suite result for ``frame`` (``COMPLETE`` result format: uncapped index lists)."""
    batch = _batch_definition().get_batch(batch_parameters={"dataframe": frame})
    return batch.validate(suite, result_format=RESULT_FORMAT)


def _run(frame: pd.DataFrame, suite: gx.ExpectationSuite) -> list[ExpectationValidationResult]:
    return list(run_suite(frame, suite).results)


SLIM_KEYS = (
    "element_count",
    "unexpected_count",
    "unexpected_percent",
    "missing_count",
    "missing_percent",
    "unexpected_percent_total",
    "unexpected_percent_nonmissing",
    "observed_value",
)
SLIM_LIST_KEYS = ("partial_unexpected_list", "partial_unexpected_index_list")
SLIM_ITEMS = 20


def _short(value: Any) -> Any:
    value = _plain(value)
    if isinstance(value, str) and len(value) > VALUE_CHARS:
        return value[: VALUE_CHARS - 3] + "..."
    return value


def slim_suite_result(result: ExpectationSuiteValidationResult) -> dict[str, Any]:
    """JSON of a suite result without per-row lists (at most 20 example values per check).

    What Data Docs and the validation history need; a ``COMPLETE`` result of a million rows
    would otherwise carry every failing row's index and value.
    """
    for item in result.results:
        full = item.result or {}
        slim = {k: full[k] for k in SLIM_KEYS if k in full}
        for key in SLIM_LIST_KEYS:
            if key in full:
                slim[key] = [_short(v) for v in list(full[key])[:SLIM_ITEMS]]
        if "partial_unexpected_counts" in full:
            slim["partial_unexpected_counts"] = [
                {"value": _short(c.get("value")), "count": c.get("count")}
                for c in full["partial_unexpected_counts"][:SLIM_ITEMS]
            ]
        item.result = slim
    return result.to_json_dict()


# --------------------------------------------------------------------------- the frame


def _column_uses(suite: gx.ExpectationSuite) -> dict[str, set[str]]:
    """Column → the expectation types that read it."""
    uses: dict[str, set[str]] = defaultdict(set)
    for expectation in suite.expectations:
        config = expectation.configuration
        for col in expectation_columns(config.kwargs):
            uses[col].add(config.type)
    return uses


def _types_mapper(arrow_type: pa.DataType) -> pd.ArrowDtype | None:
    """Nested, int and bool columns as ``pd.ArrowDtype`` (typed, nullable, no Python objects)."""
    nested = pa.types.is_list(arrow_type) or pa.types.is_large_list(arrow_type)
    if nested or pa.types.is_struct(arrow_type):
        return pd.ArrowDtype(arrow_type)
    if pa.types.is_integer(arrow_type) or pa.types.is_boolean(arrow_type):
        return pd.ArrowDtype(arrow_type)
    return None


def _blank(arrow_type: pa.DataType) -> pa.Scalar | None:
    """The cheapest non-null value of a string or list type (None for other types)."""
    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return pa.scalar("", arrow_type)
    if pa.types.is_list(arrow_type) or pa.types.is_large_list(arrow_type):
        return pa.scalar([], arrow_type)
    return None


def _slim(column: pa.ChunkedArray, uses: set[str]) -> pa.ChunkedArray:
    """A string/list column that only value-free checks read → blank where set, same nulls.

    Keeps the type and the null mask, which is all those checks look at, so the big text
    columns (and the nested locations) are never converted to pandas.
    """
    blank = _blank(column.type)
    if blank is None or not uses <= VALUE_FREE:
        return column
    return pc.if_else(pc.is_valid(column), blank, pa.scalar(None, column.type))


def validation_frame(table: pa.Table, suite: gx.ExpectationSuite | None = None) -> pd.DataFrame:
    """The pandas frame GX validates: suite columns (slimmed) + derived ones, index = row."""
    uses = _column_uses(suite if suite is not None else default_suite())
    columns = {name: _slim(table.column(name), uses[name]) for name in table.column_names}
    columns = {name: col for name, col in columns.items() if name in uses}
    columns |= {name: derive(table) for name, derive in DERIVED_COLUMNS.items() if name in uses}
    if not columns:
        return pd.DataFrame(index=pd.RangeIndex(table.num_rows))
    slim = pa.table(columns)
    frame = slim.to_pandas(date_as_object=False, types_mapper=_types_mapper)
    frame.index = pd.RangeIndex(table.num_rows)
    return frame


# --------------------------------------------------------------------------- attribution


def _plain(value: Any) -> Any:
    """numpy scalars → Python, NaN/NaT/NA → None."""
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, float) and value != value:
        return None
    return value


def _shown(value: Any) -> str:
    value = _plain(value)
    text = "null" if value is None else repr(value)
    return text if len(text) <= VALUE_CHARS else text[: VALUE_CHARS - 3] + "..."


def _value_detail(value: Any, columns: list[str]) -> str:
    if isinstance(value, tuple) and len(value) == len(columns):
        return "got " + ", ".join(f"{c}={_shown(v)}" for c, v in zip(columns, value, strict=True))
    return f"got {_shown(value)}"


def error_message(result: ExpectationValidationResult) -> str | None:
    """Why an expectation could not run, or None if it ran.

    GX 1.24 reports this in two shapes: ``{"raised_exception": ..., "exception_message": ...}``
    or, when a metric failed, ``{metric_id: {same keys}}``.
    """
    info = result.exception_info or {}
    entries = [info] if "raised_exception" in info else list(info.values())
    messages = [
        str(e.get("exception_message") or "error")
        for e in entries
        if isinstance(e, Mapping) and str(e.get("raised_exception")) == "True"
    ]
    return "; ".join(dict.fromkeys(messages)) or None


def _batch_detail(result: ExpectationValidationResult) -> str:
    error = error_message(result)
    if error:
        return f"could not run ({_shown(error)})"
    observed = (result.result or {}).get("observed_value")
    expected = result.expectation_config.kwargs.get("type_")
    if observed is not None and expected is not None:
        return f"failed for the whole batch: column type is {observed!r}, expected {expected!r}"
    return "failed for the whole batch" + (f" (observed {_shown(observed)})" if observed else "")


def _values_at(frame: pd.DataFrame, columns: list[str], rows: list[int]) -> list[Any]:
    """The frame's values of ``columns`` at ``rows`` (a tuple per row for several columns).

    Read from the frame rather than GX's ``unexpected_list``, which GX 1.24 caps at 200
    values even with ``COMPLETE`` (``unexpected_index_list`` is not capped).
    """
    present = [c for c in columns if c in frame.columns]
    if not present:
        return [None] * len(rows)
    picked = frame[present].iloc[rows]
    if len(present) == 1:
        return picked[present[0]].tolist()
    return list(picked.itertuples(index=False, name=None))


def _keep_first(rows: list[int], values: list[Any]) -> tuple[list[int], list[Any]]:
    """Drop the first (lowest) row of every duplicated value: that row stays valid."""
    seen: set[Any] = set()
    later: list[tuple[int, Any]] = []
    for row, value in sorted(zip(rows, values, strict=True), key=lambda p: p[0]):
        key = _plain(value)
        if key in seen:
            later.append((row, value))
        seen.add(key)
    return [r for r, _ in later], [v for _, v in later]


Offending = list[tuple[str, str | None]]  # (column, value as text) the check objected to


def _offending(value: Any, columns: list[str]) -> Offending:
    values = value if isinstance(value, tuple) and len(value) == len(columns) else (value,)
    out: Offending = []
    for col, v in zip(columns, values, strict=False):
        v = _plain(v)
        text = None if v is None else str(v)
        if text is not None and len(text) > VALUE_CHARS:
            text = text[: VALUE_CHARS - 3] + "..."
        out.append((col, text))
    return out


def failing_rows(
    result: ExpectationValidationResult, frame: pd.DataFrame
) -> Iterator[tuple[int, str, Offending]]:
    """``(row, detail, offending values)`` for each row a failed expectation result blames.

    A batch-level failure (no row list) blames every row and names no values.
    """
    index = (result.result or {}).get("unexpected_index_list")
    if index is None or error_message(result):
        detail = _batch_detail(result)
        yield from ((row, detail, []) for row in range(len(frame)))
        return
    config = result.expectation_config
    columns = expectation_columns(config.kwargs)
    rows = [int(i) for i in index]
    values = _values_at(frame, columns, rows)
    if config.type == UNIQUE:
        rows, values = _keep_first(rows, values)
    for row, value in zip(rows, values, strict=True):
        yield row, _value_detail(value, columns), _offending(value, columns)


def _summary(result: ExpectationValidationResult) -> ExpectationSummary:
    config = result.expectation_config
    res = result.result or {}
    error = error_message(result)
    observed = res.get("observed_value")
    return ExpectationSummary(
        expectation=_label(result),
        type=config.type,
        columns=expectation_columns(config.kwargs),
        success=bool(result.success),
        element_count=res.get("element_count"),
        unexpected_count=res.get("unexpected_count"),
        observed_value=None if observed is None else str(observed),
        error=None if error is None else str(error)[:VALUE_CHARS],
    )


# --------------------------------------------------------------------------- outcome


Failure = tuple[str, str, Offending]  # (label, detail, offending values)


def _reason(failures: list[Failure]) -> str:
    checks = "check" if len(failures) == 1 else "checks"
    return (
        f"Failed {len(failures)} {checks}: "
        + "; ".join(f"{label} {detail}" for label, detail, _ in failures)
        + "."
    )


def offending_values(failures: list[Failure]) -> list[dict[str, str | None]]:
    """The ``offending_values`` cell of a row: one entry per (check, column) it failed on."""
    return [
        {"expectation": label, "column_name": col, "value": value}
        for label, _, offending in failures
        for col, value in offending
    ]


def _quarantine_table(
    table: pa.Table, rows: np.ndarray, failures: Mapping[int, list[Failure]]
) -> pa.Table:
    """The ``rows`` (sorted) of ``table`` plus their failure columns, all nullable.

    Selected with a mask, not ``take``: ``take`` concatenates chunks first and overflows
    32-bit string offsets once a text column passes 2 GB (about 1M postings).
    """
    mask = np.zeros(table.num_rows, dtype=bool)
    mask[rows] = True
    taken = table.filter(pa.array(mask))
    labels = [[label for label, _, _ in failures[r]] for r in rows.tolist()]
    reasons = [_reason(failures[r]) for r in rows.tolist()]
    offending = [offending_values(failures[r]) for r in rows.tolist()]
    schema = quarantine_schema_for(table.schema)
    arrays = [
        *taken.columns,
        pa.array(labels, pa.list_(pa.string())),
        pa.array(reasons, pa.string()),
        pa.array(offending, schema.field("offending_values").type),
    ]
    return pa.Table.from_arrays(arrays, schema=schema)


def _without_rows(table: pa.Table, bad: np.ndarray) -> pa.Table:
    """``table`` minus the rows ``bad`` (sorted), order kept.

    With few bad rows the result is zero-copy slices of ``table`` (no copy of the big text
    columns); with many, one ``filter``.
    """
    if bad.size == 0:
        return table
    if bad.size >= MAX_SLICES:
        keep = np.ones(table.num_rows, dtype=bool)
        keep[bad] = False
        return table.filter(pa.array(keep))
    starts = np.concatenate([[0], bad + 1])
    ends = np.concatenate([bad, [table.num_rows]])
    pieces = [table.slice(s, e - s) for s, e in zip(starts, ends, strict=True) if e > s]
    return pa.concat_tables(pieces) if pieces else table.slice(0, 0)


def validate_postings(
    table: pa.Table, *, suite: gx.ExpectationSuite | None = None
) -> ValidationOutcome:
    """Validate ``table`` with ``suite`` (default: the posting suite); split valid/quarantine.

    ``valid`` keeps ``table``'s schema and row order; ``quarantine`` has every input column
    (nullable) plus ``failed_expectations``, ``quarantine_reason`` and ``offending_values``.
    """
    suite = suite if suite is not None else default_suite()
    rows_in = table.num_rows
    frame = validation_frame(table, suite)
    suite_result = run_suite(frame, suite)
    results = _in_suite_order(list(suite_result.results), suite)
    failures: dict[int, list[Failure]] = defaultdict(list)
    for result in results:
        if result.success:
            continue
        label = _label(result)
        for row, detail, offending in failing_rows(result, frame):
            failures[row].append((label, detail, offending))
    bad = np.array(sorted(failures), dtype=np.int64)
    valid = _without_rows(table, bad)
    quarantine = _quarantine_table(table, bad, failures)
    if rows_in != valid.num_rows + quarantine.num_rows:
        raise RowAccountingError(
            f"{rows_in} rows in != {valid.num_rows} valid + {quarantine.num_rows} quarantined"
        )
    summaries = [_summary(r) for r in results]
    return ValidationOutcome(
        valid=valid,
        quarantine=quarantine,
        rows_in=rows_in,
        results=summaries,
        success=all(s.success for s in summaries),
        suite_name=suite.name,
        gx_result=slim_suite_result(suite_result),
    )
