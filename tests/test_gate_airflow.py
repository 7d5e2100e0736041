"""In Airflow, a blocked batch fails the validate task at once, with the gate's message."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from airflow_env import airflow_env, run_python
from quality_cases import DAY, board_rows
from quality_steps import stage_day

from jobpipe import steps
from jobpipe.config import load_settings

pytestmark = pytest.mark.slow

CALL_VALIDATE = """
import json
from datetime import date
from airflow.dag_processing.dagbag import DagBag
task = DagBag().dags["job_postings"].get_task("validate")
import jobpipe.airflow_runtime as rt
from jobpipe.config import env_lookup, load_run_config
# outside a running task there is no context, Variable or Connection: take them from here
rt.logical_day = lambda context=None: date.fromisoformat("{day}")
rt.run_config = lambda: load_run_config(env_lookup)
rt.credentials = lambda: None
try:
    task.python_callable()
    print("@@RESULT " + json.dumps({{"raised": None}}))
except Exception as exc:
    print("@@RESULT " + json.dumps({{"raised": type(exc).__name__, "message": str(exc)}}))
"""


def test_gate_fails_the_airflow_task_without_retries(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "data")
    stage_day(settings.data_root, DAY, board_rows("a", 20) + board_rows("b", 5))
    steps.validate(DAY, settings)
    day2 = DAY + timedelta(days=1)
    stage_day(settings.data_root, day2, board_rows("a", 1, day2) + board_rows("b", 5, day2))
    env = airflow_env(tmp_path / "airflow", JOBPIPE_DATA_ROOT=str(settings.data_root))
    done = run_python(CALL_VALIDATE.format(day=day2.isoformat()), env)
    assert done.returncode == 0, done.stderr[-3000:]
    line = next(x for x in done.stdout.splitlines() if x.startswith("@@RESULT "))
    result = json.loads(line.removeprefix("@@RESULT "))
    assert result["raised"] == "AirflowFailException"
    assert "quality gate blocked publication of 2026-11-02" in result["message"]
    assert "board greenhouse/a has 1 rows vs 20" in result["message"]
