"""Crawl a logical date in shards: small groups of boards of one source, crawled independently.

A shard is at most ``size`` boards of one platform. Each shard writes its own bronze part
(``bronze/source=<s>/dt=<date>/part-<nnnn>.jsonl.gz``) and a shard report, so one slow or
failing board only delays or fails its own shard. The life of a date:

1. :func:`prepare_day` removes every bronze part and shard report of the date (so nothing from
   an earlier run of the same date leaks into this one) and writes the plan as a manifest.
2. :func:`crawl_shard` crawls one shard (any order, in parallel, retried on its own).
3. :func:`collect_shards` keeps the parts of shards that succeeded, drops any other part, and
   writes the date's crawl report (the one ``steps.publish`` reads) with the failed shards.
"""

from __future__ import annotations

import shutil
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from jobpipe import paths
from jobpipe.atomic import atomic_open
from jobpipe.config import Settings
from jobpipe.registry import BoardRef, Registry

SHARDS_DIR = "shards"
MANIFEST = "manifest.json"
BOARD_STATS = ("jobpipe/boards_listed", "jobpipe/boards_failed")
STEP_REPORTS = ("crawl", "normalize", "validate", "summary")


class ShardError(RuntimeError):
    """The shard plan of a date is missing or inconsistent; the message says what to do."""


@dataclass(frozen=True)
class Shard:
    """Up to ``size`` boards of one source, crawled into one bronze part."""

    source: str
    part: str
    boards: tuple[str, ...]

    @property
    def shard_id(self) -> str:
        return f"{self.source}-{self.part}"

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "part": self.part, "boards": list(self.boards)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Shard:
        return cls(str(data["source"]), str(data["part"]), tuple(str(b) for b in data["boards"]))


def plan_shards(registry: Registry, size: int) -> list[Shard]:
    """Split the registry into shards of at most ``size`` boards that one spider process can
    crawl together (same source and API root, see :meth:`Registry.groups`).

    Sources are taken in name order and boards in registry order, so the same registry always
    gives the same shards. A board listed twice for a source is crawled once.
    """
    if size < 1:
        raise ValueError(f"shard size must be at least 1, got {size}")
    shards: list[Shard] = []
    parts: dict[str, int] = defaultdict(int)
    # grouping does not depend on the date ({date} only fills in a base URL)
    for (source, _), refs in registry.groups(date.min).items():
        boards = list(dict.fromkeys(ref.board for ref in refs))
        for i in range(0, len(boards), size):
            part = f"{parts[source]:04d}"
            parts[source] += 1
            shards.append(Shard(source, part, tuple(boards[i : i + size])))
    return sorted(shards, key=lambda s: (s.source, s.part))


def shard_refs(registry: Registry, shard: Shard) -> list[BoardRef]:
    """The registry entries of a shard's boards, in the shard's order."""
    by_board = {ref.board: ref for ref in registry.boards if ref.source == shard.source}
    missing = [b for b in shard.boards if b not in by_board]
    if missing:
        raise ShardError(
            f"shard {shard.shard_id} names boards no longer in the registry ({', '.join(missing)}):"
            " re-run the plan task"
        )
    return [by_board[b] for b in shard.boards]


def interleave(shards: list[Shard]) -> list[Shard]:
    """Round-robin over sources: the first shard of each source, then the second, ..."""
    by_source: dict[str, list[Shard]] = defaultdict(list)
    for shard in shards:
        by_source[shard.source].append(shard)
    queues = [by_source[s] for s in sorted(by_source)]
    return [q[i] for i in range(max(map(len, queues), default=0)) for q in queues if i < len(q)]


def shards_dir(root: Path, day: date) -> Path:
    return paths.partition(root, "reports", day) / SHARDS_DIR


def _write_json(path: Path, obj: Any) -> None:
    with atomic_open(path) as fh:
        fh.write(orjson.dumps(obj, option=orjson.OPT_INDENT_2, default=str))


