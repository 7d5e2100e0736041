"""Daily job-postings pipeline, fanned out per board shard.

``plan`` splits the sources registry into shards (at most ``shard_size`` boards of one ATS) and
forgets earlier crawls of the date; ``crawl_shard`` is mapped over the shards, each writing its
own bronze part, retried with exponential backoff on its own, at most ``CRAWL_SLOTS`` at a time
(interleaved by ATS host). ``collect`` runs even when some shards failed:
it keeps what succeeded, then ``normalize → validate → publish`` publish it (``publish``
updates the ``postings`` and ``warehouse`` Assets). ``run_report`` always runs last and
writes ``reports/dt=<date>/airflow_run-<run_id>.json``; it fails the run when any shard or
task failed, after everything that could be published was.

Every task works on the partition of the run's logical date only, so re-running or
backfilling a date replaces exactly that date. Configuration is read when a task runs:
Airflow Variable ``jobpipe_<name>``, else ``JOBPIPE_<NAME>`` (``data_root``, ``registry``,
``user_agent``, ``concurrency_per_domain``, ``shard_size``, ``shard_timeout``); object-store
credentials from the connection ``jobpipe_storage``. Nothing heavy is imported at parse time.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pendulum
from airflow.sdk import Asset, Metadata, TriggerRule, dag, get_current_context, task

# Shard crawls running at once, over all runs of this DAG. Shards are planned interleaved by
# ATS, so these slots go to different ATS hosts first; each crawl is itself polite per domain.
CRAWL_SLOTS = 4

POSTINGS_ASSET = Asset(
    name="postings",
    uri="jobpipe://warehouse/postings",
    extra={"format": "parquet", "layer": "postings"},
)
WAREHOUSE_ASSET = Asset(
    name="warehouse", uri="jobpipe://warehouse/duckdb", extra={"format": "duckdb"}
)


def _on_failure(context: Any) -> None:
    from jobpipe.airflow_runtime import on_failure

    on_failure(context)


def _on_retry(context: Any) -> None:
    from jobpipe.airflow_runtime import on_retry

    on_retry(context)


@dag(
    dag_id="job_postings",
    schedule="@daily",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args={
        "retries": 2,
        "retry_delay": timedelta(minutes=2),
        "retry_exponential_backoff": True,
        "max_retry_delay": timedelta(minutes=30),
        "on_failure_callback": _on_failure,
        "on_retry_callback": _on_retry,
    },
    tags=["jobpipe"],
    doc_md=__doc__,
)
def job_postings() -> None:
    @task
    def plan() -> list[dict[str, Any]]:
        from jobpipe import dag_tasks
        from jobpipe.airflow_runtime import credentials, logical_day, run_config

        return dag_tasks.plan(logical_day(), run_config(), credentials())

    @task(
        multiple_outputs=False,
        execution_timeout=timedelta(hours=1),
        retries=3,
        max_active_tis_per_dag=CRAWL_SLOTS,
        map_index_template="{{ shard_id }}",
    )
    def crawl_shard(shard: dict[str, Any]) -> dict[str, Any]:
        from jobpipe import dag_tasks
        from jobpipe.airflow_runtime import credentials, logical_day, run_config

        get_current_context()["shard_id"] = f"{shard['source']}-{shard['part']}"  # type: ignore[typeddict-unknown-key]
        return dag_tasks.crawl(logical_day(), run_config(), shard, credentials())

    @task(multiple_outputs=False, trigger_rule=TriggerRule.ALL_DONE)
    def collect() -> dict[str, Any]:
        from jobpipe import dag_tasks
        from jobpipe.airflow_runtime import credentials, logical_day, run_config

        return dag_tasks.collect(logical_day(), run_config(), credentials())

    @task(multiple_outputs=False)
    def normalize() -> dict[str, Any]:
        from jobpipe import dag_tasks
        from jobpipe.airflow_runtime import credentials, logical_day, run_config

        return dag_tasks.normalize(logical_day(), run_config(), credentials())

    @task(multiple_outputs=False)
    def validate() -> dict[str, Any]:
        from jobpipe import dag_tasks
        from jobpipe.airflow_runtime import credentials, logical_day, run_config
        from jobpipe.steps import GateError

        try:
            return dag_tasks.validate(logical_day(), run_config(), credentials())
        except GateError as exc:  # the quality gate: retrying cannot help, fail now
            from airflow.sdk.exceptions import AirflowFailException

            raise AirflowFailException(str(exc)) from exc

    @task(outlets=[POSTINGS_ASSET, WAREHOUSE_ASSET])
    def publish():  # type: ignore[no-untyped-def]
        from jobpipe import dag_tasks
        from jobpipe.airflow_runtime import credentials, logical_day, run_config

        out = dag_tasks.publish(logical_day(), run_config(), credentials())
        yield Metadata(POSTINGS_ASSET, {"date": out["date"], "valid": out["valid"]})
        yield Metadata(WAREHOUSE_ASSET, {"date": out["date"]})
        return out

    @task(multiple_outputs=False, trigger_rule=TriggerRule.ALL_DONE, retries=0)
    def run_report() -> dict[str, Any]:
        from jobpipe import dag_tasks
        from jobpipe.airflow_runtime import credentials, logical_day, run_config

        context = get_current_context()
        report = dag_tasks.run_report(
            logical_day(context), run_config(), context["run_id"], credentials()
        )
        if report["status"] != "success":
            failed = [f["shard"] for f in report["shards"]["failed"]]
            failed += [f"{f['task_id']}[{f['map_index']}]" for f in report["failed_tasks"]]
            raise RuntimeError(
                f"run {report['status']}: failed {', '.join(failed) or 'publish'}; "
                f"see the run report in reports/dt={report['date']}/"
            )
        return {k: report[k] for k in ("status", "published")}

    collected = collect()
    crawl_shard.expand(shard=plan()) >> collected
    published = publish()
    collected >> normalize() >> validate() >> published >> run_report()


job_postings()
