"""stg_board_crawls and crawl_errors_by_board: given rows in, expected rows out."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from jobpipe import paths
from jobpipe.atomic import write_parquet_partition
from jobpipe.board_log import board_log_table
from warehouse.build import build_warehouse
from warehouse.schema import crawl_error_schema

D1 = date(2026, 11, 1)


def _board(board: str, ok: bool, **over: object) -> dict:
    row = {
        "source": "greenhouse", "board": board, "company": board.title(), "snapshot_date": D1,
        "success": ok, "listed_ids": 3 if ok else None, "postings": 3 if ok else 0,
        "details_reused": 0, "errors": 0, "error_reason": None if ok else "http_404",
    }  # fmt: skip
    row.update(over)
    return row


def _error(board: str, reason: str, job: str | None = None) -> dict:
    return {"source": "greenhouse", "board": board, "request_url": "http://x", "reason": reason,
            "detail": "", "http_status": None, "source_job_id": job, "excerpt": None,
            "fetched_at": datetime(2026, 11, 1, tzinfo=UTC), "snapshot_date": D1}  # fmt: skip


def test_errors_by_board_lists_failed_and_erroring_boards(tmp_path: Path) -> None:
    boards = [_board("ok", True), _board("partial", True, errors=2),
              _board("gone", False, errors=1)]  # fmt: skip
    errors = [_error("partial", "http_404", "1"), _error("partial", "http_500", "2"),
              _error("partial", "http_404", "3"), _error("gone", "http_404")]  # fmt: skip
    write_parquet_partition(
        board_log_table(boards), paths.parquet_file(tmp_path, "board_crawls", D1)
    )
    write_parquet_partition(pa.Table.from_pylist(errors, schema=crawl_error_schema()),
                            paths.parquet_file(tmp_path, "crawl_errors", D1))  # fmt: skip
    db = build_warehouse(tmp_path)
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "select board, board_crawled, error_reason, errors, errors_by_reason, postings "
            "from crawl_errors_by_board order by board").fetchall()  # fmt: skip
        crawled = con.execute(
            "select board from stg_board_crawls where success order by 1"
        ).fetchall()
    assert rows == [
        ("gone", False, "http_404", 1, {"http_404": 1}, 0),
        ("partial", True, None, 3, {"http_404": 2, "http_500": 1}, 3),
    ]
    assert crawled == [("ok",), ("partial",)]


def test_views_exist_before_any_crawl(tmp_path: Path) -> None:
    db = build_warehouse(tmp_path)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from crawl_errors_by_board").fetchone() == (0,)
        assert con.execute("select count(*) from stg_board_crawls").fetchone() == (0,)
