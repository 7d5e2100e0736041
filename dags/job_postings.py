"""Daily job-postings pipeline: crawl → normalize → validate → publish.

Each task works on the partition of the run's logical date only, so re-running or
backfilling a date replaces exactly that date. Nothing heavy is imported at parse time:
tasks import ``jobpipe.steps`` when they run. Configuration comes from the environment
(``JOBPIPE_DATA_ROOT``, ``JOBPIPE_REGISTRY``, ``JOBPIPE_USER_AGENT``).
"""

from __future__ import annotations

from datetime import date, timedelta

import pendulum
from airflow.sdk import Asset, dag, get_current_context, task

POSTINGS_ASSET = Asset(
    name="postings",
    uri="jobpipe://warehouse/postings",
    extra={"format": "parquet", "layer": "postings"},
)
WAREHOUSE_ASSET = Asset(
    name="warehouse", uri="jobpipe://warehouse/duckdb", extra={"format": "duckdb"}
)


def _logical_day() -> date:
    """The run's logical date (a manual run without one uses its run_after date)."""
    context = get_current_context()
    moment = context.get("logical_date") or context["dag_run"].run_after
    return pendulum.instance(moment).in_timezone("UTC").date()


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
    },
    tags=["jobpipe"],
    doc_md=__doc__,
)
def job_postings() -> None:
    @task
    def crawl() -> dict:
        from jobpipe import steps
        from jobpipe.config import load_settings
        from jobpipe.registry import load_registry

        settings = load_settings()
        if settings.registry_path is None:
            raise ValueError("set JOBPIPE_REGISTRY to the sources YAML file to crawl")
        report = steps.crawl(_logical_day(), settings, load_registry(settings.registry_path))
        return {
            s: {"postings": r["postings"], "errors": r["errors"]}
            for s, r in report["sources"].items()
        }

    @task
    def normalize() -> dict:
        from jobpipe import steps
        from jobpipe.config import load_settings

        report = steps.normalize(_logical_day(), load_settings())
        return {k: report[k] for k in ("postings_in", "rows", "rejected", "crawl_errors")}

    @task
    def validate() -> dict:
        from jobpipe import steps
        from jobpipe.config import load_settings

        try:
            report = steps.validate(_logical_day(), load_settings())
        except steps.GateError as exc:  # the quality gate: retrying cannot help, fail now
            from airflow.sdk.exceptions import AirflowFailException

            raise AirflowFailException(str(exc)) from exc
        return {k: report[k] for k in ("rows_in", "valid", "quarantined")}

    @task(outlets=[POSTINGS_ASSET, WAREHOUSE_ASSET])
    def publish() -> dict:
        from jobpipe import steps
        from jobpipe.config import load_settings

        summary = steps.publish(_logical_day(), load_settings())
        return {k: summary[k] for k in ("date", "rows_in", "valid", "quarantined")}

    crawl() >> normalize() >> validate() >> publish()


job_postings()
