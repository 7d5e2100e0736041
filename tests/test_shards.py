"""Crawl shards: planning, forgetting earlier runs of a date, crawling one, collecting."""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import orjson
import pyarrow.parquet as pq
import pytest

from jobpipe import paths
from jobpipe.config import load_settings
from jobpipe.registry import BoardRef, Registry
from jobpipe.shards import (
    Shard,
    ShardError,
    collect_shards,
    crawl_shard,
    interleave,
    plan_shards,
    prepare_day,
    read_manifest,
    shard_refs,
    shards_dir,
)

DAY = date(2026, 11, 3)


def _registry(**boards: int) -> Registry:
    refs = [BoardRef(src, f"{src[:2]}{i}") for src, n in boards.items() for i in range(n)]
    return Registry(boards=refs)


def test_plan_splits_each_source_into_shards_of_at_most_size() -> None:
    shards = plan_shards(_registry(lever=3, greenhouse=5), 2)
    assert [(s.shard_id, s.boards) for s in shards] == [
        ("greenhouse-0000", ("gr0", "gr1")),
        ("greenhouse-0001", ("gr2", "gr3")),
        ("greenhouse-0002", ("gr4",)),
        ("lever-0000", ("le0", "le1")),
        ("lever-0001", ("le2",)),
    ]
    assert plan_shards(_registry(lever=3, greenhouse=5), 2) == shards  # deterministic


def test_plan_crawls_a_board_listed_twice_once_and_rejects_size_zero() -> None:
    registry = Registry(boards=[BoardRef("greenhouse", "a"), BoardRef("greenhouse", "a")])
    assert [s.boards for s in plan_shards(registry, 5)] == [("a",)]
    assert plan_shards(Registry(boards=[]), 5) == []
    with pytest.raises(ValueError, match="at least 1"):
        plan_shards(registry, 0)


def test_interleave_takes_one_shard_of_each_source_in_turn() -> None:
    shards = interleave(plan_shards(_registry(lever=3, greenhouse=5), 2))
    assert [s.shard_id for s in shards] == [
        "greenhouse-0000", "lever-0000", "greenhouse-0001", "lever-0001", "greenhouse-0002"
    ]  # fmt: skip


def test_shard_round_trips_through_a_dict() -> None:
    shard = Shard("lever", "0003", ("a", "b"))
    assert Shard.from_dict(orjson.loads(orjson.dumps(shard.to_dict()))) == shard


def _part(root: Path, shard: Shard, lines: list[dict]) -> Path:
    path = paths.bronze_file(root, shard.source, DAY, shard.part)
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wb") as fh:
        for line in lines:
            fh.write(orjson.dumps(line) + b"\n")
    return path


def test_prepare_day_forgets_earlier_runs_of_that_date_only(tmp_path: Path) -> None:
    old = Shard("greenhouse", "all", ("x",))
    stale = _part(tmp_path, old, [{"board": "x"}])
    other_day = paths.bronze_file(tmp_path, "greenhouse", date(2026, 11, 2), "0000")
    other_day.parent.mkdir(parents=True)
    other_day.write_bytes(b"")
    shards_dir(tmp_path, DAY).mkdir(parents=True)
    (shards_dir(tmp_path, DAY) / "greenhouse-0000.json").write_bytes(b"{}")
    for step in ("crawl", "summary"):
        paths.report_file(tmp_path, DAY, step).write_bytes(b"{}")
    plan = plan_shards(_registry(greenhouse=3), 2)
    manifest = prepare_day(tmp_path, DAY, plan)
    assert manifest["removed_stale_parts"] == [str(stale)]
    assert not stale.exists() and other_day.exists()
    assert not (shards_dir(tmp_path, DAY) / "greenhouse-0000.json").exists()
    assert not paths.report_file(tmp_path, DAY, "summary").exists()
    assert read_manifest(tmp_path, DAY) == plan


def _report(root: Path, shard: Shard, postings: int) -> None:
    report = {
        **shard.to_dict(), "shard": shard.shard_id, "postings": postings, "errors": 1,
        "requests": postings + 1, "retries": 0,
        "postings_by_board": {shard.boards[0]: postings},
        "errors_by_board": {shard.boards[-1]: {"http_404": 1}},
    }  # fmt: skip
    (shards_dir(root, DAY) / f"{shard.shard_id}.json").write_bytes(orjson.dumps(report))


def test_collect_keeps_what_succeeded_and_reports_what_failed(tmp_path: Path) -> None:
    ok, crashed, killed = plan_shards(_registry(greenhouse=5), 2)
    prepare_day(tmp_path, DAY, [ok, crashed, killed])
    kept = _part(tmp_path, ok, [{"board": "gr0"}])
    _report(tmp_path, ok, 7)
    half_written = _part(tmp_path, crashed, [{"board": "gr2"}])
    (shards_dir(tmp_path, DAY) / f"{crashed.shard_id}.failed.json").write_bytes(
        orjson.dumps({"reason": "CrawlFailed: scrapy exited with 1"})
    )
    report = collect_shards(tmp_path, DAY)
    assert kept.exists() and not half_written.exists()
    assert paths.bronze_files(tmp_path, DAY) == [kept]
    assert report["shards"]["succeeded"] == [ok.shard_id]
    reasons = {f["shard"]: f["reason"] for f in report["shards"]["failed"]}
    assert reasons[crashed.shard_id] == "CrawlFailed: scrapy exited with 1"
    assert "did not finish" in reasons[killed.shard_id]
    source = report["sources"]["greenhouse"]
    assert (source["boards"], source["postings"], source["errors"]) == (2, 7, 1)
    assert (source["shards"], source["failed_shards"]) == (3, 2)
    on_disk = orjson.loads(paths.report_file(tmp_path, DAY, "crawl").read_bytes())
    assert on_disk["shards"] == report["shards"]
    # every planned board has a row in the board crawl log; failed shards' boards failed
    log = pq.read_table(paths.parquet_file(tmp_path, "board_crawls", DAY)).to_pylist()
    assert len(log) == 5
    failed = {r["board"]: r["error_reason"] for r in log if not r["success"]}
    assert failed == dict.fromkeys(("gr2", "gr3", "gr4"), "crawl_process_failed")


