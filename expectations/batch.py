"""Batch-level checks: compare a day's batch with the previous accepted run, per board.

The batch is summarised into a small metrics table, one row per board plus one row for the
whole batch (``scope = "batch"``), and that table is validated by a GX suite
(:func:`build_batch_suite`), so every board that breaks a rule is named by GX's own result:

- ``row_count_within_band`` (warning): rows this run ÷ rows in the previous accepted run of
  the same board within ``[row_count_min_ratio, row_count_max_ratio]``;
- ``row_count_not_collapsed`` (critical): that ratio at least ``row_count_critical_min_ratio``
  (a board whose row count fell 90% blocks the batch);
- ``null_rate_not_jumping`` (warning, one per key field): the share of rows missing the field
  (null, empty string or empty list) rose by at most ``null_rate_max_increase``;
- ``quarantine_share_under_threshold`` (warning) and ``quarantine_share_critical``
  (critical): quarantined ÷ rows in, for the whole batch.

Which checks are critical comes from ``Thresholds.critical_checks``. "Previous run" = the
latest earlier logical date whose batch was accepted (published); a blocked batch never
becomes the baseline. A board seen for the first time has no ratio and passes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import great_expectations as gx
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from great_expectations import expectations as gxe
from great_expectations.expectations.row_conditions import Column

from expectations.history import CheckRun
from expectations.suite import gx_context
from expectations.thresholds import Thresholds
from expectations.validate import run_suite, slim_suite_result
from jobpipe import paths
from jobpipe.atomic import atomic_path

BATCH_SUITE = "postings_batch"
BATCH = "*"  # source and board of the whole-batch row
UNKNOWN = "(unknown)"


def _null_col(name: str) -> str:
    return f"null_rate__{name}"


def _jump_col(name: str) -> str:
    return f"null_rate_increase__{name}"


def metrics_schema(key_fields: tuple[str, ...]) -> pa.Schema:
    cols = [
        pa.field("snapshot_date", pa.date32()),
        pa.field("scope", pa.string()),
        pa.field("source", pa.string()),
        pa.field("board", pa.string()),
        pa.field("rows_in", pa.int64()),
        pa.field("quarantined", pa.int64()),
        pa.field("quarantined_share", pa.float64()),
        pa.field("prev_date", pa.date32()),
        pa.field("prev_rows_in", pa.int64()),
        pa.field("row_count_ratio", pa.float64()),
        pa.field("accepted", pa.bool_()),
    ]
    for name in key_fields:
        cols += [
            pa.field(_null_col(name), pa.float64()),
            pa.field(f"prev_{_null_col(name)}", pa.float64()),
            pa.field(_jump_col(name), pa.float64()),
        ]
    return pa.schema(cols)


# --------------------------------------------------------------------------- metrics


def _keys(table: pa.Table) -> pa.Table:
    """``source``/``board`` of ``table`` with nulls as ``(unknown)``."""
    cols = {}
    for name in ("source", "board"):
        col = table.column(name) if name in table.column_names else pa.nulls(table.num_rows)
        cols[name] = pc.fill_null(pc.cast(col, pa.string()), UNKNOWN)
    return pa.table(cols)


def _counts(table: pa.Table) -> dict[tuple[str, str], int]:
    if table.num_rows == 0:
        return {}
    grouped = _keys(table).group_by(["source", "board"]).aggregate([([], "count_all")])
    return {(r["source"], r["board"]): r["count_all"] for r in grouped.to_pylist()}


def _missing(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """True where a value is missing: null, empty string, empty list."""
    missing = pc.is_null(column)
    if pa.types.is_string(column.type):
        missing = pc.or_(missing, pc.fill_null(pc.equal(column, ""), False))
    elif pa.types.is_list(column.type):
        missing = pc.or_(missing, pc.fill_null(pc.equal(pc.list_value_length(column), 0), False))
    return missing


def _null_rates(
    table: pa.Table, key_fields: tuple[str, ...]
) -> dict[tuple[str, str], dict[str, float]]:
    """Per board and for the whole batch (``(*, *)``): share of rows missing each key field."""
    present = [f for f in key_fields if f in table.column_names]
    if table.num_rows == 0 or not present:
        return {}
    flags = _keys(table)
    for name in present:
        flags = flags.append_column(name, pc.cast(_missing(table.column(name)), pa.float64()))
    aggs = [(name, "mean") for name in present]
    out: dict[tuple[str, str], dict[str, float]] = {}
    for row in flags.group_by(["source", "board"]).aggregate(aggs).to_pylist():
        out[(row["source"], row["board"])] = {n: row[f"{n}_mean"] for n in present}
    overall = flags.select(present)
    out[(BATCH, BATCH)] = {n: pc.mean(overall.column(n)).as_py() for n in present}
    return out


def previous_metrics(root: Path, day: date) -> dict[tuple[str, str], dict[str, Any]]:
    """Per board (and ``(*, *)``): its metrics row from the latest accepted run before ``day``."""
    base = paths.batch_metrics_file(root, day).parent.parent
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for folder in sorted(base.glob("dt=*")):
        if folder.name >= f"dt={day.isoformat()}":
            continue
        file = folder / paths.PARQUET_PART
        if not file.exists():
            continue
        for row in pq.read_table(file).to_pylist():
            if row.get("accepted"):
                found[(row["source"], row["board"])] = row  # later dates overwrite earlier
    return found


def _expected_today(
    source: str,
    board: str,
    before: Mapping[str, Any],
    prev: Mapping[tuple[str, str], Mapping[str, Any]],
    crawled: Mapping[str, Any] | None,
) -> bool:
    """Whether a board missing from today's batch should have had rows."""
    last = prev.get((BATCH, BATCH))
    if last is not None and before["snapshot_date"] != last["snapshot_date"]:
        return False  # not in the last accepted run: already gone before
    if crawled is None:
        return True
    info = crawled.get(source)
    if not isinstance(info, Mapping):
        return False  # the source was not crawled today (taken out of the registry)
    if board in (info.get("errors_by_board") or {}):
        return True  # crawled, and it failed
    boards_before = sum(
        1
        for (s, b), row in prev.items()
        if s == source and last is not None and row["snapshot_date"] == last["snapshot_date"]
    )
    return int(info.get("boards") or 0) >= boards_before


