"""Validation history: every suite run of every logical date, as Parquet, plus its GX result.

Per run of a suite on the batch of date D:

- ``validation_runs/dt=D/<suite>.parquet``: one row per expectation (suite, batch, date,
  success, evaluated and failed counts, severity), read by the ``stg_validation_runs`` view;
- ``quality/results/dt=D/<suite>.json``: GX's suite result (slim: at most 20 example values
  per check), from which Data Docs are rendered.

Both files are replaced atomically, so re-running a date overwrites its runs (idempotent).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from jobpipe import paths
from jobpipe.atomic import atomic_open, atomic_path

VALIDATION_RUN_SCHEMA = pa.schema(
    [
        pa.field("snapshot_date", pa.date32(), metadata={"description": "Logical date."}),
        pa.field("suite", pa.string(), metadata={"description": "Expectation suite name."}),
        pa.field("batch", pa.string(), metadata={"description": "What was validated."}),
        pa.field("run_success", pa.bool_(), metadata={"description": "Whole suite passed."}),
        pa.field("expectation", pa.string(), metadata={"description": "Check label."}),
        pa.field("expectation_type", pa.string(), metadata={"description": "GX type."}),
        pa.field("columns", pa.string(), metadata={"description": "Column(s) it reads."}),
        pa.field("severity", pa.string(), metadata={"description": "critical/warning/row."}),
        pa.field("success", pa.bool_(), metadata={"description": "This check passed."}),
        pa.field("evaluated", pa.int64(), metadata={"description": "Values/rows evaluated."}),
        pa.field("failed", pa.int64(), metadata={"description": "Values/rows that failed."}),
        pa.field("observed_value", pa.string(), metadata={"description": "GX observed value."}),
        pa.field("validated_at", pa.timestamp("us", tz="UTC")),
    ]
)


@dataclass(frozen=True)
class CheckRun:
    """One expectation's outcome in one suite run."""

    expectation: str
    expectation_type: str
    columns: list[str]
    severity: str
    success: bool
    evaluated: int | None
    failed: int | None
    observed_value: str | None = None


def history_rows(
    day: date, suite: str, batch: str, checks: Iterable[CheckRun], validated_at: datetime
) -> pa.Table:
    """The history table of one suite run."""
    checks = list(checks)
    ok = all(c.success for c in checks)
    rows = [
        {
            "snapshot_date": day,
            "suite": suite,
            "batch": batch,
            "run_success": ok,
            "expectation": c.expectation,
            "expectation_type": c.expectation_type,
            "columns": ", ".join(c.columns),
            "severity": c.severity,
            "success": c.success,
            "evaluated": c.evaluated,
            "failed": c.failed,
            "observed_value": c.observed_value,
            "validated_at": validated_at,
        }
        for c in checks
    ]
    return pa.Table.from_pylist(rows, schema=VALIDATION_RUN_SCHEMA)


def record_run(
    root: Path,
    day: date,
    suite: str,
    batch: str,
    checks: Iterable[CheckRun],
    gx_result: dict[str, Any] | None,
    *,
    validated_at: datetime | None = None,
) -> Path:
    """Write (replace) the history rows and the GX result of ``suite`` on ``day``."""
    validated_at = validated_at or datetime.now(UTC)
    table = history_rows(day, suite, batch, checks, validated_at)
    target = paths.validation_run_file(root, day, suite)
    with atomic_path(target) as tmp:
        pq.write_table(table, tmp, compression="zstd")
    if gx_result is not None:
        doc = dict(gx_result)
        meta = dict(doc.get("meta") or {})
        meta["jobpipe"] = {
            "snapshot_date": day.isoformat(),
            "batch": batch,
            "validated_at": validated_at.isoformat(),
        }
        meta["run_id"] = {"run_name": f"{suite}-{day}", "run_time": validated_at.isoformat()}
        meta["validation_time"] = validated_at.strftime("%Y%m%dT%H%M%S.%fZ")
        doc["meta"] = meta
        with atomic_open(paths.validation_result_file(root, day, suite)) as fh:
            fh.write(orjson.dumps(doc, default=str, option=orjson.OPT_NON_STR_KEYS))
    return target


def load_history(root: Path, day: date | None = None) -> pa.Table:
    """Every recorded run (or only ``day``'s), one row per expectation."""
    pattern = f"dt={day.isoformat()}" if day else "dt=*"
    files = sorted((root / paths.VALIDATION_RUNS).glob(f"{pattern}/*.parquet"))
    if not files:
        return VALIDATION_RUN_SCHEMA.empty_table()
    return pa.concat_tables([pq.read_table(f, schema=VALIDATION_RUN_SCHEMA) for f in files])


def latest_runs(root: Path, day: date | None = None) -> list[dict[str, Any]]:
    """Per suite, its latest run (on ``day`` if given): counts of checks and failures."""
    table = load_history(root, day)
    by_suite: dict[str, dict[str, Any]] = {}
    for row in table.to_pylist():
        suite = row["suite"]
        current = by_suite.get(suite)
        if current and current["snapshot_date"] > row["snapshot_date"]:
            continue
        if not current or current["snapshot_date"] < row["snapshot_date"]:
            current = by_suite[suite] = {
                "suite": suite,
                "snapshot_date": row["snapshot_date"],
                "batch": row["batch"],
                "success": row["run_success"],
                "checks": 0,
                "failed_checks": 0,
                "critical_failed": 0,
                "validated_at": row["validated_at"],
                "failures": [],
            }
        current["checks"] += 1
        if not row["success"]:
            current["failed_checks"] += 1
            current["critical_failed"] += row["severity"] == "critical"
            current["failures"].append(f"{row['expectation']} ({row['failed']} failed)")
    return sorted(by_suite.values(), key=lambda r: r["suite"])


def outcome_check_runs(outcome: Any) -> list[CheckRun]:
    """History rows of a row-level suite run (:class:`expectations.validate.ValidationOutcome`).

    Row-level checks have severity ``row``: their failing rows are quarantined, the batch goes on.
    """
    return [
        CheckRun(
            expectation=r.expectation,
            expectation_type=r.type,
            columns=list(r.columns),
            severity="row",
            success=r.success,
            evaluated=r.element_count,
            failed=r.unexpected_count,
            observed_value=r.observed_value or r.error,
        )
        for r in outcome.results
    ]
