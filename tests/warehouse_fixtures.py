"""Helpers for warehouse tests: write given posting / crawl-error rows, derive, query."""

from __future__ import annotations

import gzip
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from jobpipe import paths
from jobpipe.atomic import write_parquet_partition
from warehouse.build import build_warehouse
from warehouse.derived import publish_derived
from warehouse.schema import arrow_schema, crawl_error_schema

DESCRIPTION = (
    "We are looking for a registered nurse to join our intensive care unit. You will assess "
    "patients, give medication, keep records and work with doctors on care plans. Shifts are "
    "twelve hours, three days a week, with paid training and a sign-on bonus for new staff."
)


def row(pid: str, day: date, board: str = "a", **over: Any) -> dict[str, Any]:
    """One valid posting row of ``board`` on ``day``; ``over`` replaces columns."""
    out: dict[str, Any] = {name: None for name in arrow_schema().names}
    out.update(
        posting_id=pid,
        source="greenhouse",
        board=board,
        source_job_id=pid,
        url=f"https://x.test/{board}/{pid}",
        company=board.title(),
        title="Nurse",
        description_text=f"{DESCRIPTION} Reference {pid}.",
        locations=[{"raw": "Boston, MA", "city": "Boston", "region": "MA", "country_code": "US"}],
        skills=[],
        scraped_at=datetime(2026, 11, 1, tzinfo=UTC),
        snapshot_date=day,
    )
    out.update(over)
    return out


def write_day(
    root: Path,
    day: date,
    rows: list[dict[str, Any]],
    *,
    failed_boards: tuple[str, ...] = (),
    errors: list[dict[str, Any]] | None = None,
    bronze_sources: tuple[str, ...] = (),
) -> None:
    """Postings of ``day``; list-level crawl errors for ``failed_boards``; optional bronze."""
    write_parquet_partition(
        pa.Table.from_pylist(rows, schema=arrow_schema()),
        paths.parquet_file(root, "postings", day),
    )
    errs = [
        {"source": "greenhouse", "board": b, "reason": "http_500", "snapshot_date": day}
        for b in failed_boards
    ] + [dict(e, snapshot_date=day) for e in errors or []]
    write_parquet_partition(
        pa.Table.from_pylist(errs, schema=crawl_error_schema()),
        paths.parquet_file(root, "crawl_errors", day),
    )
    for source in bronze_sources:
        bronze = paths.bronze_file(root, source, day)
        bronze.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(bronze, "wb") as fh:
            fh.write(b"")


def publish(root: Path, day: date) -> Path:
    publish_derived(root, day)
    return build_warehouse(root)


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def demo_rows(market: Any, day: date, skip_boards: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """The demo market's postings on ``day`` as clean rows (what validate would publish)."""
    from transforms.html_text import html_to_text

    rows = []
    for board in market.board_tokens():
        if board in skip_boards:
            continue
        for p in market.postings(board, day):
            pay = p.pay
            rows.append(
                row(
                    f"{board}-{p.job_id}",
                    day,
                    board=board,
                    company=p.company,
                    title=p.title,
                    seniority=p.seniority,
                    workplace_type=p.workplace_type,
                    description_text=html_to_text(p.description_html),
                    locations=[
                        {
                            "raw": loc.raw,
                            "city": loc.city or None,
                            "region": loc.region,
                            "country_code": loc.country_code or None,
                        }
                        for loc in p.locations
                    ],
                    salary_min=pay.min if pay else None,
                    salary_max=pay.max if pay else None,
                    salary_currency=pay.currency if pay else None,
                    salary_period=pay.period if pay else None,
                    url=f"https://job-boards.greenhouse.io/{board}/jobs/{p.job_id}",
                )
            )
    return rows