def prepare_day(root: Path, day: date, shards: list[Shard]) -> dict[str, Any]:
    """Forget every earlier crawl of ``day`` and record this plan; returns the manifest.

    The date's bronze parts, shard reports and step reports go; its Parquet partitions stay
    until the steps of this run replace them.
    """
    removed = [str(p) for p in paths.bronze_files(root, day)]
    for part in paths.bronze_files(root, day):
        part.unlink()
    shutil.rmtree(shards_dir(root, day), ignore_errors=True)
    for step in STEP_REPORTS:  # a failed re-run must not look like the earlier, published one
        paths.report_file(root, day, step).unlink(missing_ok=True)
    manifest = {"date": day.isoformat(), "shards": [s.to_dict() for s in shards]}
    _write_json(shards_dir(root, day) / MANIFEST, manifest)
    return {**manifest, "removed_stale_parts": removed}


def read_manifest(root: Path, day: date) -> list[Shard]:
    path = shards_dir(root, day) / MANIFEST
    if not path.exists():
        raise ShardError(f"no shard plan for {day} at {path}: run the plan task for {day} first")
    return [Shard.from_dict(s) for s in orjson.loads(path.read_bytes())["shards"]]


def _count_bronze(path: Path) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """Postings per board, and errors per board and reason, in one bronze part."""
    from transforms.normalize import iter_bronze

    postings: Counter[str] = Counter()
    errors: dict[str, Counter[str]] = defaultdict(Counter)
    for _, _, record in iter_bronze([path] if path.exists() else []):
        if isinstance(record, str):
            continue  # unreadable line: normalize rejects it into quarantine with the reason
        if record.get("record_type") == "error":
            errors[str(record.get("board"))][str(record.get("reason"))] += 1
        else:
            postings[str(record.get("board"))] += 1
    return postings, errors


def crawl_shard(
    day: date, settings: Settings, registry: Registry, shard: Shard, timeout: float | None = None
) -> dict[str, Any]:
    """Crawl one shard into its own bronze part and write its shard report.

    Board failures (HTTP errors, bad payloads) are error records in the bronze part, not
    exceptions; an exception means the crawl process itself failed or did not finish (e.g. it
    ran past ``timeout`` seconds) and the shard should be retried. On failure the reason is
    written beside the shard report.
    """
    from jobpipe.crawl import run_spider

    root = settings.data_root
    bronze = paths.bronze_file(root, shard.source, day, shard.part)
    folder = shards_dir(root, day)
    failure = folder / f"{shard.shard_id}.failed.json"
    refs = shard_refs(registry, shard)
    companies = {r.target: r.company for r in refs if r.company}
    settings_overrides: dict[str, Any] = {
        "USER_AGENT": settings.user_agent,
        "CONCURRENT_REQUESTS_PER_DOMAIN": settings.concurrency_per_domain,
        "JOBPIPE_STATE_DIR": str(root / "state"),  # incremental crawling (spiders.incremental)
        "JOBPIPE_COMPANIES": orjson.dumps(companies).decode(),
    }
    if timeout:  # Scrapy closes the spider after this long; the shard then counts as failed
        settings_overrides["CLOSESPIDER_TIMEOUT"] = timeout
    try:
        result = run_spider(
            shard.source,
            boards=[r.target for r in refs],
            base_url=registry.board_base_url(refs[0], day),
            bronze_path=bronze,
            log_path=folder / f"{shard.shard_id}.log",
            settings=settings_overrides,
        )
        reason = result.stats.get("finish_reason")
        if reason != "finished":  # a partial crawl would publish some boards' postings only
            bronze.unlink(missing_ok=True)
            hint = f" (shard_timeout {timeout:g} s)" if reason == "closespider_timeout" else ""
            raise ShardError(
                f"crawl of shard {shard.shard_id} ended with {reason!r}{hint}, not 'finished': "
                "its bronze part was discarded"
            )
    except Exception as exc:
        _write_json(failure, {"shard": shard.shard_id, "reason": f"{type(exc).__name__}: {exc}"})
        raise
    postings, errors = _count_bronze(bronze)
    stats = result.stats
    report = {
        **shard.to_dict(),
        "shard": shard.shard_id,
        "date": day.isoformat(),
        "bronze": str(bronze),
        "postings": sum(postings.values()),
        "errors": sum(sum(c.values()) for c in errors.values()),
        "postings_by_board": dict(postings),
        "errors_by_board": {b: dict(c) for b, c in errors.items()},
        "requests": stats.get("downloader/request_count", 0),
        "retries": stats.get("retry/count", 0),
        "finish_reason": stats.get("finish_reason"),
        # what the board crawl log needs (jobpipe.board_log.board_rows)
        "board_stats": {k: stats.get(k) for k in BOARD_STATS},
        "companies": {r.board: r.company for r in refs if r.company},
    }
    _write_json(folder / f"{shard.shard_id}.json", report)
    failure.unlink(missing_ok=True)
    return report


