"""Helpers for spider tests: crawl a local server in a child process, read the bronze back."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

from jobpipe.demo import DemoBoardServer, Market
from jobpipe.demo.homes import base_urls
from transforms.normalize import iter_bronze, normalize_records

FAST = {
    "JOBPIPE_BACKOFF_BASE": "0.05",
    "AUTOTHROTTLE_START_DELAY": "0",
    "DOWNLOAD_DELAY": "0",
    "RETRY_TIMES": "1",
}
DAY = date(2026, 11, 1)


def crawl(
    spider: str,
    boards: list[str],
    base_url: str,
    tmp_path: Path,
    args: dict[str, str] | None = None,
    **settings: str,
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Run ``spider`` over ``boards`` (``args``: extra ``-a`` arguments) in a child process.

    Returns the bronze records and the crawl stats; the child is killed after 90 s.
    """
    bronze = tmp_path / f"{spider}.jsonl.gz"
    stats_path = tmp_path / f"{spider}.stats.json"
    overrides = {
        **FAST,
        "JOBPIPE_BRONZE_PATH": str(bronze),
        "JOBPIPE_STATS_PATH": str(stats_path),
        "LOG_FILE": str(tmp_path / f"{spider}.log"),
        **settings,
    }
    cmd = [sys.executable, "-m", "scrapy", "crawl", spider]
    cmd += ["-a", f"boards={','.join(boards)}", "-a", f"base_url={base_url}"]
    for key, value in (args or {}).items():
        cmd += ["-a", f"{key}={value}"]
    for key, value in overrides.items():
        cmd += ["-s", f"{key}={value}"]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "spiders.settings"}
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stderr[-2000:]
    with gzip.open(bronze, "rb") as fh:
        records = [json.loads(line) for line in fh]
    return records, json.loads(stats_path.read_text())


def demo_base_url(server: DemoBoardServer, source: str, day: date = DAY) -> str:
    return base_urls(server.url)[source].replace("{date}", day.isoformat())


def postings(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in records if r["record_type"] == "posting"]


def errors(records: list[dict[str, Any]]) -> dict[str, set[str]]:
    """Error reasons by board."""
    out: dict[str, set[str]] = {}
    for r in records:
        if r["record_type"] == "error":
            out.setdefault(r["board"], set()).add(r["reason"])
    return out


def by_board(records: list[dict[str, Any]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in postings(records):
        out[r["board"]] = out.get(r["board"], 0) + 1
    return out


def replay(bronze: Path, day: date = DAY) -> list[dict[str, Any]]:
    """Normalize a bronze file; fails if any posting record cannot be replayed."""
    result = normalize_records(iter_bronze([bronze]), day)
    assert result.rejects == [], result.rejects[:3]
    return result.table.to_pylist()


def truth(market: Market, board: str, key: Any, day: date = DAY) -> dict[str, Any]:
    """The market's postings of a board that day, by ``key(posting)`` (the platform's id)."""
    return {str(key(p)): p for p in market.postings(board, day)}
