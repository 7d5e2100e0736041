"""The Airflow DAGs: they import cleanly, are light at parse time, and run end to end."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from airflow_env import airflow_env, migrate, run_python

DAGBAG = """
import json, sys
from airflow.dag_processing.dagbag import DagBag
bag = DagBag(dag_folder=sys.argv[1] if len(sys.argv) > 1 else None)
heavy = [m for m in ("scrapy", "great_expectations", "duckdb", "pandas", "pyarrow",
                     "jobpipe.steps", "jobpipe.dag_tasks") if m in sys.modules]
dag = bag.dags.get("job_postings")
marts = bag.dags.get("marts_refresh")
crawl = dag.task_dict["crawl_shard"] if dag else None
print(json.dumps({
    "errors": {k: str(v) for k, v in bag.import_errors.items()},
    "dags": sorted(bag.dags),
    "tasks": [t.task_id for t in dag.topological_sort()] if dag else [],
    "heavy": heavy,
    "outlets": [str(a.uri) for t in dag.tasks for a in t.outlets] if dag else [],
    "trigger_rules": {t.task_id: getattr(t.trigger_rule, "value", t.trigger_rule)
                      for t in dag.tasks} if dag else {},
    "crawl_mapped": type(crawl).__name__, "crawl_slots": crawl.max_active_tis_per_dag,
    "crawl_retries": crawl.retries, "backoff": crawl.retry_exponential_backoff,
    "marts_schedule": type(marts.timetable).__name__ if marts else None,
    "marts_assets": [a.uri for a in marts.timetable.asset_condition.objects]
    if marts else [],
}))
"""


def test_dagbag_has_no_import_errors_and_no_heavy_imports(tmp_path: Path) -> None:
    done = run_python(DAGBAG, airflow_env(tmp_path))
    assert done.returncode == 0, done.stderr[-3000:]
    info = json.loads(done.stdout.strip().splitlines()[-1])
    assert info["errors"] == {}
    assert info["dags"] == ["job_postings", "marts_refresh"]
    assert info["tasks"] == [
        "plan", "crawl_shard", "collect", "normalize", "validate", "publish", "run_report"
    ]  # fmt: skip
    assert info["heavy"] == [], f"imported at parse time: {info['heavy']}"
    assert set(info["outlets"]) == {"jobpipe://warehouse/postings", "jobpipe://warehouse/duckdb"}
    assert info["trigger_rules"]["collect"] == "all_done"
    assert info["trigger_rules"]["run_report"] == "all_done"
    assert info["crawl_mapped"].endswith("MappedOperator")
    assert info["crawl_slots"] >= 1 and info["crawl_retries"] >= 1 and info["backoff"]
    assert info["marts_schedule"] == "AssetTriggeredTimetable"
    assert info["marts_assets"] == ["jobpipe://warehouse/postings"]


# Three demo boards in shards of two: shard greenhouse-0000 (two boards) and greenhouse-0001.
# The run injects a crash into the crawl of the shard holding the last board.
DAG_TEST = """
import json, os, sys
from datetime import datetime, timezone
from pathlib import Path
import jobpipe.crawl
from jobpipe.demo import DemoBoardServer, Market
from jobpipe.registry import BoardRef, Registry

market = Market(seed=11, boards=3, jobs_per_board=8)
tokens = market.board_tokens()
broken = tokens[-1]
real_run_spider = jobpipe.crawl.run_spider

def crashing_run_spider(spider, *, boards, **kwargs):
    if broken in boards and os.environ.get("INJECT_CRASH") == "1":
        raise jobpipe.crawl.CrawlFailed(f"injected crash for board {broken}")
    return real_run_spider(spider, boards=boards, **kwargs)

