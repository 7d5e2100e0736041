"""The gate on the demo board: a board whose list endpoint breaks stops the day's publication."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from jobpipe import paths, steps
from jobpipe.config import load_settings
from jobpipe.demo import DemoBoardServer, Market
from jobpipe.registry import BoardRef, Registry

DAY = date(2026, 11, 1)
pytestmark = pytest.mark.slow


def _registry(market: Market, server: DemoBoardServer) -> Registry:
    return Registry(
        boards=[BoardRef("greenhouse", b, market.company_name(b)) for b in market.board_tokens()],
        base_urls={"greenhouse": f"{server.url}/d/{{date}}"},
    )


def test_a_board_that_stops_answering_blocks_the_day(tmp_path: Path) -> None:
    market = Market(seed=5, boards=3, jobs_per_board=8)
    broken = market.board_tokens()[0]
    settings = load_settings(tmp_path / "data")
    root = settings.data_root
    with DemoBoardServer(market) as server:
        first = steps.run_day(DAY, settings, _registry(market, server))
    assert first["valid"] > 0
    day2 = DAY + timedelta(days=1)
    with DemoBoardServer(market, faults={broken: "truncated_json"}) as server:
        steps.crawl(day2, settings, _registry(market, server))
    steps.normalize(day2, settings)
    with pytest.raises(steps.GateError) as blocked:
        steps.validate(day2, settings)
    assert f"board greenhouse/{broken} has 0 rows vs" in str(blocked.value)
    assert not paths.parquet_file(root, "postings", day2).exists()
    held = pq.read_table(paths.held_file(root, day2, "postings"))
    assert held.num_rows > 0 and broken not in held.column("board").to_pylist()
    with pytest.raises(steps.GateError):
        steps.publish(day2, settings)
    # day 1 stays the published truth
    assert pq.read_table(paths.parquet_file(root, "postings", DAY)).num_rows == first["valid"]
