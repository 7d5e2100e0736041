"""Demo history without HTTP: the demo board's Greenhouse payloads → extraction → enrichment.

Gives the same rows a crawl of the demo board publishes (minus fetch timestamps), fast enough
to build weeks of history for docs and tests: ``write_demo_days(root, market, days)``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pyarrow as pa

from jobpipe import paths
from jobpipe.atomic import write_parquet_partition
from jobpipe.demo import Market
from jobpipe.demo.greenhouse import job_detail, job_json
from spiders.extract.greenhouse import posting_from_payload
from transforms.normalize import row_from_item
from warehouse.schema import arrow_schema, crawl_error_schema


def demo_day_rows(market: Market, day: date) -> list[dict[str, Any]]:
    """Every demo posting live on ``day`` as the clean row normalize would publish."""
    fetched = datetime.combine(day, time(6), tzinfo=UTC).isoformat()
    rows = []
    for board in market.board_tokens():
        for posting in market.postings(board, day):
            payload = {
                "list": job_json(market, posting, content=True),
                "detail": job_detail(market, board, posting.job_id, day, pay_transparency=True),
            }
            item = posting_from_payload(payload, board, fetched_at=fetched)
            rows.append(row_from_item(item, day))
    return rows


def write_demo_days(root: Path, market: Market, days: Iterable[date]) -> list[date]:
    """Write the ``postings`` (and empty ``crawl_errors``) partition of each day."""
    written = []
    for day in days:
        table = pa.Table.from_pylist(demo_day_rows(market, day), schema=arrow_schema())
        write_parquet_partition(table, paths.parquet_file(root, "postings", day))
        write_parquet_partition(
            crawl_error_schema().empty_table(), paths.parquet_file(root, "crawl_errors", day)
        )
        written.append(day)
    return written
