"""The work of each task of the ``job_postings`` DAG, callable without Airflow.

Every function takes the logical date and a :class:`~jobpipe.config.RunConfig`, stages the
partitions it reads and writes (a no-op for a local data root, a sync for an ``s3://`` one,
see :mod:`jobpipe.storage`), calls the step, logs what it did with counts and returns a small
dict. The DAG file only wires these together, so it stays light to parse.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from datetime import UTC, date, datetime
from typing import Any

import orjson

from jobpipe import paths
from jobpipe.atomic import atomic_open
from jobpipe.config import RunConfig
from jobpipe.storage import Credentials, staged

log = logging.getLogger("jobpipe.dag")


def _d(day: date) -> str:
    return day.isoformat()


def safe_name(text: str) -> str:
    """A run id or task id as a file-name part."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text)


def _registry(cfg: RunConfig):  # type: ignore[no-untyped-def]
    from jobpipe.registry import load_registry

    if cfg.registry_path is None:
        raise ValueError(
            "no registry: set the Airflow Variable jobpipe_registry or JOBPIPE_REGISTRY "
            "to the sources YAML file"
        )
    return load_registry(cfg.registry_path)


def plan(day: date, cfg: RunConfig, creds: Credentials | None = None) -> list[dict[str, Any]]:
    """Shard the registry and forget earlier crawls of the date; the shards to map over.

    Shards come interleaved by source (one of each ATS in turn), so the crawl slots that run
    at the same time are spread over different ATS hosts.
    """
    from jobpipe.shards import STEP_REPORTS, interleave, plan_shards, prepare_day

    shards = interleave(plan_shards(_registry(cfg), cfg.shard_size))
    d = _d(day)
    stale = [f"bronze/source=*/dt={d}/*", f"reports/dt={d}/shards/*"]
    stale += [f"reports/dt={d}/{step}.json" for step in STEP_REPORTS]
    with staged(
        cfg.data_root, delete=stale, push=[f"reports/dt={d}/shards/*"], credentials=creds
    ) as root:
        manifest = prepare_day(root, day, shards)
    per_source = Counter(s.source for s in shards)
    log.info(
        "planned %d shards of at most %d boards for %s (%s); removed %d stale bronze parts",
        len(shards), cfg.shard_size, d, ", ".join(f"{k}: {v}" for k, v in per_source.items()),
        len(manifest["removed_stale_parts"]),
    )  # fmt: skip
    return [s.to_dict() for s in shards]


def crawl(
    day: date, cfg: RunConfig, shard: dict[str, Any], creds: Credentials | None = None
) -> dict[str, Any]:
    """Crawl one shard into its bronze part."""
    from jobpipe.shards import Shard, crawl_shard

    ref = Shard.from_dict(shard)
    d = _d(day)
    part = f"bronze/source={ref.source}/dt={d}/part-{ref.part}.jsonl.gz"
    mine = f"reports/dt={d}/shards/{ref.shard_id}.*"
    with staged(
        cfg.data_root, push=[part, mine], push_on_error=[mine], credentials=creds
    ) as root:
        report = crawl_shard(day, cfg.settings(root), _registry(cfg), ref, cfg.shard_timeout)
    log.info(
        "crawled shard %s (%d boards): %d postings, %d errors, %d requests, %d retries",
        ref.shard_id, len(ref.boards), report["postings"], report["errors"],
        report["requests"], report["retries"],
    )  # fmt: skip
    for board, reasons in sorted(report["errors_by_board"].items()):
        log.warning("shard %s board %s: errors %s", ref.shard_id, board, reasons)
    return {k: report[k] for k in ("shard", "postings", "errors")}


def collect(day: date, cfg: RunConfig, creds: Credentials | None = None) -> dict[str, Any]:
    """Keep what the shards that succeeded crawled; report the shards that failed."""
    from jobpipe.shards import collect_shards

    d = _d(day)
    bronze = f"bronze/source=*/dt={d}/*"
    with staged(
        cfg.data_root,
        pull=[bronze, f"reports/dt={d}/shards/*"],
        push=[bronze],
        push_on_error=[f"reports/dt={d}/crawl.json"],
        credentials=creds,
    ) as root:
        report = collect_shards(root, day)
    shards = report["shards"]
    log.info(
        "crawl of %s: %d of %d shards succeeded, %d postings, %d crawl errors",
        d, len(shards["succeeded"]), shards["planned"],
        sum(s["postings"] for s in report["sources"].values()),
        sum(s["errors"] for s in report["sources"].values()),
    )  # fmt: skip
    for failed in shards["failed"]:
        log.error("shard %s failed (boards %s): %s", failed["shard"], failed["boards"],
                  failed["reason"])  # fmt: skip
    return {"succeeded": len(shards["succeeded"]), "failed": len(shards["failed"])}


def normalize(day: date, cfg: RunConfig, creds: Credentials | None = None) -> dict[str, Any]:
    from jobpipe import steps

    d = _d(day)
    with staged(
        cfg.data_root,
        pull=[f"bronze/source=*/dt={d}/*"],
        push=[f"normalized/dt={d}/*", f"crawl_errors/dt={d}/*", f"reports/dt={d}/normalize.json"],
        credentials=creds,
    ) as root:
        report = steps.normalize(day, cfg.settings(root))
    out = {k: report[k] for k in ("postings_in", "rows", "rejected", "crawl_errors")}
    log.info(
        "normalized %s: %d bronze files, %d postings in, %d rows, %d rejected, %d crawl errors",
        d, len(report["bronze_files"]), *out.values(),
    )  # fmt: skip
    return out


