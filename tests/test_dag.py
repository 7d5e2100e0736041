"""The Airflow DAG: it imports cleanly, is light at parse time, and runs end to end."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from airflow_env import ROOT, airflow_env, migrate, run_python

DAGBAG = """
import json, sys, time
t = time.perf_counter()
from airflow.dag_processing.dagbag import DagBag
bag = DagBag(dag_folder=sys.argv[1] if len(sys.argv) > 1 else None)
heavy = [m for m in ("scrapy", "great_expectations", "duckdb", "pandas", "jobpipe.steps")
         if m in sys.modules]
dag = bag.dags.get("job_postings")
print(json.dumps({
    "errors": {k: str(v) for k, v in bag.import_errors.items()},
    "dags": sorted(bag.dags),
    "tasks": [t.task_id for t in dag.topological_sort()] if dag else [],
    "heavy": heavy,
    "outlets": [str(a.uri) for t in dag.tasks for a in t.outlets] if dag else [],
}))
"""


def test_dagbag_has_no_import_errors_and_no_heavy_imports(tmp_path: Path) -> None:
    done = run_python(DAGBAG, airflow_env(tmp_path))
    assert done.returncode == 0, done.stderr[-3000:]
    info = json.loads(done.stdout.strip().splitlines()[-1])
    assert info["errors"] == {}
    assert info["dags"] == ["job_postings"]
    assert info["tasks"] == ["crawl", "normalize", "validate", "publish"]
    assert info["heavy"] == [], f"imported at parse time: {info['heavy']}"
    assert set(info["outlets"]) == {"jobpipe://warehouse/postings", "jobpipe://warehouse/duckdb"}


DAG_TEST = """
import json, os
from datetime import datetime, timezone
from pathlib import Path
from jobpipe.demo import DemoBoardServer, Market
from jobpipe.registry import BoardRef, Registry

market = Market(seed=11, boards=3, jobs_per_board=8)
with DemoBoardServer(market) as server:
    registry = Registry(
        boards=[BoardRef("greenhouse", b, market.company_name(b)) for b in market.board_tokens()],
        base_urls={"greenhouse": server.url + "/d/{date}"},
    )
    Path(os.environ["JOBPIPE_REGISTRY"]).write_text(registry.to_yaml())
    from airflow.dag_processing.dagbag import DagBag
    dag = DagBag().dags["job_postings"]
    run = dag.test(logical_date=datetime(2026, 11, 3, tzinfo=timezone.utc))
    print("@@RESULT " + json.dumps({"state": str(run.state)}))
"""


@pytest.mark.slow
def test_dag_test_runs_the_pipeline_on_the_demo_board(tmp_path: Path) -> None:
    home, data = tmp_path / "airflow", tmp_path / "data"
    env = airflow_env(
        home, JOBPIPE_DATA_ROOT=str(data), JOBPIPE_REGISTRY=str(tmp_path / "sources.yaml")
    )
    migrate(env)
    done = run_python(DAG_TEST, env, timeout=600)
    result = [line for line in done.stdout.splitlines() if line.startswith("@@RESULT ")]
    assert done.returncode == 0 and result, (done.stdout[-4000:], done.stderr[-4000:])
    assert json.loads(result[0].removeprefix("@@RESULT "))["state"].endswith("success")
    summary = json.loads((data / "reports" / "dt=2026-11-03" / "summary.json").read_text())
    assert summary["valid"] > 0
    assert summary["rows_in"] == summary["valid"] + summary["quarantined"]
    with duckdb.connect(str(data / "warehouse.duckdb"), read_only=True) as con:
        (count,) = con.execute("select count(*) from postings_current").fetchall()[0]
    assert count == summary["valid"]
    assert (ROOT / "dags" / "job_postings.py").exists()
