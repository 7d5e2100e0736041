"""The board crawl log: one row per registry board per logical date, success or failure.

Written by the crawl step to ``board_crawls/dt=<date>/part-0.parquet``. A board that was
crawled successfully on a date and no longer lists a posting means the posting was not seen
that date (the warehouse closes it); a failed board says nothing about its postings.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa

from transforms.normalize import iter_bronze

#: (name, type, description) of every column.
BOARD_CRAWL_FIELDS: list[tuple[str, pa.DataType, str]] = [
    ("source", pa.string(), "platform, e.g. greenhouse"),
    ("board", pa.string(), "board token as in the registry"),
    ("company", pa.string(), "employer name from the registry"),
    ("snapshot_date", pa.date32(), "logical date of the crawl"),
    ("success", pa.bool_(), "the board's list was fetched and parsed"),
    ("listed_ids", pa.int64(), "job ids the list held (null when the list failed)"),
    ("postings", pa.int64(), "posting records written to bronze"),
    ("details_reused", pa.int64(), "postings whose detail came from the crawl state"),
    ("errors", pa.int64(), "error records written to bronze for the board"),
    ("error_reason", pa.string(), "why the board failed (null on success)"),
]


def board_crawl_schema() -> pa.Schema:
    """Arrow schema of the board crawl log."""
    return pa.schema(
        [
            pa.field(n, t, nullable=True, metadata={"description": d})
            for n, t, d in BOARD_CRAWL_FIELDS
        ]
    )


@dataclass
class BronzeCounts:
    """Per-board tallies of one bronze file."""

    postings: Counter[str] = field(default_factory=Counter)
    reused: Counter[str] = field(default_factory=Counter)
    errors: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    #: first board-level error (one without a job id) per board: reason
    board_errors: dict[str, str] = field(default_factory=dict)


#: Error reasons without a job id that do not mean the board's list was lost.
NOT_BOARD_FAILURES = frozenset({"missing_id", "invalid_utf8"})


def count_bronze(paths: Iterable[Path]) -> BronzeCounts:
    """Postings, reused details and errors per board (and reason) in bronze files."""
    counts = BronzeCounts()
    for _, _, record in iter_bronze([p for p in paths if p.exists()]):
        if isinstance(record, str):
            continue  # an unreadable line: normalize rejects it into quarantine, with the reason
        board = str(record.get("board"))
        if record.get("record_type") == "error":
            reason = str(record.get("reason"))
            counts.errors[board][reason] += 1
            if record.get("source_job_id") is None and reason not in NOT_BOARD_FAILURES:
                counts.board_errors.setdefault(board, reason)
        else:
            counts.postings[board] += 1
            payload = record.get("payload")
            if isinstance(payload, dict) and payload.get("detail_reused"):
                counts.reused[board] += 1
    return counts


def board_rows(
    refs: Iterable[Any],
    day: date,
    counts: BronzeCounts,
    stats: dict[str, Any] | None,
    process_error: str | None = None,
) -> list[dict[str, Any]]:
    """Log rows for the boards one spider process crawled.

    A spider that reports its listings (stats ``jobpipe/boards_listed``, see
    :mod:`spiders.incremental`) is believed; for others a board succeeded unless a
    board-level error (one without a job id) was recorded for it.
    """
    stats = stats or {}
    listed: dict[str, int] | None = stats.get("jobpipe/boards_listed")
    failed: dict[str, str] = stats.get("jobpipe/boards_failed") or {}
    rows = []
    for ref in refs:
        b = ref.board
        errors = sum(counts.errors.get(b, Counter()).values())
        if process_error is not None:
            ok, n, reason = False, None, "crawl_process_failed"
        elif listed is not None:
            ok = b in listed and b not in failed
            n = listed.get(b) if ok else None
            reason = None if ok else counts.board_errors.get(b) or failed.get(b) or "not_listed"
        else:
            reason = counts.board_errors.get(b)
            ok, n = reason is None, (counts.postings[b] if reason is None else None)
        rows.append(
            {
                "source": ref.source,
                "board": b,
                "company": ref.company,
                "snapshot_date": day,
                "success": ok,
                "listed_ids": n,
                "postings": counts.postings[b],
                "details_reused": counts.reused[b],
                "errors": errors,
                "error_reason": reason,
            }
        )
    return rows


def board_log_table(rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=board_crawl_schema())
