"""A real Airflow 3 deployment on 127.0.0.1 for tests: api-server + scheduler + dag-processor.

LocalExecutor on a SQLite metadata DB in a temp AIRFLOW_HOME (Airflow 3 runs LocalExecutor on
SQLite; there is no SequentialExecutor any more), the simple auth manager with one admin user
whose password is generated per test, and the REST API (``/api/v2``) with a JWT from
``POST /auth/token``. Every process is started in its own process group and the whole group
is killed on exit, whatever happened.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from airflow_env import airflow_env, migrate

AIRFLOW = str(Path(sys.executable).with_name("airflow"))
COMPONENTS = ("api-server", "scheduler", "dag-processor")
DONE_STATES = {"success", "failed"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class AirflowDeployment:
    """``with AirflowDeployment(home, JOBPIPE_DATA_ROOT=...) as af: af.api("GET", "/dags")``."""

    def __init__(self, home: Path, **extra_env: str) -> None:
        self.home = home
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        password = secrets.token_urlsafe(16)
        home.mkdir(parents=True, exist_ok=True)
        passwords = home / "passwords.json"
        passwords.write_text(json.dumps({"jobpipe": password}))
        self._login = {"username": "jobpipe", "password": password}
        self.env = airflow_env(
            home,
            # SQLite waits up to 30 s for a lock instead of failing at once (three components).
            AIRFLOW__DATABASE__SQL_ALCHEMY_CONN=f"sqlite:///{home / 'airflow.db'}?timeout=30",
            AIRFLOW__CORE__EXECUTOR="LocalExecutor",
            AIRFLOW__CORE__PARALLELISM="4",
            AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION="True",
            AIRFLOW__CORE__AUTH_MANAGER=(
                "airflow.api_fastapi.auth.managers.simple.simple_auth_manager.SimpleAuthManager"
            ),
            AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS="jobpipe:admin",
            AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE=str(passwords),
            AIRFLOW__API_AUTH__JWT_SECRET=secrets.token_urlsafe(32),
            AIRFLOW__API__BASE_URL=self.url,
            AIRFLOW__API__HOST="127.0.0.1",
            AIRFLOW__API__PORT=str(self.port),
            AIRFLOW__CORE__EXECUTION_API_SERVER_URL=f"{self.url}/execution/",
            AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC="1",
            AIRFLOW__DAG_PROCESSOR__MIN_FILE_PROCESS_INTERVAL="600",  # parsed once: no edits
            AIRFLOW__DAG_PROCESSOR__PARSING_PROCESSES="1",
            AIRFLOW__LOGGING__LOGGING_LEVEL="INFO",
            **extra_env,
        )
        self.procs: list[subprocess.Popen] = []
        self._token: str | None = None

    # ------------------------------------------------------------------ life cycle

    def __enter__(self) -> AirflowDeployment:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self, timeout: float = 120) -> None:
        if not (self.home / "airflow.db").exists():  # a test may copy in a migrated DB
            migrate(self.env)
        for name in COMPONENTS:
            cmd = [AIRFLOW, name] + (["--host", "127.0.0.1", "--port", str(self.port)]
                                     if name == "api-server" else [])  # fmt: skip
            log = open(self.home / f"{name}.log", "wb")  # noqa: SIM115 - closed with the process
            self.procs.append(
                subprocess.Popen(
                    cmd, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL, start_new_session=True, cwd=self.home,
                )
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._check_alive()
            try:
                with urllib.request.urlopen(f"{self.url}/api/v2/monitor/health", timeout=5):
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(1)
        raise TimeoutError(f"api-server not healthy after {timeout}s\n{self.logs()}")

    def stop(self) -> None:
        """Terminate every process group we started; kill what is left after 20 s."""
        for proc in self.procs:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + 20
        for proc in self.procs:
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        self.procs.clear()

    def _check_alive(self) -> None:
        for name, proc in zip(COMPONENTS, self.procs, strict=True):
            if proc.poll() is not None:
                raise RuntimeError(f"airflow {name} exited with {proc.returncode}\n{self.logs()}")

    def logs(self, tail: int = 3000) -> str:
        out = []
        for name in COMPONENTS:
            path = self.home / f"{name}.log"
            if path.exists():
                out.append(f"--- {name}\n{path.read_text(errors='replace')[-tail:]}")
        return "\n".join(out)

    # ------------------------------------------------------------------ REST API

    def api(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        """Call ``/api/v2<path>`` with a JWT of the admin user; the JSON answer.

        A 503 (SQLite busy: Airflow answers so for a backfill under concurrent writes) is
        retried for up to a minute.
        """
        if self._token is None:
            self._token = self._request("POST", "/auth/token", self._login)["access_token"]
        deadline = time.monotonic() + 60
        while True:
            try:
                return self._request(method, f"/api/v2{path}", body, self._token)
            except RuntimeError as exc:
                if ": 503 " not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(2)

    def _request(
        self, method: str, path: str, body: dict[str, Any] | None, token: str | None = None
    ) -> Any:
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data, headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as exc:
            raise RuntimeError(f"{method} {path}: {exc.code} {exc.read()[:2000]!r}") from None

    def wait_for_dag(self, dag_id: str, timeout: float = 90) -> dict[str, Any]:
        """The DAG once the dag-processor has parsed it and it has a next run."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._check_alive()
            try:
                dag = self.api("GET", f"/dags/{dag_id}")
                if dag.get("next_dagrun_logical_date") or dag_id != "job_postings":
                    return dag
            except RuntimeError as exc:
                if ": 404 " not in str(exc):
                    raise
            time.sleep(1)
        raise TimeoutError(f"DAG {dag_id} not parsed after {timeout}s\n{self.logs()}")

    def wait_for_runs(
        self, dag_id: str, run_ids: list[str] | None = None, *, count: int = 1,
        run_type: str | None = None, timeout: float = 240,
    ) -> list[dict[str, Any]]:  # fmt: skip
        """Wait until the given runs (or ``count`` runs of ``run_type``) are finished."""
        deadline = time.monotonic() + timeout
        runs: list[dict[str, Any]] = []
        while time.monotonic() < deadline:
            self._check_alive()
            query = f"?run_type={run_type}&limit=100" if run_type else "?limit=100"
            runs = self.api("GET", f"/dags/{dag_id}/dagRuns{query}")["dag_runs"]
            if run_ids is not None:
                runs = [r for r in runs if r["dag_run_id"] in run_ids]
            wanted = len(run_ids) if run_ids is not None else count
            if len(runs) >= wanted and all(r["state"] in DONE_STATES for r in runs):
                return runs
            time.sleep(2)
        raise TimeoutError(f"runs of {dag_id} not done after {timeout}s: {runs}\n{self.logs()}")