def batch_metrics(
    root: Path,
    day: date,
    normalized: pa.Table,
    valid: pa.Table,
    quarantine: pa.Table,
    thresholds: Thresholds,
    crawled: Mapping[str, Any] | None = None,
) -> pa.Table:
    """The metrics table of ``day``'s batch (``accepted`` left null until the gate decides).

    ``crawled`` is the crawl report's ``sources`` of ``day``; with it, a board of the last
    accepted run that has no rows today counts as fallen to zero only when the crawl says it
    was crawled (it has errors) or its source still has as many boards in the registry (so a
    board taken out of the registry does not block the day). Without it, every such board
    counts.
    """
    key_fields = thresholds.null_rate_key_fields
    valid_n, held_n = _counts(valid), _counts(quarantine)
    rates = _null_rates(normalized, key_fields)
    prev = previous_metrics(root, day)
    boards = sorted(set(valid_n) | set(held_n))
    subjects = [("board", s, b) for s, b in boards] + [("batch", BATCH, BATCH)]
    rows = []
    for scope, source, board in subjects:
        key = (source, board)
        if scope == "batch":
            rows_in = valid.num_rows + quarantine.num_rows
            held = quarantine.num_rows
        else:
            held = held_n.get(key, 0)
            rows_in = valid_n.get(key, 0) + held
        before = prev.get(key)
        prev_rows = before["rows_in"] if before else None
        row: dict[str, Any] = {
            "snapshot_date": day,
            "scope": scope,
            "source": source,
            "board": board,
            "rows_in": rows_in,
            "quarantined": held,
            "quarantined_share": (held / rows_in if rows_in else 0.0) if scope == "batch" else None,
            "prev_date": before["snapshot_date"] if before else None,
            "prev_rows_in": prev_rows,
            "row_count_ratio": rows_in / prev_rows if prev_rows else None,
            "accepted": None,
        }
        for name in key_fields:
            rate = rates.get(key, {}).get(name)
            old = before.get(_null_col(name)) if before else None
            row[_null_col(name)] = rate
            row[f"prev_{_null_col(name)}"] = old
            row[_jump_col(name)] = rate - old if rate is not None and old is not None else None
        rows.append(row)
    # boards of the last accepted run that are absent today: row count fell to zero
    for (source, board), before in sorted(prev.items()):
        if (source, board) in boards or (source, board) == (BATCH, BATCH):
            continue
        if not _expected_today(source, board, before, prev, crawled):
            continue
        row = {name: None for name in metrics_schema(key_fields).names}
        row |= {
            "snapshot_date": day,
            "scope": "board",
            "source": source,
            "board": board,
            "rows_in": 0,
            "quarantined": 0,
            "prev_date": before["snapshot_date"],
            "prev_rows_in": before["rows_in"],
            "row_count_ratio": 0.0 if before["rows_in"] else None,
        }
        rows.insert(-1, row)
    return pa.Table.from_pylist(rows, schema=metrics_schema(key_fields))


