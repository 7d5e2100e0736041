"""Refresh the marts and export the dashboard extract whenever new postings are published.

Scheduled on the ``postings`` Asset that ``job_postings.publish`` updates, not on a clock:
every published date triggers one run. The extract (``exports/<mart>.parquet`` under the
data root) covers every published date, so runs are idempotent. Configuration as for
``job_postings`` (Variable ``jobpipe_data_root`` or ``JOBPIPE_DATA_ROOT``).
"""

from __future__ import annotations

from typing import Any

import pendulum
from airflow.sdk import Asset, dag, get_current_context, task

POSTINGS_ASSET = Asset(
    name="postings",
    uri="jobpipe://warehouse/postings",
    extra={"format": "parquet", "layer": "postings"},
)
DASHBOARD_ASSET = Asset(name="dashboard_extract", uri="jobpipe://exports/dashboard")


@dag(
    dag_id="marts_refresh",
    schedule=[POSTINGS_ASSET],
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    tags=["jobpipe"],
    doc_md=__doc__,
)
def marts_refresh() -> None:
    @task(multiple_outputs=False, outlets=[DASHBOARD_ASSET], retries=2)
    def export_dashboard() -> dict[str, Any]:
        import logging

        from jobpipe.airflow_runtime import credentials, run_config
        from jobpipe.extracts import export_dashboard as export
        from jobpipe.storage import staged

        events = get_current_context()["triggering_asset_events"]
        dates = sorted(
            str(e.extra.get("date")) for evs in events.values() for e in evs if e.extra
        )
        with staged(
            run_config().data_root,
            pull=["postings/*", "quarantine/*", "crawl_errors/*"],
            push=["exports/*"],
            credentials=credentials(),
        ) as root:
            out = export(root, reason=f"published dates {', '.join(dates) or 'unknown'}")
        logging.getLogger("jobpipe.dag").info(
            "exported %s (latest snapshot %s) after publishes of %s",
            out["marts"], out["latest_snapshot_date"], dates,
        )  # fmt: skip
        return out

    export_dashboard()


marts_refresh()
