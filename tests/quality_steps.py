"""Stage a day's normalized partition and reports, so steps.validate/publish can run on it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from test_expectations_suite import batch

from jobpipe import paths
from jobpipe.atomic import write_parquet_partition
from jobpipe.steps import write_report
from warehouse.schema import arrow_schema


def stage_day(root: Path, day: date, rows: list[dict[str, Any]]) -> None:
    """Write ``rows`` as ``day``'s normalized partition plus its crawl and normalize reports."""
    table = batch(rows, arrow_schema(strict=False))
    write_parquet_partition(table, paths.parquet_file(root, "normalized", day))
    boards = {r["board"] for r in rows}
    write_report(
        root,
        day,
        "crawl",
        {"sources": {"greenhouse": {"boards": len(boards), "postings": len(rows), "errors": 0}}},
    )
    write_report(
        root, day, "normalize", {"postings_in": len(rows), "rows": len(rows), "rejects": []}
    )
