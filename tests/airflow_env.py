"""Run Airflow code in a child process with a throw-away AIRFLOW_HOME and metadata DB."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def airflow_env(home: Path, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(ROOT / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home / 'airflow.db'}",
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": "http://127.0.0.1:8080/execution/",
        **extra,
    }
    env.pop("AIRFLOW_CONFIG", None)
    return env


def run_python(
    code: str, env: dict[str, str], timeout: float = 300, args: tuple[str, ...] = ()
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _migrate_into(home: Path, env: dict[str, str]) -> None:
    airflow = Path(sys.executable).with_name("airflow")
    env = {**env, "AIRFLOW_HOME": str(home),
           "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home / 'airflow.db'}"}  # fmt: skip
    done = subprocess.run(
        [str(airflow), "db", "migrate"], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


def migrate(env: dict[str, str]) -> None:
    """A migrated, empty metadata DB in ``AIRFLOW_HOME``.

    ``airflow db migrate`` runs once per Airflow version on this machine (into a template under
    the temp folder, under a file lock, shared by xdist workers); each test gets a copy.
    """
    import fcntl
    import shutil
    import tempfile
    from importlib.metadata import version

    template = Path(tempfile.gettempdir()) / f"jobpipe-airflow-db-{version('apache-airflow-core')}"
    template.mkdir(exist_ok=True)
    with open(template / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (template / "airflow.db").exists():
            work = Path(tempfile.mkdtemp(dir=template))
            _migrate_into(work, env)
            os.replace(work / "airflow.db", template / "airflow.db")
            shutil.rmtree(work, ignore_errors=True)
    home = Path(env["AIRFLOW_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template / "airflow.db", home / "airflow.db")
