"""A real Airflow 3 deployment: a run triggered through the REST API, the downstream DAG
triggered by the published Asset, and a backfill that equals running the days one by one."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from airflow_deployment import AirflowDeployment
from airflow_env import airflow_env, migrate
from warehouse_rows import postings_rows

from jobpipe.demo import DemoBoardServer, Market
from jobpipe.registry import BoardRef, Registry

BACKFILL_DAYS = ("2026-11-01", "2026-11-02")

DAG_TEST_DAYS = """
import json, sys
from datetime import datetime, timezone
from airflow.dag_processing.dagbag import DagBag
dag = DagBag().dags["job_postings"]
states = []
for day in sys.argv[1:]:
    run = dag.test(logical_date=datetime.fromisoformat(day).replace(tzinfo=timezone.utc))
    states.append(str(run.state))
print("@@RESULT " + json.dumps(states))
"""


def _daily_by_company(root: Path, days: tuple[str, ...]) -> list[tuple]:
    with duckdb.connect(str(root / "warehouse.duckdb"), read_only=True) as con:
        return con.execute(
            "select * from postings_daily_by_company where cast(snapshot_date as varchar) "
            "in (select unnest(?)) order by all",
            [list(days)],
        ).fetchall()


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_scheduler_runs_rest_trigger_asset_consumer_and_backfill(tmp_path: Path) -> None:
    t0 = time.monotonic()
    market = Market(seed=7, boards=3, jobs_per_board=6)
    data, by_day = tmp_path / "data", tmp_path / "data-day-by-day"
    registry = tmp_path / "sources.yaml"
    # dag.test() runs the backfilled days one by one in its own AIRFLOW_HOME and data root,
    # at the same time as the deployment (one migrated DB, copied).
    test_home, deploy_home = tmp_path / "airflow-dag-test", tmp_path / "airflow"
    env = airflow_env(test_home, JOBPIPE_DATA_ROOT=str(by_day), JOBPIPE_REGISTRY=str(registry))
    migrate(env)
    deploy_home.mkdir()
    shutil.copy(test_home / "airflow.db", deploy_home / "airflow.db")
    with DemoBoardServer(market) as board:
        registry.write_text(
            Registry(
                boards=[BoardRef("greenhouse", b) for b in market.board_tokens()],
                base_urls={"greenhouse": board.url + "/d/{date}"},
            ).to_yaml()
        )
        day_by_day = subprocess.Popen(
            [sys.executable, "-c", DAG_TEST_DAYS, *BACKFILL_DAYS], env=env, cwd=tmp_path,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        )  # fmt: skip
        try:
            with AirflowDeployment(deploy_home, JOBPIPE_DATA_ROOT=str(data)) as af:
                print(f"@@ deployment up after {time.monotonic() - t0:.0f}s")
                # The registry only as an Airflow Variable: tasks read it when they run.
                af.api("POST", "/variables", {"key": "jobpipe_registry", "value": str(registry)})
                logical = af.wait_for_dag("job_postings")["next_dagrun_logical_date"]
                af.wait_for_dag("marts_refresh")
                # Trigger the run the schedule would create next, then unpause: the scheduler
                # finds that run already there and creates no other one.
                af.api("POST", "/dags/job_postings/dagRuns",
                       {"dag_run_id": "rest_trigger", "logical_date": logical})  # fmt: skip
                for dag_id in ("job_postings", "marts_refresh"):
                    af.api("PATCH", f"/dags/{dag_id}", {"is_paused": False})
                [triggered] = af.wait_for_runs("job_postings", ["rest_trigger"])
                assert triggered["state"] == "success", af.logs()
                print(f"@@ triggered run done after {time.monotonic() - t0:.0f}s")
                af.api("POST", "/backfills", {
                    "dag_id": "job_postings", "max_active_runs": 2,
                    "from_date": f"{BACKFILL_DAYS[0]}T00:00:00Z",
                    "to_date": f"{BACKFILL_DAYS[-1]}T00:00:00Z",
                })  # fmt: skip
                backfilled = af.wait_for_runs("job_postings", run_type="backfill", count=2)
                print(f"@@ backfill done after {time.monotonic() - t0:.0f}s")
                marts = af.wait_for_runs("marts_refresh", run_type="asset_triggered", count=1)
                all_runs = af.api("GET", "/dags/job_postings/dagRuns?limit=100")["dag_runs"]
            print(f"@@ deployment stopped after {time.monotonic() - t0:.0f}s")
            out, err = day_by_day.communicate(timeout=300)
            print(f"@@ dag.test days done after {time.monotonic() - t0:.0f}s")
        finally:
            if day_by_day.poll() is None:
                os.killpg(day_by_day.pid, signal.SIGKILL)
                day_by_day.wait()

    day0 = logical[:10]
    assert sorted(r["logical_date"][:10] for r in backfilled) == list(BACKFILL_DAYS)
    assert all(r["state"] == "success" for r in backfilled), backfilled
    assert {r["run_type"] for r in all_runs} == {"manual", "backfill"}, all_runs
    assert all(r["state"] == "success" for r in marts), marts

    # The REST-triggered run published its day; its run report is in the data root.
    summary = json.loads((data / "reports" / f"dt={day0}" / "summary.json").read_text())
    report = json.loads(
        (data / "reports" / f"dt={day0}" / "airflow_run-rest_trigger.json").read_text()
    )
    assert report["status"] == "success"
    assert report["published"]["valid"] == summary["valid"] > 0
    # The Asset consumer exported the marts; the latest day is the triggered one.
    current = pq.read_table(data / "exports" / "postings_current.parquet")
    assert current.num_rows == summary["valid"]
    assert {str(d) for d in current.column("snapshot_date").to_pylist()} == {day0}

    # The backfill gave the same warehouse as the days run one by one with dag.test().
    result = [line for line in out.splitlines() if line.startswith("@@RESULT ")]
    assert day_by_day.returncode == 0 and result, (out[-3000:], err[-3000:])
    assert all(s.endswith("success") for s in json.loads(result[0].removeprefix("@@RESULT ")))
    backfill_rows = [r for r in postings_rows(data) if str(r["snapshot_date"]) in BACKFILL_DAYS]
    assert backfill_rows and backfill_rows == postings_rows(by_day)
    assert _daily_by_company(data, BACKFILL_DAYS) == _daily_by_company(by_day, BACKFILL_DAYS)
