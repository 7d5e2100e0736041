"""Airflow-side helpers the DAGs call inside tasks (never at parse time).

Configuration: Airflow Variable ``jobpipe_<name>`` first, then ``JOBPIPE_<NAME>``; object-store
credentials from the connection ``jobpipe_storage`` (login = access key, password = secret
key, extra ``aws_session_token``), else the standard ``AWS_*`` variables. Secrets are never
logged: Airflow masks connection passwords and :class:`~jobpipe.storage.Credentials` hides
them in its repr.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from jobpipe.config import RunConfig, env_lookup, load_run_config
from jobpipe.storage import Credentials

log = logging.getLogger("jobpipe.dag")


def lookup(name: str) -> str | None:
    """Airflow Variable ``jobpipe_<name>``, else the environment variable ``JOBPIPE_<NAME>``."""
    from airflow.sdk import Variable

    return Variable.get(f"jobpipe_{name}", default=None) or env_lookup(name)


def run_config() -> RunConfig:
    return load_run_config(lookup)


def credentials() -> Credentials | None:
    """Object-store credentials from the ``jobpipe_storage`` connection, if there is one."""
    from airflow.sdk import Connection
    from airflow.sdk.exceptions import AirflowNotFoundException

    try:
        conn = Connection.get("jobpipe_storage")
    except AirflowNotFoundException:  # not defined: the AWS_* environment variables apply
        return None
    token = (conn.extra_dejson or {}).get("aws_session_token")
    return Credentials(conn.login, conn.password, token)


def logical_day(context: Any = None) -> date:
    """The run's logical date (a manual run without one uses its run_after date)."""
    import pendulum
    from airflow.sdk import get_current_context

    context = context or get_current_context()
    moment = context.get("logical_date") or context["dag_run"].run_after
    return pendulum.instance(moment).in_timezone("UTC").date()


def on_failure(context: Any) -> None:
    """Task failure callback: record why the task failed beside the date's reports."""
    try:
        from jobpipe import dag_tasks

        ti = context["ti"]
        dag_tasks.record_failure(
            logical_day(context), run_config(),
            run_id=context["run_id"], task_id=ti.task_id, map_index=ti.map_index,
            try_number=ti.try_number, error=context.get("exception"), creds=credentials(),
        )  # fmt: skip
    except Exception:  # a callback must never hide the task's own failure
        log.exception("could not record the task failure")


def on_retry(context: Any) -> None:
    """Task retry callback: log the reason of the failed try."""
    ti = context["ti"]
    log.warning(
        "task %s[%s] try %s failed, will retry: %r",
        ti.task_id, ti.map_index, ti.try_number, context.get("exception"),
    )  # fmt: skip
