"""Posting lifecycle: first/last seen, closed on a successful crawl only, reopen detection."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from warehouse_fixtures import publish, query, row, write_day

D = [date(2026, 11, 1) + timedelta(days=i) for i in range(6)]
LIFECYCLE = (
    "select posting_id, first_seen_at, last_seen_at, closed_at, is_active, days_open, "
    "reopen_count from posting_lifecycle order by posting_id"
)


def test_absent_posting_closes_on_first_successful_crawl(tmp_path: Path) -> None:
    write_day(tmp_path, D[0], [row("a1", D[0]), row("a2", D[0])])
    write_day(tmp_path, D[1], [row("a1", D[1])])  # a2 gone, board a listed → closes on D1
    db = publish(tmp_path, D[1])
    assert query(tmp_path / "warehouse.duckdb", LIFECYCLE) == [
        ("a1", D[0], D[1], None, True, 2, 0),
        ("a2", D[0], D[0], D[1], False, 1, 0),
    ]
    assert db.exists()


def test_failed_crawl_never_closes(tmp_path: Path) -> None:
    write_day(tmp_path, D[0], [row("a1", D[0]), row("b1", D[0], board="b")])
    # D1: board a failed at list level (nothing listed), board b fine
    write_day(tmp_path, D[1], [row("b1", D[1], board="b")], failed_boards=("a",))
    # D2: board a listed again, a1 still there
    write_day(tmp_path, D[2], [row("a1", D[2]), row("b1", D[2], board="b")])
    db = publish(tmp_path, D[2])
    assert query(db, LIFECYCLE) == [
        ("a1", D[0], D[2], None, True, 3, 0),
        ("b1", D[0], D[2], None, True, 3, 0),
    ]
    crawls = query(
        db,
        "select board, crawl_ok, evidence from int_board_crawls where snapshot_date = ? order by 1",
        [D[1]],
    )
    assert crawls == [("a", False, "list_failed"), ("b", True, "listed")]


def test_board_with_bronze_but_no_postings_closes_everything(tmp_path: Path) -> None:
    write_day(tmp_path, D[0], [row("a1", D[0])], bronze_sources=("greenhouse",))
    write_day(tmp_path, D[1], [], bronze_sources=("greenhouse",))
    db = publish(tmp_path, D[1])
    assert query(db, LIFECYCLE) == [("a1", D[0], D[0], D[1], False, 1, 0)]
    assert query(db, "select evidence from int_board_crawls where snapshot_date = ?", [D[1]]) == [
        ("bronze_present",)
    ]


def test_board_not_crawled_at_all_keeps_postings_open(tmp_path: Path) -> None:
    write_day(tmp_path, D[0], [row("a1", D[0]), row("b1", D[0], board="b")])
    write_day(tmp_path, D[1], [row("b1", D[1], board="b")])  # no bronze, no rows for a
    db = publish(tmp_path, D[1])
    assert query(
        db, "select posting_id, is_active, closed_at from posting_lifecycle order by 1"
    ) == [
        ("a1", True, None),
        ("b1", True, None),
    ]


def test_quarantined_or_detail_failed_posting_is_still_listed(tmp_path: Path) -> None:
    write_day(tmp_path, D[0], [row("a1", D[0]), row("a2", D[0])])
    # D1: a1's detail request failed (job-level error): listed, not closed
    err = {"source": "greenhouse", "board": "a", "reason": "http_404", "source_job_id": "a1"}
    write_day(tmp_path, D[1], [row("a2", D[1])], errors=[err])
    db = publish(tmp_path, D[1])
    assert query(db, LIFECYCLE) == [
        ("a1", D[0], D[1], None, True, 2, 0),
        ("a2", D[0], D[1], None, True, 2, 0),
    ]


def test_reopened_posting_counts_a_reopen_and_all_days_open(tmp_path: Path) -> None:
    write_day(tmp_path, D[0], [row("a1", D[0]), row("a2", D[0])])
    write_day(tmp_path, D[1], [row("a2", D[1])])  # a1 closes
    write_day(tmp_path, D[2], [row("a2", D[2])])
    write_day(tmp_path, D[3], [row("a1", D[3]), row("a2", D[3])])  # a1 is back
    db = publish(tmp_path, D[3])
    assert query(db, LIFECYCLE)[0] == ("a1", D[0], D[3], None, True, 2, 1)
    episodes = query(
        db,
        "select first_seen_at, closed_at, is_reopen from stg_posting_episodes "
        "where posting_id = 'a1' order by 1",
    )
    assert episodes == [(D[0], D[1], False), (D[3], None, True)]
    # a reopened posting keeps its duplicate group
    assert query(db, "select duplicate_group_id from posting_lifecycle where posting_id='a1'") == [
        ("a1",)
    ]


def test_republishing_a_date_is_idempotent(tmp_path: Path) -> None:
    write_day(tmp_path, D[0], [row("a1", D[0]), row("a2", D[0])])
    write_day(tmp_path, D[1], [row("a1", D[1], title="Senior Nurse")])
    db = publish(tmp_path, D[1])
    first = query(db, "select * from posting_history order by posting_id, valid_from")
    files = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.parquet"))
    db = publish(tmp_path, D[1])
    db = publish(tmp_path, D[0])  # re-running an earlier date re-derives the later ones too
    assert query(db, "select * from posting_history order by posting_id, valid_from") == first
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.parquet")) == files
    assert not list(tmp_path.rglob(".*.tmp"))


def test_board_failed_in_the_crawl_log_never_closes(tmp_path: Path) -> None:
    """An Airflow shard or spider process that died leaves no error record, only a failed row
    in the board crawl log; the source's other boards still wrote bronze."""
    import pyarrow as pa

    from jobpipe import paths
    from jobpipe.atomic import write_parquet_partition
    from jobpipe.board_log import board_crawl_schema

    write_day(tmp_path, D[0], [row("a1", D[0]), row("b1", D[0], board="b")])
    write_day(tmp_path, D[1], [row("b1", D[1], board="b")], bronze_sources=("greenhouse",))
    log = [
        {"source": "greenhouse", "board": "a", "snapshot_date": D[1], "success": False,
         "error_reason": "crawl_process_failed"},
        {"source": "greenhouse", "board": "b", "snapshot_date": D[1], "success": True},
    ]  # fmt: skip
    table = pa.Table.from_pylist(log, schema=board_crawl_schema())
    write_parquet_partition(table, paths.parquet_file(tmp_path, "board_crawls", D[1]))
    db = publish(tmp_path, D[1])
    assert query(db, LIFECYCLE) == [
        ("a1", D[0], D[0], None, True, 1, 0),  # still open: its board failed on D1
        ("b1", D[0], D[1], None, True, 2, 0),
    ]
    crawls = query(
        db,
        "select board, crawl_ok, evidence from int_board_crawls where snapshot_date = ? order by 1",
        [D[1]],
    )
    assert crawls == [("a", False, "list_failed"), ("b", True, "listed")]