def test_collect_fails_clearly_when_no_shard_succeeded(tmp_path: Path) -> None:
    with pytest.raises(ShardError, match="run the plan task"):
        collect_shards(tmp_path, DAY)
    prepare_day(tmp_path, DAY, plan_shards(_registry(greenhouse=1), 2))
    with pytest.raises(ShardError, match=r"all 1 crawl shards of .* failed"):
        collect_shards(tmp_path, DAY)


@pytest.mark.slow
def test_crawl_shard_crawls_its_boards_into_its_own_part(tmp_path: Path) -> None:
    from jobpipe.demo import DemoBoardServer, Market

    market = Market(seed=3, boards=3, jobs_per_board=4)
    tokens = market.board_tokens()
    settings = load_settings(tmp_path)
    with DemoBoardServer(market, faults={tokens[1]: "not_found"}) as server:
        registry = Registry(
            boards=[BoardRef("greenhouse", b) for b in tokens],
            base_urls={"greenhouse": server.url + "/d/{date}"},
        )
        first, _ = plan_shards(registry, 2)
        report = crawl_shard(DAY, settings, registry, first, timeout=120)
    assert report["shard"] == "greenhouse-0000" and report["boards"] == list(tokens[:2])
    assert paths.bronze_files(tmp_path, DAY) == [
        paths.bronze_file(tmp_path, "greenhouse", DAY, "0000")
    ]
    assert set(report["postings_by_board"]) == {tokens[0]}  # the 404 board is an error
    assert report["errors_by_board"][tokens[1]] and report["postings"] > 0
    assert (shards_dir(tmp_path, DAY) / "greenhouse-0000.json").exists()
    assert tokens[2] not in report["postings_by_board"]


def test_crawl_shard_records_why_the_crawl_process_failed(tmp_path: Path) -> None:
    settings = load_settings(tmp_path)
    shard = Shard("no-such-spider", "0000", ("a",))
    registry = Registry(
        boards=[BoardRef("no-such-spider", "a")], base_urls={"no-such-spider": "http://127.0.0.1:9"}
    )
    from jobpipe.crawl import CrawlFailed

    with pytest.raises(CrawlFailed):
        crawl_shard(DAY, settings, registry, shard, timeout=60)
    failure_file = shards_dir(tmp_path, DAY) / "no-such-spider-0000.failed.json"
    failure = orjson.loads(failure_file.read_bytes())
    assert failure["reason"].startswith("CrawlFailed: scrapy crawl no-such-spider exited")


@pytest.mark.slow
def test_a_shard_that_runs_past_its_timeout_fails_with_the_reason(tmp_path: Path) -> None:
    from jobpipe.demo import DemoBoardServer, Market

    market = Market(seed=3, boards=1, jobs_per_board=2)
    [token] = market.board_tokens()
    with DemoBoardServer(market, faults={token: "slow"}) as server:
        registry = Registry(
            boards=[BoardRef("greenhouse", token)],
            base_urls={"greenhouse": server.url + "/d/{date}"},
        )
        [shard] = plan_shards(registry, 5)
        with pytest.raises(ShardError, match=r"closespider_timeout.*shard_timeout 1 s"):
            crawl_shard(DAY, load_settings(tmp_path), registry, shard, timeout=1)
    assert paths.bronze_files(tmp_path, DAY) == []
    failure = shards_dir(tmp_path, DAY) / "greenhouse-0000.failed.json"
    assert "closespider_timeout" in orjson.loads(failure.read_bytes())["reason"]
    assert not (shards_dir(tmp_path, DAY) / "greenhouse-0000.json").exists()


def test_shards_follow_the_registry_groups_and_carry_targets_and_companies(tmp_path: Path) -> None:
    registry = Registry(
        boards=[
            BoardRef("workday", "acme/Ext", "Acme", host="acme.wd5.myworkdayjobs.com"),
            BoardRef("workday", "globex/Jobs", "Globex", host="globex.wd1.myworkdayjobs.com"),
            BoardRef("greenhouse", "a"),
            BoardRef("greenhouse", "b", host="boards-api.eu.greenhouse.io"),
        ]
    )
    shards = plan_shards(registry, 5)
    # both Workday tenants in one shard (host in the token); Greenhouse EU apart (another root)
    assert [(s.shard_id, s.boards) for s in shards] == [
        ("greenhouse-0000", ("b",)),  # groups sort by API root: the EU host first
        ("greenhouse-0001", ("a",)),
        ("workday-0000", ("acme/Ext", "globex/Jobs")),
    ]
    refs = shard_refs(registry, shards[-1])
    assert [r.target for r in refs] == ["acme/Ext@wd5", "globex/Jobs@wd1"]
    with pytest.raises(ShardError, match="re-run the plan task"):
        shard_refs(registry, Shard("workday", "0009", ("gone/Site",)))
