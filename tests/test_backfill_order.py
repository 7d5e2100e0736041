"""Backfilling 30 demo days in order or in any order gives the same derived tables."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest
from warehouse_fixtures import demo_rows, write_day

from jobpipe.demo import Market
from warehouse.build import build_warehouse
from warehouse.derived import publish_derived

DAYS = [date(2026, 10, 1) + timedelta(days=i) for i in range(30)]
TABLES = {
    "posting_lifecycle": "posting_id",
    "posting_history": "posting_id, valid_from",
    "stg_posting_episodes": "posting_id, first_seen_at",
    "stg_posting_groups": "posting_id",
    "distinct_jobs": "duplicate_group_id",
    "daily_activity_by_company": "company, snapshot_date",
}


def _failed(day: date, boards: list[str]) -> tuple[str, ...]:
    """Every 7th day the second board's list request fails (nothing may close there)."""
    return (boards[1],) if day.toordinal() % 7 == 0 else ()


def _backfill(root: Path, market: Market, order: list[date]) -> dict[str, list[tuple]]:
    boards = market.board_tokens()
    for day in order:
        failed = _failed(day, boards)
        write_day(root, day, demo_rows(market, day, skip_boards=failed), failed_boards=failed)
        publish_derived(root, day)
    db = build_warehouse(root)
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            t: con.execute(f"select * from {t} order by {k}").fetchall() for t, k in TABLES.items()
        }


@pytest.mark.slow
def test_backfill_in_any_order_gives_the_same_tables(tmp_path: Path) -> None:
    market = Market(seed=3, boards=3, jobs_per_board=8)
    in_order = _backfill(tmp_path / "in_order", market, DAYS)
    # out of order: day 20 first, then neighbours swapped pairwise, day 4 arriving last
    swapped = [d for i in range(0, 30, 2) for d in (DAYS[i + 1], DAYS[i])]
    order = [DAYS[20], *[d for d in swapped if d not in (DAYS[20], DAYS[4])], DAYS[4]]
    assert sorted(order) == DAYS
    out_of_order = _backfill(tmp_path / "out_of_order", market, order)
    lifecycle = in_order["posting_lifecycle"]
    # the market churns over 30 days: postings closed, versions changed, a failed crawl
    assert any(r[9] is not None for r in lifecycle) and any(r[10] for r in lifecycle)
    assert len(in_order["posting_history"]) > len(lifecycle)
    for table in TABLES:
        assert out_of_order[table] == in_order[table], table