def validate(day: date, cfg: RunConfig, creds: Credentials | None = None) -> dict[str, Any]:
    from jobpipe import steps

    d = _d(day)
    with staged(
        cfg.data_root,
        pull=[f"normalized/dt={d}/*", f"reports/dt={d}/normalize.json"],
        push=[f"postings/dt={d}/*", f"quarantine/dt={d}/*", f"reports/dt={d}/validate.json"],
        credentials=creds,
    ) as root:
        report = steps.validate(day, cfg.settings(root))
    out = {k: report[k] for k in ("rows_in", "valid", "quarantined")}
    log.info("validated %s: %d rows in, %d valid, %d quarantined", d, *out.values())
    return out


def publish(day: date, cfg: RunConfig, creds: Credentials | None = None) -> dict[str, Any]:
    from jobpipe import steps

    d = _d(day)
    with staged(
        cfg.data_root,
        pull=["postings/*", "quarantine/*", "crawl_errors/*",
              f"reports/dt={d}/crawl.json", f"reports/dt={d}/validate.json"],
        # warehouse.duckdb stays on a local data root only: its views name local paths.
        push=[f"reports/dt={d}/summary.json"],
        credentials=creds,
    ) as root:  # fmt: skip
        summary = steps.publish(day, cfg.settings(root))
    out = {k: summary[k] for k in ("date", "rows_in", "valid", "quarantined")}
    log.info(
        "published %s: %d valid postings, %d quarantined, warehouse %s",
        d, summary["valid"], summary["quarantined"], summary["warehouse"],
    )  # fmt: skip
    return out


# ------------------------------------------------------------------ failures and the run report


def failure_file(day: date, run_id: str, task_id: str, map_index: int | None) -> str:
    suffix = f"-{map_index}" if map_index is not None and map_index >= 0 else ""
    return f"reports/dt={_d(day)}/failures/{safe_name(run_id)}/{safe_name(task_id)}{suffix}.json"


def record_failure(
    day: date,
    cfg: RunConfig,
    *,
    run_id: str,
    task_id: str,
    map_index: int | None,
    try_number: int | None,
    error: BaseException | str | None,
    creds: Credentials | None = None,
) -> dict[str, Any]:
    """Write why a task failed beside the date's reports (read by :func:`run_report`)."""
    reason = (
        f"{type(error).__name__}: {error}" if isinstance(error, BaseException) else str(error)
    )
    record = {
        "task_id": task_id, "map_index": map_index, "try_number": try_number,
        "run_id": run_id, "date": _d(day), "reason": reason[:4000],
    }  # fmt: skip
    rel = failure_file(day, run_id, task_id, map_index)
    with staged(cfg.data_root, push=[rel], credentials=creds) as root, atomic_open(
        root / rel
    ) as fh:
        fh.write(orjson.dumps(record, option=orjson.OPT_INDENT_2))
    log.error("task %s[%s] failed for %s: %s", task_id, map_index, _d(day), reason)
    return record


def _read(path: Any) -> dict[str, Any] | None:
    return orjson.loads(path.read_bytes()) if path.exists() else None


def run_report(
    day: date, cfg: RunConfig, run_id: str, creds: Credentials | None = None
) -> dict[str, Any]:
    """Write ``reports/dt=<date>/airflow_run-<run_id>.json``: what was crawled, validated and
    published, which shards and tasks failed and why. Status: success, partial or failed."""
    d = _d(day)
    rel = f"reports/dt={d}/airflow_run-{safe_name(run_id)}.json"
    with staged(
        cfg.data_root, pull=[f"reports/dt={d}/*.json", f"reports/dt={d}/failures/*"],
        push=[rel], credentials=creds,
    ) as root:  # fmt: skip
        part = paths.partition(root, "reports", day)
        crawl_report = _read(part / "crawl.json")
        summary = _read(part / "summary.json")
        failures = [
            orjson.loads(p.read_bytes())
            for p in sorted((part / "failures" / safe_name(run_id)).glob("*.json"))
        ]
        shards = (crawl_report or {}).get("shards", {"planned": 0, "succeeded": [], "failed": []})
        published = summary is not None and not any(
            f["task_id"] in ("collect", "normalize", "validate", "publish") for f in failures
        )
        status = (
            "failed" if not published
            else "partial" if shards["failed"] or failures
            else "success"
        )  # fmt: skip
        report = {
            "date": d,
            "run_id": run_id,
            "status": status,
            "data_root": _display(cfg.data_root),
            "shards": {
                "planned": shards["planned"],
                "succeeded": len(shards["succeeded"]),
                "failed": shards["failed"],
            },
            "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "crawl": {
                s: {k: v.get(k) for k in ("boards", "postings", "errors", "failed_shards")}
                for s, v in (crawl_report or {}).get("sources", {}).items()
            },
            "normalize": _pick(part / "normalize.json", "postings_in", "rows", "rejected"),
            "validate": _pick(part / "validate.json", "rows_in", "valid", "quarantined"),
            "published": (
                {k: summary[k] for k in ("rows_in", "valid", "quarantined")} if published else None
            ),
            "failed_tasks": failures,
        }
        with atomic_open(root / rel) as fh:
            fh.write(orjson.dumps(report, option=orjson.OPT_INDENT_2))
    log.info(
        "run %s for %s: %s; shards %d/%d ok; published %s; failed tasks %d; report %s",
        run_id, d, status, len(shards["succeeded"]), shards["planned"],
        report["published"], len(failures), rel,
    )  # fmt: skip
    return report


def _pick(path: Any, *keys: str) -> dict[str, Any] | None:
    data = _read(path)
    return {k: data[k] for k in keys} if data else None


def _display(root: str) -> str:
    from jobpipe.storage import display_uri

    return display_uri(root)
