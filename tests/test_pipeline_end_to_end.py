"""The whole spine on the demo board: crawl → normalize → validate → publish, several days."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from jobpipe import paths, steps
from jobpipe.config import load_settings
from jobpipe.demo import DemoBoardServer, Market
from jobpipe.registry import BoardRef, Registry

DAY = date(2026, 11, 1)
pytestmark = pytest.mark.slow


def _registry(market: Market, server: DemoBoardServer, boards: list[str] | None = None) -> Registry:
    return Registry(
        boards=[
            BoardRef("greenhouse", b, market.company_name(b))
            for b in boards or market.board_tokens()
        ],
        base_urls={"greenhouse": f"{server.url}/d/{{date}}"},
    )


def _count(db: Path, sql: str) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()[0][0]


@pytest.fixture(scope="module")
def market() -> Market:
    return Market(seed=5, boards=4, jobs_per_board=10)


def test_three_days_then_rerun_a_day(tmp_path: Path, market: Market) -> None:
    settings = load_settings(tmp_path / "data")
    root = settings.data_root
    with DemoBoardServer(market) as server:
        registry = _registry(market, server)
        summaries = [steps.run_day(DAY + timedelta(d), settings, registry) for d in range(3)]
        parts = {
            d: pq.read_table(paths.parquet_file(root, "postings", DAY + timedelta(d)))
            for d in range(3)
        }
        # the demo market churns: the set of posting ids changes between days
        ids = [set(parts[d].column("posting_id").to_pylist()) for d in range(3)]
        assert ids[0] != ids[1] and ids[0] & ids[1]
        for summary in summaries:
            assert summary["rows_in"] == summary["valid"] + summary["quarantined"] > 0
        db = paths.warehouse_file(root)
        assert _count(db, "select count(*) from postings_current") == summaries[-1]["valid"]
        assert _count(db, "select count(*) from stg_postings") == sum(s["valid"] for s in summaries)
        # the truth: each board's active postings that day
        expected = sum(len(market.postings(b, DAY + timedelta(2))) for b in market.board_tokens())
        assert summaries[-1]["rows_in"] == expected

        # re-running day 2 replaces its partition exactly
        before = pq.read_table(paths.parquet_file(root, "postings", DAY + timedelta(1)))
        again = steps.run_day(DAY + timedelta(1), settings, registry)
        after = pq.read_table(paths.parquet_file(root, "postings", DAY + timedelta(1)))
    assert again["valid"] == summaries[1]["valid"]
    assert after.num_rows == before.num_rows
    assert sorted(after.column("posting_id").to_pylist()) == sorted(
        before.column("posting_id").to_pylist()
    )
    assert _count(db, "select count(*) from stg_postings") == sum(s["valid"] for s in summaries)
    assert len(list((root / "postings").glob("dt=*/*.parquet"))) == 3
    # salary and location coverage are measured, not assumed
    gh = summaries[-1]["sources"]["greenhouse"]
    assert 0 < gh["location_coverage"] <= 1 and 0 <= gh["salary_coverage"] <= 1


def test_faulty_boards_are_counted_and_the_run_finishes(tmp_path: Path, market: Market) -> None:
    tokens = market.board_tokens()
    faults = {
        tokens[0]: "truncated_json",
        tokens[1]: "missing_id",
        tokens[2]: "error_500_once",
        tokens[3]: "rate_limit_429_once",
    }
    settings = load_settings(tmp_path / "data")
    with DemoBoardServer(market, faults=faults) as server:
        report = steps.crawl(DAY, settings, _registry(market, server))
        steps.normalize(DAY, settings)
        validated = steps.validate(DAY, settings)
        summary = steps.publish(DAY, settings)
    gh = report["sources"]["greenhouse"]
    errors = gh["errors_by_board"]
    assert errors[tokens[0]] == {"invalid_json": 1}
    assert errors[tokens[1]].get("missing_id") == 1
    assert tokens[2] not in errors and tokens[3] not in errors  # retried, then fine
    assert gh["postings_by_board"].get(tokens[0], 0) == 0
    for token in tokens[2:]:
        assert gh["postings_by_board"][token] == len(market.postings(token, DAY))
    assert gh["retries"] >= 2
    assert summary["sources"]["greenhouse"]["crawl_errors"] == gh["errors"] >= 2
    assert validated["rows_in"] == validated["valid"] + validated["quarantined"]
    db = paths.warehouse_file(settings.data_root)
    assert _count(db, "select count(*) from stg_crawl_errors") == gh["errors"]