def collect_shards(root: Path, day: date) -> dict[str, Any]:
    """Keep the bronze parts of the shards that succeeded; write the date's crawl report.

    Parts of failed shards and parts that are not in the plan are removed, so normalize reads
    exactly what the report describes. Raises ShardError when no shard succeeded.
    """
    shards = read_manifest(root, day)
    folder = shards_dir(root, day)
    done: dict[str, dict[str, Any]] = {}
    failed: list[dict[str, Any]] = []
    for shard in shards:
        report_path = folder / f"{shard.shard_id}.json"
        if report_path.exists():
            done[shard.shard_id] = orjson.loads(report_path.read_bytes())
            continue
        failure = folder / f"{shard.shard_id}.failed.json"
        reason = (
            orjson.loads(failure.read_bytes())["reason"]
            if failure.exists()
            else "no shard report: the task did not finish (killed, timed out or never ran)"
        )
        failed.append({**shard.to_dict(), "shard": shard.shard_id, "reason": reason})
    keep = {paths.bronze_file(root, s.source, day, s.part) for s in shards if s.shard_id in done}
    dropped = [str(p) for p in paths.bronze_files(root, day) if p not in keep]
    for part in dropped:
        Path(part).unlink()
    sources: dict[str, dict[str, Any]] = {}
    for shard in shards:
        entry = sources.setdefault(
            shard.source,
            {"boards": 0, "postings": 0, "errors": 0, "requests": 0, "retries": 0,
             "shards": 0, "failed_shards": 0, "postings_by_board": {}, "errors_by_board": {}},
        )  # fmt: skip
        entry["shards"] += 1
        report = done.get(shard.shard_id)
        if report is None:
            entry["failed_shards"] += 1
            continue
        entry["boards"] += len(shard.boards)
        for key in ("postings", "errors", "requests", "retries"):
            entry[key] += report[key]
        entry["postings_by_board"].update(report["postings_by_board"])
        entry["errors_by_board"].update(report["errors_by_board"])
    _write_board_log(root, day, shards, done, failed)
    crawl_report = {
        "date": day.isoformat(),
        "sources": sources,
        "shards": {"planned": len(shards), "succeeded": sorted(done), "failed": failed},
        "dropped_parts": dropped,
    }
    _write_json(paths.report_file(root, day, "crawl"), crawl_report)
    if not done:
        raise ShardError(
            f"all {len(shards)} crawl shards of {day} failed; nothing to publish: "
            + "; ".join(f"{f['shard']}: {f['reason']}" for f in failed[:5])
        )
    return crawl_report


def _write_board_log(
    root: Path,
    day: date,
    shards: list[Shard],
    done: dict[str, dict[str, Any]],
    failed: list[dict[str, Any]],
) -> None:
    """One ``board_crawls`` row per planned board: what the warehouse lifecycle trusts."""
    from jobpipe.atomic import write_parquet_partition
    from jobpipe.board_log import BronzeCounts, board_log_table, board_rows, count_bronze

    reasons = {f["shard"]: f["reason"] for f in failed}
    rows: list[dict[str, Any]] = []
    for shard in shards:
        report = done.get(shard.shard_id)
        names = (report or {}).get("companies") or {}
        refs = [BoardRef(shard.source, b, names.get(b)) for b in shard.boards]
        if report is None:
            rows += board_rows(refs, day, BronzeCounts(), None, reasons.get(shard.shard_id, "?"))
            continue
        counts = count_bronze([paths.bronze_file(root, shard.source, day, shard.part)])
        stats = {k: v for k, v in (report.get("board_stats") or {}).items() if v is not None}
        rows += board_rows(refs, day, counts, stats)
    write_parquet_partition(board_log_table(rows), paths.parquet_file(root, "board_crawls", day))
