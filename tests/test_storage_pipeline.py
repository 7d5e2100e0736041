"""Workers that share nothing but an S3 data root publish the same warehouse as one local root."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import orjson
import pytest
from s3_emulator import CREDENTIALS, s3_server
from warehouse_rows import postings_rows

from jobpipe import dag_tasks
from jobpipe.config import load_run_config
from jobpipe.demo import DemoBoardServer, Market
from jobpipe.registry import BoardRef, Registry
from jobpipe.storage import ObjectStore

DAY = date(2026, 11, 3)


def _run_day(  # type: ignore[no-untyped-def]
    root: str, registry: Path, workers: list[Path], shard_size: int, monkeypatch
) -> dict:
    """plan/collect/normalize/validate/publish on the last worker, shard i on worker i."""
    settings = {"data_root": root, "registry": str(registry), "shard_size": str(shard_size)}
    cfg = load_run_config(settings.get)

    def on(worker: Path) -> None:
        monkeypatch.setenv("JOBPIPE_WORK_DIR", str(worker))

    on(workers[-1])
    shards = dag_tasks.plan(DAY, cfg)
    for i, shard in enumerate(shards):
        on(workers[i % len(workers)])
        dag_tasks.crawl(DAY, cfg, shard)
    on(workers[-1])
    dag_tasks.collect(DAY, cfg)
    dag_tasks.normalize(DAY, cfg)
    dag_tasks.validate(DAY, cfg)
    dag_tasks.publish(DAY, cfg)
    return dag_tasks.run_report(DAY, cfg, "manual__test")


@pytest.mark.slow
def test_s3_data_root_shared_by_workers_matches_a_local_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key, value in CREDENTIALS.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    market = Market(seed=5, boards=3, jobs_per_board=6)
    workers = [tmp_path / "worker-a", tmp_path / "worker-b", tmp_path / "worker-c"]
    with DemoBoardServer(market) as board, s3_server() as endpoint:
        registry = tmp_path / "sources.yaml"
        registry.write_text(
            Registry(
                boards=[BoardRef("greenhouse", b) for b in market.board_tokens()],
                base_urls={"greenhouse": board.url + "/d/{date}"},
            ).to_yaml()
        )
        uri = f"s3://jobpipe/prod?endpoint_override={endpoint}&scheme=http&region=us-east-1"
        remote = _run_day(uri, registry, workers, 2, monkeypatch)
        # One local root, all boards in one shard: sharding must not change the result either.
        local = _run_day(str(tmp_path / "local"), registry, [tmp_path / "unused"], 10, monkeypatch)
        store = ObjectStore(uri)
        assert store.list("bronze/*") == [
            "bronze/source=greenhouse/dt=2026-11-03/part-0000.jsonl.gz",
            "bronze/source=greenhouse/dt=2026-11-03/part-0001.jsonl.gz",
        ]
        assert "postings/dt=2026-11-03/part-0.parquet" in store.list("postings/*")
        assert store.list("warehouse.duckdb") == []  # views over local paths: not shared
        assert store.list("reports/dt=2026-11-03/airflow_run-*") == [
            "reports/dt=2026-11-03/airflow_run-manual__test.json"
        ]
        fresh = tmp_path / "reader"
        store.pull(fresh, ["postings/*", "reports/*"])
    # Nothing is left in the workers' folders: the store is the only thing they shared.
    assert not [p for w in workers for p in w.rglob("*") if p.is_file()]
    assert remote["status"] == local["status"] == "success"
    assert remote["published"] == local["published"] and remote["published"]["valid"] > 0
    assert postings_rows(fresh) == postings_rows(tmp_path / "local")
    summary = orjson.loads((fresh / "reports/dt=2026-11-03/summary.json").read_bytes())
    assert summary["valid"] == remote["published"]["valid"]
