"""`make test` lints the DAGs with every ruff Airflow rule; the rules really fire."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUFF = Path(sys.executable).with_name("ruff")

BAD_DAG = """
from datetime import datetime

from airflow import DAG
from airflow.models import Variable
from airflow.operators.python import PythonOperator

root = Variable.get("jobpipe_data_root")

with DAG("bad", schedule_interval="@daily", start_date=datetime.now()) as dag:
    PythonOperator(task_id="x", python_callable=print)
"""


def _airflow_lint_command() -> list[str]:
    makefile = (ROOT / "Makefile").read_text()
    match = re.search(r"^AIRFLOW_LINT := \$\(BIN\)/ruff (.+)$", makefile, re.M)
    assert match, "Makefile has no AIRFLOW_LINT command"
    assert "\t$(AIRFLOW_LINT)" in makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    return [str(RUFF), *match.group(1).split()]


def test_make_test_lints_the_dags_and_they_pass() -> None:
    done = subprocess.run(_airflow_lint_command(), cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_airflow_rules_catch_airflow2_idioms(tmp_path: Path) -> None:
    (tmp_path / "dags").mkdir()
    (tmp_path / "dags" / "bad.py").write_text(BAD_DAG)
    cmd = [*_airflow_lint_command(), "--isolated", "--output-format", "concise"]
    done = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 1
    for rule in (
        "airflow3-removal",  # AIR301: schedule_interval
        "airflow3-suggested-to-move-to-provider",  # AIR312: PythonOperator import
        "airflow-variable-get-outside-task",  # AIR003 (preview): config read at parse time
        "airflow3-dag-dynamic-value",  # AIR304 (preview): datetime.now() start_date
    ):
        assert rule in done.stdout, (rule, done.stdout)
