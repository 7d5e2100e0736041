"""Inside Airflow, settings come from Variables first, then JOBPIPE_*; credentials from a
connection. Checked in a child process with Variables/Connections given as AIRFLOW_VAR_/CONN_.
(Without a connection the AWS_* environment applies: every other Airflow test runs that way.)"""

from __future__ import annotations

import json
from pathlib import Path

from airflow_env import airflow_env, run_python

CODE = """
import json
from jobpipe.airflow_runtime import credentials, run_config
cfg, creds = run_config(), credentials()
print("@@RESULT " + json.dumps({
    "shard_size": cfg.shard_size, "user_agent": cfg.user_agent, "data_root": cfg.data_root,
    "creds": None if creds is None else [creds.access_key, creds.secret_key, creds.session_token],
    "repr": repr(creds),
}))
"""


def _run(tmp_path: Path, **env: str) -> dict:
    done = run_python(CODE, airflow_env(tmp_path / "home", **env), timeout=120)
    lines = [x for x in done.stdout.splitlines() if x.startswith("@@RESULT ")]
    assert done.returncode == 0 and lines, done.stderr[-3000:]
    return json.loads(lines[0].removeprefix("@@RESULT "))


def test_variables_win_over_environment_and_connection_gives_credentials(tmp_path: Path) -> None:
    conn = {"conn_type": "aws", "login": "AKIDTEST", "password": "not-a-real-secret",
            "extra": {"aws_session_token": "token-1"}}  # fmt: skip
    out = _run(
        tmp_path,
        AIRFLOW_VAR_JOBPIPE_SHARD_SIZE="7",
        JOBPIPE_SHARD_SIZE="3",
        JOBPIPE_USER_AGENT="from-env/1.0",
        JOBPIPE_DATA_ROOT=str(tmp_path / "data"),
        AIRFLOW_CONN_JOBPIPE_STORAGE=json.dumps(conn),
    )
    assert out["shard_size"] == 7 and out["user_agent"] == "from-env/1.0"
    assert out["data_root"] == str((tmp_path / "data").resolve())
    assert out["creds"] == ["AKIDTEST", "not-a-real-secret", "token-1"]
    assert "not-a-real-secret" not in out["repr"]

