"""Building clean and broken posting rows for validation tests."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pyarrow as pa

from warehouse.schema import arrow_schema


def clean_row(pid: str, **overrides: Any) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(arrow_schema().names)
    row.update(
        posting_id=pid,
        source="greenhouse",
        board="acme",
        source_job_id=pid,
        url=f"https://job-boards.greenhouse.io/acme/jobs/{pid}",
        apply_url=f"https://job-boards.greenhouse.io/acme/jobs/{pid}",
        company="Acme",
        title="Registered Nurse",
        description_html="<p>Care.</p>",
        description_text="Care.",
        locations=[{"raw": "Boston, MA", "city": "Boston", "region": "MA", "country_code": "US"}],
        workplace_type="onsite",
        employment_type="full_time",
        department="Nursing",
        posted_at=datetime(2026, 10, 1, tzinfo=UTC),
        updated_at=datetime(2026, 10, 2, tzinfo=UTC),
        scraped_at=datetime(2026, 11, 1, 6, tzinfo=UTC),
        salary_min=38.0,
        salary_max=45.0,
        salary_currency="USD",
        salary_period="hour",
        salary_source="structured",
        salary_raw="Hourly: 3800-4500 cents USD",
        snapshot_date=date(2026, 11, 1),
    )
    row.update(overrides)
    return row


def table(rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=arrow_schema(strict=False))
