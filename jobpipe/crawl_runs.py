"""Many boards at once: plan spider processes, run them in parallel (bounded), merge results.

Boards are grouped by source and API root (one ``scrapy crawl`` can only talk to one root),
and large groups are split into shards of at most ``boards_per_process`` boards. At most
``processes`` spider processes run at a time; processes that talk to the same host share the
per-host concurrency budget, so parallelism never multiplies the load on one host.
Each process writes a hidden shard file; the shards of a source are then concatenated (gzip
members) into the source's one bronze file, atomically. A process that crashes turns into one
error record per board it was crawling (``crawl_process_failed``), so nothing goes missing.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import orjson

from jobpipe import paths
from jobpipe.atomic import atomic_open
from jobpipe.crawl import CrawlFailed, ProgressFn, run_spider
from jobpipe.registry import BoardRef, Registry
from spiders.ats.base import utc_now_iso

DEFAULT_PROCESSES = 2
DEFAULT_BOARDS_PER_PROCESS = 250


def crawl_processes() -> int:
    """Spider processes run at the same time (``JOBPIPE_CRAWL_PROCESSES``, default 2)."""
    return max(1, int(os.environ.get("JOBPIPE_CRAWL_PROCESSES") or DEFAULT_PROCESSES))


def boards_per_process() -> int:
    """Largest shard (``JOBPIPE_BOARDS_PER_PROCESS``, default 250)."""
    return max(1, int(os.environ.get("JOBPIPE_BOARDS_PER_PROCESS") or DEFAULT_BOARDS_PER_PROCESS))


@dataclass
class SpiderRun:
    """One ``scrapy crawl`` child: a source, an API root and some of its boards."""

    source: str
    base_url: str
    refs: list[BoardRef]
    shard: int
    bronze: Path  #: hidden shard file, merged into the source's bronze file afterwards
    log: Path
    per_domain: int = 8
    stats: dict[str, Any] = field(default_factory=dict)
    error: str | None = None  #: why the process failed, when it did


def plan_runs(
    registry: Registry,
    day: date,
    root: Path,
    *,
    per_process: int | None = None,
    processes: int | None = None,
    per_domain: int = 8,
) -> list[SpiderRun]:
    """Spider processes for every registry board, shards of at most ``per_process`` boards."""
    per_process = per_process or boards_per_process()
    processes = processes or crawl_processes()
    runs: list[SpiderRun] = []
    shard_no: dict[str, int] = {}
    for (source, base_url), refs in registry.groups(day).items():
        for start in range(0, len(refs), per_process):
            k = shard_no.get(source, 0)
            shard_no[source] = k + 1
            suffix = "" if k == 0 else f"-{k}"
            log = paths.report_file(root, day, f"crawl-{source}{suffix}").with_suffix(".log")
            bronze = paths.bronze_dir(root, source, day) / f".shard-{k}.jsonl.gz"
            runs.append(SpiderRun(source, base_url, refs[start : start + per_process], k,
                                  bronze, log))  # fmt: skip
    # runs against one host at the same time share that host's concurrency budget
    hosts: dict[str, int] = {}
    for run in runs:
        host = urlsplit(run.base_url).netloc
        hosts[host] = hosts.get(host, 0) + 1
    for run in runs:
        sharing = min(processes, hosts[urlsplit(run.base_url).netloc])
        run.per_domain = max(1, per_domain // sharing)
    return runs


class _Progress:
    """Sums the progress lines of parallel processes into one stream."""

    def __init__(self, progress: ProgressFn | None) -> None:
        self.progress = progress
        self.states: dict[int, dict[str, Any]] = {}
        self.lock = threading.Lock()

    def for_run(self, i: int) -> ProgressFn | None:
        if self.progress is None:
            return None

        def update(state: dict[str, Any]) -> None:
            with self.lock:
                self.states[i] = state
                total = {
                    k: sum(int(s.get(k, 0)) for s in self.states.values())
                    for k in ("discovered", "postings", "errors")
                }
                assert self.progress is not None
                self.progress(total)

        return update


def run_all(
    runs: list[SpiderRun],
    settings: dict[str, Any],
    *,
    processes: int | None = None,
    progress: ProgressFn | None = None,
    runner: Callable[..., Any] = run_spider,
) -> list[SpiderRun]:
    """Run every spider process, at most ``processes`` at a time; failures are kept per run."""
    merged = _Progress(progress)

    def one(i: int, run: SpiderRun) -> SpiderRun:
        try:
            result = runner(
                run.source,
                boards=[r.target for r in run.refs],
                base_url=run.base_url,
                bronze_path=run.bronze,
                log_path=run.log,
                settings={
                    **settings,
                    "CONCURRENT_REQUESTS_PER_DOMAIN": run.per_domain,
                    # Lever/Ashby payloads do not name the employer: the registry does
                    "JOBPIPE_COMPANIES": orjson.dumps(
                        {r.target: r.company for r in run.refs if r.company}
                    ).decode(),
                },
                progress=merged.for_run(i),
            )
            run.stats = result.stats
            if not run.bronze.exists():
                reason = run.stats.get("finish_reason")
                run.error = f"scrapy crawl {run.source} ended with {reason!r} and wrote no bronze"
        except (CrawlFailed, OSError) as exc:
            run.error = str(exc)
        return run

    for run in runs:
        run.bronze.unlink(missing_ok=True)  # a shard left by an earlier, interrupted crawl

    with ThreadPoolExecutor(max_workers=processes or crawl_processes()) as pool:
        return list(pool.map(one, range(len(runs)), runs))


def write_process_failure(run: SpiderRun) -> None:
    """Error records (one per board) for a process that crashed, as its shard file."""
    import gzip

    first = (run.error or "").strip().splitlines()[0][:300] if run.error else ""
    run.bronze.parent.mkdir(parents=True, exist_ok=True)
    with atomic_open(run.bronze) as raw, gzip.GzipFile(fileobj=raw, mode="wb") as fh:
        for ref in run.refs:
            record = {
                "record_type": "error",
                "source": run.source,
                "board": ref.board,
                "request_url": run.base_url,
                "reason": "crawl_process_failed",
                "detail": first if str(run.log) in first else f"{first} (log: {run.log})",
                "http_status": None,
                "fetched_at": utc_now_iso(),
                "source_job_id": None,
                "excerpt": None,
                "payload": None,
            }
            fh.write(orjson.dumps(record) + b"\n")


def merge_shards(shards: list[Path], target: Path) -> Path:
    """Concatenate gzip shard files into ``target`` atomically, then delete the shards."""
    with atomic_open(target) as out:
        for shard in shards:
            if shard.exists():
                with open(shard, "rb") as fh:
                    shutil.copyfileobj(fh, out, 1 << 20)
    for shard in shards:
        shard.unlink(missing_ok=True)
    return target
