"""Run configuration, failure records and the per-run report of the Airflow DAG (no Airflow)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import orjson
import pytest

from jobpipe import dag_tasks, paths
from jobpipe.config import load_run_config

DAY = date(2026, 11, 3)
RUN = "scheduled__2026-11-03T00:00:00+00:00"


def _cfg(root: Path, **extra: str):  # type: ignore[no-untyped-def]
    values = {"data_root": str(root), **extra}
    return load_run_config(values.get)


def test_run_config_reads_names_through_the_lookup_with_defaults(tmp_path: Path) -> None:
    cfg = _cfg(tmp_path, registry="sources.yaml", shard_size="3", user_agent="ua/1")
    assert cfg.data_root == str(tmp_path.resolve())
    assert cfg.registry_path == Path("sources.yaml").resolve()
    assert (cfg.shard_size, cfg.user_agent, cfg.concurrency_per_domain) == (3, "ua/1", 8)
    assert cfg.settings(tmp_path).data_root == tmp_path
    assert _cfg(tmp_path, data_root="s3://b/p?scheme=http").data_root == "s3://b/p?scheme=http"
    with pytest.raises(ValueError, match="shard_size='many' is not a number"):
        _cfg(tmp_path, shard_size="many")
    with pytest.raises(ValueError, match="must be positive"):
        _cfg(tmp_path, concurrency_per_domain="0")


def test_plan_without_a_registry_says_what_to_set(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="jobpipe_registry or JOBPIPE_REGISTRY"):
        dag_tasks.plan(DAY, _cfg(tmp_path))


def _reports(root: Path, **reports: dict) -> None:
    for step, body in reports.items():
        path = paths.report_file(root, DAY, step)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(orjson.dumps(body))


CRAWL = {
    "sources": {"greenhouse": {"boards": 3, "postings": 20, "errors": 1, "failed_shards": 0}},
    "shards": {"planned": 2, "succeeded": ["greenhouse-0000", "greenhouse-0001"], "failed": []},
}
SUMMARY = {"rows_in": 20, "valid": 18, "quarantined": 2}


def _report_of(root: Path) -> dict:
    name = f"airflow_run-{dag_tasks.safe_name(RUN)}.json"
    return orjson.loads((paths.partition(root, "reports", DAY) / name).read_bytes())


def test_run_report_success(tmp_path: Path) -> None:
    _reports(tmp_path, crawl=CRAWL, summary=SUMMARY,
             normalize={"postings_in": 20, "rows": 19, "rejected": 1},
             validate={"rows_in": 20, "valid": 18, "quarantined": 2})  # fmt: skip
    report = dag_tasks.run_report(DAY, _cfg(tmp_path), RUN)
    assert report == _report_of(tmp_path)
    assert report["status"] == "success"
    assert report["published"] == SUMMARY
    assert report["crawl"] == {
        "greenhouse": {"boards": 3, "postings": 20, "errors": 1, "failed_shards": 0}
    }
    assert report["shards"] == {"planned": 2, "succeeded": 2, "failed": []}


def test_run_report_partial_when_a_shard_failed_and_failed_when_nothing_published(
    tmp_path: Path,
) -> None:
    failed_shard = {"shard": "greenhouse-0001", "boards": ["b"], "reason": "CrawlFailed: x"}
    crawl = {**CRAWL, "shards": {"planned": 2, "succeeded": ["greenhouse-0000"],
                                 "failed": [failed_shard]}}  # fmt: skip
    _reports(tmp_path, crawl=crawl, summary=SUMMARY)
    record = dag_tasks.record_failure(
        DAY, _cfg(tmp_path), run_id=RUN, task_id="crawl_shard", map_index=1, try_number=4,
        error=RuntimeError("scrapy crawl greenhouse exited with 1"),
    )  # fmt: skip
    assert record["reason"] == "RuntimeError: scrapy crawl greenhouse exited with 1"
    report = dag_tasks.run_report(DAY, _cfg(tmp_path), RUN)
    assert report["status"] == "partial"
    assert report["shards"]["failed"] == [failed_shard]
    assert [(f["task_id"], f["map_index"]) for f in report["failed_tasks"]] == [("crawl_shard", 1)]

    # validate failed in this run: summary.json is gone (plan removes it), nothing published
    paths.report_file(tmp_path, DAY, "summary").unlink()
    dag_tasks.record_failure(
        DAY, _cfg(tmp_path), run_id=RUN, task_id="validate", map_index=-1, try_number=3,
        error=AssertionError("row accounting broken"),
    )  # fmt: skip
    report = dag_tasks.run_report(DAY, _cfg(tmp_path), RUN)
    assert report["status"] == "failed" and report["published"] is None
    other_run = dag_tasks.run_report(DAY, _cfg(tmp_path), "manual__other")
    assert other_run["failed_tasks"] == []  # failures are kept per run
