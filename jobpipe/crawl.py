"""Run one platform's spider in a child process and follow its progress.

Scrapy's Twisted reactor cannot be restarted inside a process, and Airflow's ``dag.test()``
and ``jobpipe run`` crawl several times per process, so every crawl is a fresh
``python -m scrapy crawl`` child. The child writes the bronze file (atomically) and a stats
file; the parent reads progress lines from its stdout.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from spiders.progress import PREFIX

ProgressFn = Callable[[dict[str, Any]], None]


class CrawlFailed(RuntimeError):
    """The crawl process itself failed (not a board: board failures are recorded as errors)."""


@dataclass
class CrawlProcessResult:
    returncode: int
    stats: dict[str, Any]
    log_path: Path


def run_spider(
    spider: str,
    *,
    boards: list[str],
    base_url: str,
    bronze_path: Path,
    log_path: Path,
    settings: dict[str, Any] | None = None,
    progress: ProgressFn | None = None,
    timeout: float | None = None,
) -> CrawlProcessResult:
    """Crawl ``boards`` with ``spider`` into ``bronze_path``; raise CrawlFailed on a crash."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    stats_path = log_path.with_suffix(".stats.json")
    stats_path.unlink(missing_ok=True)
    overrides = {
        "JOBPIPE_BRONZE_PATH": str(bronze_path),
        "JOBPIPE_STATS_PATH": str(stats_path),
        "JOBPIPE_PROGRESS": "1",
        "LOG_FILE": str(log_path),
        "LOG_FILE_APPEND": "False",
        **(settings or {}),
    }
    cmd = [sys.executable, "-m", "scrapy", "crawl", spider]
    cmd += ["-a", f"boards={','.join(boards)}", "-a", f"base_url={base_url}"]
    for key, value in overrides.items():
        cmd += ["-s", f"{key}={value}"]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "spiders.settings"}
    with subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True
    ) as proc:
        assert proc.stdout is not None
        other: list[str] = []
        for line in proc.stdout:
            if line.startswith(PREFIX):
                if progress is not None:
                    progress(orjson.loads(line[len(PREFIX) :]))
            elif line.strip():
                other.append(line.rstrip())
        returncode = proc.wait(timeout=timeout)
    stats = orjson.loads(stats_path.read_bytes()) if stats_path.exists() else {}
    if returncode != 0 or not stats:
        tail = "\n".join(other[-20:]) or _tail(log_path)
        raise CrawlFailed(f"scrapy crawl {spider} exited with {returncode}; see {log_path}\n{tail}")
    return CrawlProcessResult(returncode, stats, log_path)


def _tail(path: Path, lines: int = 20) -> str:
    if not path.exists():
        return ""
    return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
