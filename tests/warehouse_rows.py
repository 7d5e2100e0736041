"""Compare published postings between two data roots, ignoring the fetch time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

VOLATILE = {"scraped_at"}  # when the payload was fetched: differs between any two crawls


def postings_rows(root: Path) -> list[dict[str, Any]]:
    """Every published posting of every date, sorted, without volatile columns."""
    rows = []
    for part in sorted((root / "postings").glob("dt=*/part-0.parquet")):
        table = pq.read_table(part)
        keep = [c for c in table.column_names if c not in VOLATILE]
        rows += table.select(keep).to_pylist()
    key = ("snapshot_date", "source", "board", "source_job_id")
    return sorted(rows, key=lambda r: tuple(str(r[k]) for k in key))