def write_batch_metrics(root: Path, day: date, metrics: pa.Table, accepted: bool) -> Path:
    """Store ``day``'s metrics with the gate's decision (the next run's baseline if accepted)."""
    index = metrics.schema.get_field_index("accepted")
    metrics = metrics.set_column(
        index, "accepted", pa.array([accepted] * metrics.num_rows, pa.bool_())
    )
    target = paths.batch_metrics_file(root, day)
    with atomic_path(target) as tmp:
        pq.write_table(metrics, tmp)
    return target


# --------------------------------------------------------------------------- the suite


def build_batch_suite(thresholds: Thresholds) -> gx.ExpectationSuite:
    """The batch suite over the metrics table; each expectation's ``meta.check`` names it."""
    gx_context()
    t = thresholds

    def meta(check: str, **extra: Any) -> dict[str, Any]:
        severity = "critical" if check in t.critical_checks else "warning"
        return {"origin": "batch", "check": check, "severity": severity, **extra}

    batch_row = Column("scope") == "batch"
    expectations = [
        gxe.ExpectColumnValuesToBeBetween(
            column="row_count_ratio",
            min_value=t.row_count_min_ratio,
            max_value=t.row_count_max_ratio,
            meta=meta("row_count_within_band"),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="row_count_ratio",
            min_value=t.row_count_critical_min_ratio,
            meta=meta("row_count_not_collapsed"),
        ),
        *(
            gxe.ExpectColumnValuesToBeBetween(
                column=_jump_col(name),
                max_value=t.null_rate_max_increase,
                meta=meta("null_rate_not_jumping", field=name),
            )
            for name in t.null_rate_key_fields
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="quarantined_share",
            max_value=t.quarantine_share_max,
            row_condition=batch_row,
            meta=meta("quarantine_share_under_threshold"),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="quarantined_share",
            max_value=t.quarantine_share_critical,
            row_condition=batch_row,
            meta=meta("quarantine_share_critical"),
        ),
    ]
    suite = gx.ExpectationSuite(name=BATCH_SUITE)
    for expectation in expectations:
        suite.add_expectation(expectation)
    return suite


def check_label(meta: Mapping[str, Any]) -> str:
    """``row_count_not_collapsed`` or ``null_rate_not_jumping(title)``."""
    return meta["check"] + (f"({meta['field']})" if meta.get("field") else "")


# --------------------------------------------------------------------------- outcome


@dataclass
class BatchCheckResult:
    """One batch check: which boards (or the batch) broke it, in words."""

    check: str
    severity: str
    success: bool
    evaluated: int | None
    failed: int | None
    problems: list[str] = field(default_factory=list)
    error: str | None = None

    def as_check_run(self) -> CheckRun:
        return CheckRun(
            expectation=self.check,
            expectation_type="expect_column_values_to_be_between",
            columns=[],
            severity=self.severity,
            success=self.success,
            evaluated=self.evaluated,
            failed=self.failed,
            observed_value="; ".join(self.problems)[:500] or self.error,
        )


