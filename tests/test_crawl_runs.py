"""Planning, running and merging parallel spider processes (no network)."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from datetime import date
from pathlib import Path
from types import SimpleNamespace

from jobpipe.board_log import BronzeCounts, board_rows, count_bronze
from jobpipe.crawl import CrawlFailed
from jobpipe.crawl_runs import merge_shards, plan_runs, run_all, write_process_failure
from jobpipe.registry import BoardRef, Registry

DAY = date(2026, 11, 2)


def _registry(n: int) -> Registry:
    boards = [BoardRef("greenhouse", f"b{i}") for i in range(n)]
    boards.append(BoardRef("workday", "acme/Ext", host="acme.wd5.myworkdayjobs.com"))
    return Registry(boards, {"greenhouse": "http://127.0.0.1:9/d/{date}"})


def test_plan_shards_groups_and_shares_the_host_budget(tmp_path: Path) -> None:
    runs = plan_runs(_registry(5), DAY, tmp_path, per_process=2, processes=2, per_domain=8)
    assert [(r.source, r.shard, [b.board for b in r.refs]) for r in runs] == [
        ("greenhouse", 0, ["b0", "b1"]),
        ("greenhouse", 1, ["b2", "b3"]),
        ("greenhouse", 2, ["b4"]),
        ("workday", 0, ["acme/Ext"]),
    ]
    assert runs[0].base_url == "http://127.0.0.1:9/d/2026-11-02"
    assert runs[3].base_url == "https://{tenant}.{datacenter}.myworkdayjobs.com"
    assert [b.target for b in runs[3].refs] == ["acme/Ext@wd5"]
    # two greenhouse processes may run at once against one host: 8 split in two
    assert [r.per_domain for r in runs] == [4, 4, 4, 8]
    assert all(r.bronze.name.startswith(".shard-") for r in runs)
    assert runs[1].log.name == "crawl-greenhouse-1.log"


def test_a_crashed_process_becomes_error_records_per_board(tmp_path: Path) -> None:
    runs = plan_runs(_registry(3), DAY, tmp_path, per_process=2, processes=2)

    def runner(source: str, *, boards: list[str], bronze_path: Path, **_: object):
        if "b2" in boards:
            raise CrawlFailed("scrapy crawl greenhouse exited with 1\nTraceback ...")
        bronze_path.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(bronze_path, "wb") as fh:
            for b in boards:
                fh.write(json.dumps({"record_type": "posting", "board": b}).encode() + b"\n")
        stats = {"finish_reason": "finished", "jobpipe/boards_listed": {b: 1 for b in boards}}
        return SimpleNamespace(stats=stats)

    done = run_all(runs, {}, processes=2, runner=runner)
    failed = [r for r in done if r.error]
    assert [r.refs[0].board for r in failed] == ["b2"]
    for r in failed:
        write_process_failure(r)
    target = tmp_path / "part-all.jsonl.gz"
    merge_shards([r.bronze for r in done if r.source == "greenhouse"], target)
    assert not any(r.bronze.exists() for r in done if r.source == "greenhouse")
    counts = count_bronze([target])
    assert dict(counts.postings) == {"b0": 1, "b1": 1}
    assert counts.board_errors == {"b2": "crawl_process_failed"}
    rows = [row for r in done if r.source == "greenhouse"
            for row in board_rows(r.refs, DAY, counts, r.stats, r.error)]  # fmt: skip
    assert [(r["board"], r["success"], r["listed_ids"], r["error_reason"]) for r in rows] == [
        ("b0", True, 1, None),
        ("b1", True, 1, None),
        ("b2", False, None, "crawl_process_failed"),
    ]


def test_board_outcome_without_a_listing_report() -> None:
    counts = BronzeCounts()
    counts.postings.update({"ok": 3, "partial": 2})
    counts.errors["partial"] = Counter({"http_404": 1})  # a detail error: board still listed
    counts.errors["down"] = Counter({"http_503": 1})
    counts.board_errors["down"] = "http_503"
    refs = [BoardRef("lever", b) for b in ("ok", "partial", "down", "empty")]
    rows = board_rows(refs, DAY, counts, {"finish_reason": "finished"})
    assert [
        (r["board"], r["success"], r["listed_ids"], r["errors"], r["error_reason"]) for r in rows
    ] == [
        ("ok", True, 3, 0, None),
        ("partial", True, 2, 1, None),
        ("down", False, None, 1, "http_503"),
        ("empty", True, 0, 0, None),
    ]
