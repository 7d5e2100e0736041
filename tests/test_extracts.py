"""The dashboard extract: marts rebuilt from Parquet and exported as flat files."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from jobpipe import paths
from jobpipe.atomic import write_parquet_partition
from jobpipe.extracts import export_dashboard
from warehouse.schema import arrow_schema


def _posting(day: date, job: str, company: str) -> dict:
    row: dict = {name: None for name in arrow_schema().names}
    row.update({
        "posting_id": f"greenhouse:acme:{job}", "source": "greenhouse", "board": "acme",
        "source_job_id": job, "url": f"https://example.com/{job}", "company": company,
        "title": "Engineer", "scraped_at": datetime(2026, 11, 3, tzinfo=UTC),
        "snapshot_date": day,
    })  # fmt: skip
    return {k: v for k, v in row.items() if k in arrow_schema().names}


def test_export_writes_every_mart_with_its_rows(tmp_path: Path) -> None:
    days = {date(2026, 11, 1): ["1", "2"], date(2026, 11, 2): ["2", "3", "4"]}
    for day, jobs in days.items():
        table = pa.Table.from_pylist([_posting(day, j, "Acme") for j in jobs],
                                     schema=arrow_schema())  # fmt: skip
        write_parquet_partition(table, paths.parquet_file(tmp_path, "postings", day))
    out = export_dashboard(tmp_path, reason="test")
    assert out["marts"] == {"postings_current": 3, "postings_daily_by_company": 2}
    assert out["latest_snapshot_date"] == "2026-11-02"
    daily = pq.read_table(tmp_path / "exports" / "postings_daily_by_company.parquet")
    rows = sorted(daily.select(["snapshot_date", "postings", "new_postings"]).to_pylist(),
                  key=lambda r: r["snapshot_date"])  # fmt: skip
    assert [(r["postings"], r["new_postings"]) for r in rows] == [(2, 2), (3, 2)]
    meta = orjson.loads((tmp_path / "exports" / "extract.json").read_bytes())
    assert meta["marts"] == out["marts"] and meta["reason"] == "test"
    assert not list((tmp_path / "exports").glob(".*"))  # no temp files left