@dataclass
class BatchOutcome:
    """The batch suite's results and the critical failures that block publication."""

    metrics: pa.Table
    checks: list[BatchCheckResult]
    gx_result: dict[str, Any] | None = None

    @property
    def critical_failures(self) -> list[str]:
        return [
            p
            for c in self.checks
            if c.severity == "critical" and not c.success
            for p in (c.problems or [f"{c.check}: {c.error}"])
        ]

    @property
    def warnings(self) -> list[str]:
        return [
            p
            for c in self.checks
            if c.severity != "critical" and not c.success
            for p in (c.problems or [f"{c.check}: {c.error}"])
        ]

    @property
    def success(self) -> bool:
        return all(c.success for c in self.checks)

    def to_dict(self) -> dict[str, Any]:
        return {
            "success": self.success,
            "critical_failures": self.critical_failures,
            "warnings": self.warnings,
            "checks": [
                {k: getattr(c, k) for k in ("check", "severity", "success", "evaluated", "failed")}
                for c in self.checks
            ],
        }


def _subject(row: Mapping[str, Any]) -> str:
    return "whole batch" if row["scope"] == "batch" else f"board {row['source']}/{row['board']}"


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.0%}"


def describe_problem(
    check: str, row: Mapping[str, Any], meta: Mapping[str, Any], t: Thresholds
) -> str:
    """One sentence on what a metrics row shows for a failed check."""
    who = _subject(row)
    if check.startswith("row_count"):
        low = (
            t.row_count_critical_min_ratio
            if check == "row_count_not_collapsed"
            else (t.row_count_min_ratio)
        )
        return (
            f"{check}: {who} has {row['rows_in']} rows vs {row['prev_rows_in']} on "
            f"{row['prev_date']} ({_pct(row['row_count_ratio'])} of before; allowed from "
            f"{_pct(low)}"
            + ("" if check == "row_count_not_collapsed" else f" to {_pct(t.row_count_max_ratio)}")
            + ")"
        )
    if check == "null_rate_not_jumping":
        name = meta["field"]
        return (
            f"{check}({name}): {who} misses {name} in {_pct(row[_null_col(name)])} of rows vs "
            f"{_pct(row[f'prev_{_null_col(name)}'])} on {row['prev_date']} (allowed rise "
            f"{_pct(t.null_rate_max_increase)})"
        )
    limit = (
        t.quarantine_share_critical
        if check == "quarantine_share_critical"
        else (t.quarantine_share_max)
    )
    return (
        f"{check}: {row['quarantined']} of {row['rows_in']} rows quarantined "
        f"({_pct(row['quarantined_share'])}; allowed up to {_pct(limit)})"
    )


def check_batch(metrics: pa.Table, thresholds: Thresholds) -> BatchOutcome:
    """Run the batch suite on ``metrics``; name every board that broke a rule."""
    suite = build_batch_suite(thresholds)
    frame = metrics.to_pandas(date_as_object=True)
    frame.index = pd.RangeIndex(len(frame))
    result = run_suite(frame, suite)
    rows = metrics.to_pylist()
    by_label: dict[str, BatchCheckResult] = {}
    for item in result.results:
        meta = item.expectation_config.meta or {}
        label = check_label(meta)
        res = item.result or {}
        index = res.get("unexpected_index_list") or []
        info = item.exception_info or {}
        raised = info.get("raised_exception") if isinstance(info, Mapping) else None
        by_label[label] = BatchCheckResult(
            check=label,
            severity=str(meta.get("severity", "warning")),
            success=bool(item.success),
            evaluated=res.get("element_count"),
            failed=res.get("unexpected_count"),
            problems=[
                describe_problem(meta["check"], rows[int(i)], meta, thresholds) for i in index
            ],
            error=str(info.get("exception_message")) if raised else None,
        )
    order = [check_label(e.meta or {}) for e in suite.expectations]
    checks = [by_label[label] for label in order if label in by_label]
    return BatchOutcome(metrics=metrics, checks=checks, gx_result=slim_suite_result(result))