jobpipe.crawl.run_spider = crashing_run_spider
with DemoBoardServer(market) as server:
    registry = Registry(
        boards=[BoardRef("greenhouse", b, market.company_name(b)) for b in tokens],
        base_urls={"greenhouse": server.url + "/d/{date}"},
    )
    Path(os.environ["JOBPIPE_REGISTRY"]).write_text(registry.to_yaml())
    from airflow.dag_processing.dagbag import DagBag
    dag = DagBag().dags["job_postings"]
    dag.task_dict["crawl_shard"].partial_kwargs["retries"] = 0  # no 2-minute retry waits here
    os.environ["INJECT_CRASH"] = "1"
    run = dag.test(logical_date=datetime(2026, 11, 3, tzinfo=timezone.utc))
    tis = {f"{t.task_id}[{t.map_index}]": str(t.state) for t in run.get_task_instances()}
    names = {t.map_index: t.rendered_map_index for t in run.get_task_instances()
             if t.task_id == "crawl_shard"}  # fmt: skip
    out = {"run_id": run.run_id, "state": str(run.state), "tis": tis, "names": names}
    print("@@RESULT " + json.dumps({"run": out, "broken": broken, "tokens": tokens}))
"""


def _postings_boards(data: Path) -> set[str]:
    table = pq.read_table(data / "postings" / "dt=2026-11-03" / "part-0.parquet")
    return set(table.column("board").to_pylist())


@pytest.mark.slow
def test_dag_fans_out_publishes_what_succeeded_and_reports_what_failed(tmp_path: Path) -> None:
    home, data = tmp_path / "airflow", tmp_path / "data"
    env = airflow_env(
        home,
        JOBPIPE_DATA_ROOT=str(data),
        JOBPIPE_REGISTRY=str(tmp_path / "sources.yaml"),
        JOBPIPE_SHARD_SIZE="2",
    )
    stale = data / "bronze" / "source=greenhouse" / "dt=2026-11-03" / "part-9999.jsonl.gz"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"not even gzip: an earlier run's leftover must not be read")
    migrate(env)
    done = run_python(DAG_TEST, env, timeout=600)
    result = [line for line in done.stdout.splitlines() if line.startswith("@@RESULT ")]
    assert done.returncode == 0 and result, (done.stdout[-4000:], done.stderr[-4000:])
    out = json.loads(result[0].removeprefix("@@RESULT "))
    first = out["run"]
    reports = data / "reports" / "dt=2026-11-03"

    # The broken shard failed, the other one was published, the run says so and fails.
    assert first["state"].endswith("failed"), first
    assert first["tis"]["crawl_shard[0]"].endswith("success")
    assert first["tis"]["crawl_shard[1]"].endswith("failed")
    assert first["names"]["0"] == "greenhouse-0000"  # map_index_template: the shard id
    for task in ("collect", "normalize", "validate", "publish"):
        assert first["tis"][f"{task}[-1]"].endswith("success"), (task, first)
    assert first["tis"]["run_report[-1]"].endswith("failed")
    safe = first["run_id"].replace(":", "_").replace("+", "_")
    run1 = json.loads((reports / f"airflow_run-{safe}.json").read_text())
    assert run1["status"] == "partial"
    assert [f["shard"] for f in run1["shards"]["failed"]] == ["greenhouse-0001"]
    assert "injected crash" in run1["shards"]["failed"][0]["reason"]
    crashed = [f for f in run1["failed_tasks"] if f["task_id"] == "crawl_shard"]
    assert crashed and "injected crash" in crashed[0]["reason"]  # from the failure callback

    # Published: exactly the boards of the shard that succeeded; the stale part was not read.
    assert not stale.exists()
    assert [p.name for p in stale.parent.glob("part-*")] == ["part-0000.jsonl.gz"]
    assert _postings_boards(data) == set(out["tokens"]) - {out["broken"]}
    summary = json.loads((reports / "summary.json").read_text())
    assert summary["rows_in"] == summary["valid"] + summary["quarantined"]
    assert run1["published"]["valid"] == summary["valid"] > 0
    with duckdb.connect(str(data / "warehouse.duckdb"), read_only=True) as con:
        (count,) = con.execute("select count(*) from postings_current").fetchall()[0]
    assert count == summary["valid"]
