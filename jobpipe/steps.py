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
from jobpipe.crawl import ProgressFn, run_spider
from jobpipe.registry import Registry
from transforms.normalize import iter_bronze, normalize_records
from transforms.timestamps import parse_timestamp
from warehouse.schema import arrow_schema, crawl_error_schema


class StepError(RuntimeError):
    """A step cannot run (e.g. its input partition is missing); the message says what to do."""


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
    """Crawl every board of the registry for ``day`` into the bronze partition of that day."""
    report: dict[str, Any] = {"date": day.isoformat(), "sources": {}}
    for source, refs in sorted(registry.by_source().items()):
        bronze = paths.bronze_file(settings.data_root, source, day)
        log = paths.report_file(settings.data_root, day, f"crawl-{source}").with_suffix(".log")
        result = run_spider(
            source,
            boards=[r.board for r in refs],
            base_url=registry.base_url(source, day),
            bronze_path=bronze,
            log_path=log,
            settings={
                "USER_AGENT": settings.user_agent,
                "CONCURRENT_REQUESTS_PER_DOMAIN": settings.concurrency_per_domain,
            },
            progress=progress,
        )
        counts = _count_bronze(bronze)
        stats = result.stats
        report["sources"][source] = {
            "bronze": str(bronze),
            "log": str(log),
            "boards": len(refs),
            "postings": sum(counts["postings"].values()),
            "errors": sum(sum(c.values()) for c in counts["errors"].values()),
            "postings_by_board": dict(counts["postings"]),
            "errors_by_board": {b: dict(c) for b, c in counts["errors"].items()},
            "requests": stats.get("downloader/request_count", 0),
            "retries": stats.get("retry/count", 0),
            "responses_by_status": {
                k.rsplit("/", 1)[-1]: v
                for k, v in stats.items()
                if k.startswith("downloader/response_status_count/")
            },
            "finish_reason": stats.get("finish_reason"),
        }
    write_report(settings.data_root, day, "crawl", report)
    return report


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
    result = normalize_records(iter_bronze(files), day)
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
        row["failed_expectations"] = [f"normalize:{r['reason']}"]
        row["quarantine_reason"] = f"normalize failed ({r['reason']}): {r['detail']}"
        rows.append(row)
    return pa.Table.from_pylist(rows, schema=schema)


def validate(day: date, settings: Settings) -> dict[str, Any]:
    """Run the posting suite on ``day``'s rows: valid rows → ``postings``, others → quarantine."""
    from expectations.quarantine import quarantine_schema
    from expectations.validate import validate_postings

    root = settings.data_root
    source = paths.parquet_file(root, "normalized", day)
    if not source.exists():
        raise StepError(f"no normalized data for {day}: run `jobpipe normalize` first")
    normalized = read_report(root, day, "normalize")
    table = pq.read_table(source, schema=arrow_schema(strict=False))
    outcome = validate_postings(table)
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
    write_parquet_partition(valid, paths.parquet_file(root, "postings", day))
    write_parquet_partition(quarantine, paths.parquet_file(root, "quarantine", day))
    report = {
        "date": day.isoformat(),
        "rows_in": rows_in,
        "valid": valid.num_rows,
        "quarantined": quarantine.num_rows,
        "success": outcome.success and not normalized["rejects"],
        "validation": outcome.to_dict(),
    }
    write_report(root, day, "validate", report)
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


def publish(day: date, settings: Settings) -> dict[str, Any]:
    """Derive lifecycle/history/duplicates for ``day``, rebuild the views, write the summary."""
    from warehouse.build import build_warehouse
    from warehouse.derived import publish_derived

    root = settings.data_root
    crawl_report = read_report(root, day, "crawl")
    validate_report = read_report(root, day, "validate")
    postings = pq.read_table(paths.parquet_file(root, "postings", day))
    quarantine = pq.read_table(paths.parquet_file(root, "quarantine", day), columns=["source"])
    derived = publish_derived(root, day)
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
