"""``jobpipe quality``: the latest validation result of every suite, as a table."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import orjson
from rich.console import Console
from rich.table import Table

from jobpipe import paths

MAX_LISTED = 3


def _gate_line(root: Path, day: date) -> str | None:
    report = paths.report_file(root, day, "validate")
    if not report.exists():
        return None
    gate = orjson.loads(report.read_bytes()).get("gate") or {}
    if gate.get("status") == "blocked":
        return f"[red]gate BLOCKED publication of {day}[/red]\\n{gate.get('message')}"
    if gate.get("status") == "passed":
        return f"gate passed for {day}: the batch was published"
    return None


def print_quality(console: Console, root: Path, day: date | None, rebuild_docs: bool) -> None:
    """Print the latest run per suite (on ``day`` if given), the gate and the Data Docs path."""
    from expectations.history import latest_runs

    runs = latest_runs(root, day)
    if not runs:
        where = f" for {day}" if day else ""
        raise FileNotFoundError(
            f"no validation results under {root}{where}: run `jobpipe run`, or "
            "`jobpipe normalize` and `jobpipe validate` for a date"
        )
    table = Table(title="latest validation results per suite")
    for col in ("suite", "date", "batch", "result", "checks", "failed", "critical"):
        table.add_column(
            col, justify="right" if col in ("checks", "failed", "critical") else "left"
        )
    table.add_column("failing checks")
    for run in runs:
        failures = run["failures"]
        listed = "; ".join(failures[:MAX_LISTED])
        if len(failures) > MAX_LISTED:
            listed += f"; +{len(failures) - MAX_LISTED} more"
        table.add_row(
            run["suite"],
            run["snapshot_date"].isoformat(),
            run["batch"],
            "[green]passed[/green]" if run["success"] else "[red]FAILED[/red]",
            str(run["checks"]),
            str(run["failed_checks"]),
            str(run["critical_failed"]),
            listed,
        )
    console.print(table)
    latest = max(r["snapshot_date"] for r in runs)
    gate = _gate_line(root, latest)
    if gate:
        console.print(gate)
    index = paths.data_docs_dir(root) / "index.html"
    if rebuild_docs or not index.exists():
        from expectations.datadocs import build_data_docs

        index = build_data_docs(root)
    console.print(f"Data Docs: {index.as_uri()}")
    console.print(
        f"History:   {root / paths.VALIDATION_RUNS}/dt=*/<suite>.parquet "
        "(view stg_validation_runs, mart validation_daily_by_suite)"
    )
