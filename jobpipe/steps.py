"""The pipeline steps, one function each, called by both the CLI and the Airflow DAG.

Each step reads and overwrites exactly one logical date's partition, so any step can be
re-run for any date: crawl → normalize → validate → publish.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from jobpipe import paths
from jobpipe.atomic import atomic_open, write_parquet_partition
from jobpipe.config import Settings
from jobpipe.crawl import ProgressFn
from jobpipe.registry import Registry
from transforms.normalize import iter_bronze
from transforms.timestamps import parse_timestamp
from warehouse.schema import arrow_schema, crawl_error_schema


class StepError(RuntimeError):
    """A step cannot run (e.g. its input partition is missing); the message says what to do."""


class GateError(StepError):
    """The quality gate blocked publication of a batch (see ``expectations/gate.py``)."""


def write_report(root: Path, day: date, step: str, report: dict[str, Any]) -> Path:
    path = paths.report_file(root, day, step)
    with atomic_open(path) as fh:
        fh.write(orjson.dumps(report, option=orjson.OPT_INDENT_2, default=str))
    return path


def read_report(root: Path, day: date, step: str) -> dict[str, Any]:
    path = paths.report_file(root, day, step)
    if not path.exists():
        raise StepError(f"no {step} report for {day}: run `jobpipe {step} --date {day}` first")
    return orjson.loads(path.read_bytes())


# --------------------------------------------------------------------------- crawl


def _count_bronze(path: Path) -> dict[str, Any]:
    """Postings per board and errors per board and reason in one bronze file."""
    postings: Counter[str] = Counter()
    errors: dict[str, Counter[str]] = defaultdict(Counter)
    for _, _, record in iter_bronze([path] if path.exists() else []):
        if isinstance(record, str):
            continue  # an unreadable line: normalize rejects it into quarantine, with the reason
        if record.get("record_type") == "error":
            errors[str(record.get("board"))][str(record.get("reason"))] += 1
        else:
            postings[str(record.get("board"))] += 1
    return {"postings": postings, "errors": errors}


def crawl(
    day: date, settings: Settings, registry: Registry, *, progress: ProgressFn | None = None
) -> dict[str, Any]:
    """Crawl every board of the registry for ``day`` into the bronze partition of that day.

    Boards are crawled by parallel spider processes (see :mod:`jobpipe.crawl_runs`); every
    board gets a row in ``board_crawls`` (success or the reason it failed).
    """
    from jobpipe.board_log import board_log_table, board_rows, count_bronze
    from jobpipe.crawl import CrawlFailed
    from jobpipe.crawl_runs import merge_shards, plan_runs, run_all, write_process_failure
    from jobpipe.registry import RegistryError

    root = settings.data_root
    try:
        runs = plan_runs(registry, day, root, per_domain=settings.concurrency_per_domain)
    except RegistryError as exc:
        raise StepError(str(exc)) from None
    overrides = {"USER_AGENT": settings.user_agent, "JOBPIPE_STATE_DIR": str(root / "state")}
    run_all(runs, overrides, progress=progress)
    report: dict[str, Any] = {"date": day.isoformat(), "sources": {}}
    log_rows: list[dict[str, Any]] = []
    for source in sorted({r.source for r in runs}):
        mine = [r for r in runs if r.source == source]
        for run in mine:
            if run.error is not None:
                write_process_failure(run)
        bronze = merge_shards([r.bronze for r in mine], paths.bronze_file(root, source, day))
        counts = count_bronze([bronze])
        for run in mine:
            log_rows += board_rows(run.refs, day, counts, run.stats, run.error)
        failed = {r["board"]: r["error_reason"] for r in log_rows
                  if r["source"] == source and not r["success"]}  # fmt: skip
        report["sources"][source] = {
            "bronze": str(bronze),
            "log": str(mine[0].log),
            "logs": [str(r.log) for r in mine],
            "processes": len(mine),
            "boards": sum(len(r.refs) for r in mine),
            "boards_failed": len(failed),
            "failed_boards": failed,
            "postings": sum(counts.postings.values()),
            "errors": sum(sum(c.values()) for c in counts.errors.values()),
            "postings_by_board": dict(counts.postings),
            "errors_by_board": {b: dict(c) for b, c in counts.errors.items()},
            "requests": _stat_sum(mine, "downloader/request_count"),
            "retries": _stat_sum(mine, "retry/count"),
            "detail_requests": _stat_sum(mine, "jobpipe/details_requested"),
            "details_reused": sum(counts.reused.values()),
            "lists_not_modified": _stat_sum(mine, "jobpipe/lists_not_modified"),
            "responses_by_status": _status_counts(mine),
            "finish_reason": next(
                (r.stats.get("finish_reason") or "crashed" for r in mine
                 if r.error or r.stats.get("finish_reason") != "finished"), "finished"),
            "process_errors": [r.error for r in mine if r.error],
        }  # fmt: skip
    board_log = paths.parquet_file(root, "board_crawls", day)
    write_parquet_partition(board_log_table(log_rows), board_log)
    report["boards"] = {
        "total": len(log_rows),
        "succeeded": sum(r["success"] for r in log_rows),
        "failed": sum(not r["success"] for r in log_rows),
    }
    report["board_log"] = str(board_log)
    write_report(root, day, "crawl", report)
    if runs and all(r.error for r in runs):
        raise CrawlFailed(f"every crawl process failed for {day}; first: {runs[0].error}")
    return report


def _stat_sum(runs: list[Any], key: str) -> int:
    return sum(int(r.stats.get(key) or 0) for r in runs)


def _status_counts(runs: list[Any]) -> dict[str, int]:
    out: Counter[str] = Counter()
    prefix = "downloader/response_status_count/"
    for run in runs:
        for k, v in run.stats.items():
            if k.startswith(prefix):
                out[k.rsplit("/", 1)[-1]] += int(v)
    return dict(out)


# --------------------------------------------------------------------------- normalize


def _crawl_error_table(errors: list[dict[str, Any]], day: date) -> pa.Table:
    rows = [
        {
            "source": e.get("source"),
            "board": e.get("board"),
            "request_url": e.get("request_url"),
            "reason": e.get("reason"),
            "detail": e.get("detail"),
            "http_status": e.get("http_status"),
            "source_job_id": e.get("source_job_id"),
            "excerpt": e.get("excerpt"),
            "fetched_at": parse_timestamp(e.get("fetched_at")),
            "snapshot_date": day,
        }
        for e in errors
    ]
    return pa.Table.from_pylist(rows, schema=crawl_error_schema())


def normalize(day: date, settings: Settings) -> dict[str, Any]:
    """Bronze of ``day`` → typed rows (``normalized``) and crawl errors (``crawl_errors``)."""
    root = settings.data_root
    files = paths.bronze_files(root, day)
    if not files:
        raise StepError(f"no bronze data for {day} under {root}: run `jobpipe crawl` first")
    from expectations.bronze import checked_normalize  # bronze suite, then extraction

    result, bronze = checked_normalize(files, day, root)
    write_parquet_partition(result.table, paths.parquet_file(root, "normalized", day))
    write_parquet_partition(
        _crawl_error_table(result.crawl_errors, day), paths.parquet_file(root, "crawl_errors", day)
    )
    report = {
        "date": day.isoformat(),
        "bronze_files": [str(f) for f in files],
        "postings_in": result.postings_in,
        "rows": result.table.num_rows,
        "rejected": len(result.rejects),
        "crawl_errors": len(result.crawl_errors),
        "bronze_validation": bronze,
        "rejects": result.rejects,
    }
    write_report(root, day, "normalize", report)
    return report


# --------------------------------------------------------------------------- validate


def _rejects_table(rejects: list[dict[str, Any]], day: date, schema: pa.Schema) -> pa.Table:
    rows = []
    for r in rejects:
        row: dict[str, Any] = {name: None for name in schema.names}
        row.update({k: r.get(k) for k in ("source", "board", "source_job_id")})
        row["snapshot_date"] = day
        row["failed_expectations"] = r.get("failed_expectations") or [f"normalize:{r['reason']}"]
        row["quarantine_reason"] = f"{r.get('stage', 'normalize')} failed ({r['reason']}): " + str(
            r["detail"]
        )
        row["offending_values"] = r.get("offending_values") or []
        rows.append(row)
    return pa.Table.from_pylist(rows, schema=schema)


def validate(day: date, settings: Settings) -> dict[str, Any]:
    """Validate ``day``'s rows: silver suite per row, batch checks, then the publish gate.

    Valid rows → ``postings``, failing rows → ``quarantine`` (rows in = valid + quarantined,
    asserted). A critical batch failure blocks publication: nothing of ``day`` is replaced,
    the batch goes to ``held/`` and :class:`GateError` says why (``expectations/gate.py``).
    """
    from expectations.batch import BATCH_SUITE, batch_metrics, check_batch, write_batch_metrics
    from expectations.datadocs import build_data_docs
    from expectations.gate import decide
    from expectations.history import outcome_check_runs, record_run
    from expectations.quarantine import quarantine_schema
    from expectations.silver import build_silver_suite
    from expectations.thresholds import load_thresholds
    from expectations.validate import validate_postings

    root = settings.data_root
    source = paths.parquet_file(root, "normalized", day)
    if not source.exists():
        raise StepError(f"no normalized data for {day}: run `jobpipe normalize` first")
    normalized = read_report(root, day, "normalize")
    thresholds = load_thresholds()
    table = pq.read_table(source, schema=arrow_schema(strict=False))
    outcome = validate_postings(table, suite=build_silver_suite(day, thresholds))
    qschema = quarantine_schema()
    quarantine = pa.concat_tables(
        [
            outcome.quarantine.select(qschema.names).cast(qschema),
            _rejects_table(normalized["rejects"], day, qschema),
        ]
    )
    valid = outcome.valid.cast(arrow_schema())
    rows_in = normalized["postings_in"]
    if rows_in != valid.num_rows + quarantine.num_rows:
        raise AssertionError(
            f"row accounting broken for {day}: {rows_in} in != "
            f"{valid.num_rows} valid + {quarantine.num_rows} quarantined"
        )
    crawled = paths.report_file(root, day, "crawl")
    sources = orjson.loads(crawled.read_bytes()).get("sources") if crawled.exists() else None
    metrics = batch_metrics(root, day, table, valid, quarantine, thresholds, sources)
    batch = check_batch(metrics, thresholds)
    gate = decide(root, day, batch, thresholds)
    held = {name: paths.held_file(root, day, name) for name in ("postings", "quarantine")}
    if gate.blocked:
        write_parquet_partition(valid, held["postings"])
        write_parquet_partition(quarantine, held["quarantine"])
    else:
        write_parquet_partition(valid, paths.parquet_file(root, "postings", day))
        write_parquet_partition(quarantine, paths.parquet_file(root, "quarantine", day))
        for file in held.values():
            file.unlink(missing_ok=True)
    write_batch_metrics(root, day, batch.metrics, accepted=not gate.blocked)
    batch_name = f"normalized-{day}"
    record_run(
        root, day, outcome.suite_name, batch_name, outcome_check_runs(outcome), outcome.gx_result
    )
    record_run(
        root,
        day,
        BATCH_SUITE,
        batch_name,
        [c.as_check_run() for c in batch.checks],
        batch.gx_result,
    )
    docs = build_data_docs(root)
    report = {
        "date": day.isoformat(),
        "rows_in": rows_in,
        "valid": valid.num_rows,
        "quarantined": quarantine.num_rows,
        "success": outcome.success and not normalized["rejects"],
        "gate": gate.as_dict(),
        "batch": batch.to_dict(),
        "data_docs": str(docs),
        "validation": outcome.to_dict(),
    }
    write_report(root, day, "validate", report)
    if gate.blocked:
        raise GateError(gate.message)
    return report


# --------------------------------------------------------------------------- publish


def _coverage(table: pa.Table) -> dict[str, dict[str, Any]]:
    by_source: dict[str, dict[str, Any]] = {}
    for row in table.select(["source", "salary_min", "salary_max", "locations"]).to_pylist():
        s = by_source.setdefault(row["source"], {"valid": 0, "with_salary": 0, "with_country": 0})
        s["valid"] += 1
        s["with_salary"] += row["salary_min"] is not None or row["salary_max"] is not None
        s["with_country"] += any(loc.get("country_code") for loc in row["locations"] or [])
    return by_source


def _compacted_months(report: dict[str, Any] | None) -> dict[str, list[str]] | None:
    """Per layer, the months a compaction merged (None: compaction was skipped)."""
    if report is None:
        return None
    return {layer: r["months"] for layer, r in report["layers"].items() if r["months"]}


def publish(day: date, settings: Settings, *, compact: bool = True) -> dict[str, Any]:
    """Derive lifecycle/history/duplicates for ``day``, compact old months of the derived
    layers (unless ``compact`` is false), rebuild the views, write the summary."""
    from warehouse.build import build_warehouse
    from warehouse.compact import compact as compact_months
    from warehouse.derived import publish_derived

    root = settings.data_root
    crawl_report = read_report(root, day, "crawl")
    validate_report = read_report(root, day, "validate")
    if (validate_report.get("gate") or {}).get("status") == "blocked":
        raise GateError(validate_report["gate"]["message"])  # the last validation blocked it
    postings = pq.read_table(paths.parquet_file(root, "postings", day))
    quarantine = pq.read_table(paths.parquet_file(root, "quarantine", day), columns=["source"])
    derived = publish_derived(root, day)
    compacted = compact_months(root) if compact else None
    warehouse = build_warehouse(root)
    quarantined = Counter(quarantine.column("source").to_pylist())
    coverage = _coverage(postings)
    sources = {}
    for source, crawled in crawl_report["sources"].items():
        cov = coverage.get(source, {"valid": 0, "with_salary": 0, "with_country": 0})
        sources[source] = {
            "boards": crawled["boards"],
            "crawled": crawled["postings"],
            "crawl_errors": crawled["errors"],
            "valid": cov["valid"],
            "quarantined": quarantined.get(source, 0),
            "salary_coverage": cov["with_salary"] / cov["valid"] if cov["valid"] else 0.0,
            "location_coverage": cov["with_country"] / cov["valid"] if cov["valid"] else 0.0,
        }
    summary = {
        "date": day.isoformat(),
        "warehouse": str(warehouse),
        "rows_in": validate_report["rows_in"],
        "valid": validate_report["valid"],
        "quarantined": validate_report["quarantined"],
        "sources": sources,
        "derived_dates": derived["derived_dates"],
        "compacted": _compacted_months(compacted),
    }
    write_report(root, day, "summary", summary)
    return summary


def run_day(
    day: date, settings: Settings, registry: Registry, *, progress: ProgressFn | None = None
) -> dict[str, Any]:
    """All four steps for one logical date."""
    crawl(day, settings, registry, progress=progress)
    normalize(day, settings)
    validate(day, settings)
    return publish(day, settings)
