"""Benchmark: crawl throughput on loopback, first crawl and an unchanged re-crawl, vs scrapy bench.

    .venv/bin/python benchmarks/crawl_throughput.py [--boards 1000] [--jobs-per-board 50]
        [--processes 2] [--json out.json] [--no-bench]

Starts the demo job board (Greenhouse wire format) in its own process, crawls every board with
the crawl step exactly as shipped (polite settings, parallel spider processes, incremental state
under a temporary data root), then crawls the same day again: nothing changed, so the second
crawl should make no detail requests. Then runs ``scrapy bench`` (Scrapy's own loopback
benchmark, stock settings) for comparison. One run; figures are rates from this machine.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path
from typing import Any

from jobpipe import steps
from jobpipe.config import load_settings
from jobpipe.demo import Market
from jobpipe.registry import BoardRef, Registry

DAY = date(2026, 11, 1)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_demo_board(boards: int, jobs: int, seed: int) -> tuple[subprocess.Popen, str]:
    """The demo board in a child process (its own GIL); returns the process and its URL."""
    port = _free_port()
    cmd = [str(Path(sys.executable).parent / "jobpipe"), "demo-board", "--port", str(port),
           "--boards", str(boards), "--jobs-per-board", str(jobs), "--seed", str(seed)]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/robots.txt", timeout=1).read()
            return proc, url
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                raise RuntimeError("demo board did not start") from None
            time.sleep(0.2)


def crawl_once(registry: Registry, root: Path) -> dict[str, Any]:
    settings = load_settings(root)
    started = time.perf_counter()
    report = steps.crawl(DAY, settings, registry)
    seconds = time.perf_counter() - started
    gh = report["sources"]["greenhouse"]
    postings = gh["postings"]
    return {
        "seconds": round(seconds, 2),
        "postings": postings,
        "errors": gh["errors"],
        "boards_failed": gh["boards_failed"],
        "requests": gh["requests"],
        "detail_requests": gh["detail_requests"],
        "details_reused": gh["details_reused"],
        "processes": gh["processes"],
        "postings_per_second": round(postings / seconds, 1) if seconds else None,
        "requests_per_posting": round(gh["requests"] / postings, 3) if postings else None,
        "responses_by_status": gh["responses_by_status"],
        # the largest spider process so far (waited-for children only, so not the demo board)
        "max_child_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
    }


def scrapy_bench(seconds: int) -> dict[str, Any]:
    """``scrapy bench`` with stock settings; the best pages/min it logs."""
    env = {k: v for k, v in os.environ.items() if k != "SCRAPY_SETTINGS_MODULE"}
    with tempfile.TemporaryDirectory() as cwd:
        out = subprocess.run(
            [sys.executable, "-m", "scrapy", "bench", "-s", f"CLOSESPIDER_TIMEOUT={seconds}"],
            capture_output=True, text=True, env=env, cwd=cwd, timeout=seconds + 120,
        )  # fmt: skip
    rates = [int(m) for m in re.findall(r"at (\d+) pages/min", out.stderr)]
    pages = re.search(r"'response_received_count': (\d+)", out.stderr)
    return {
        "seconds": seconds,
        "pages_per_minute_max": max(rates) if rates else None,
        "pages_per_second_max": round(max(rates) / 60, 1) if rates else None,
        "responses": int(pages.group(1)) if pages else None,
        "pages_per_second_mean": round(int(pages.group(1)) / seconds, 1) if pages else None,
    }


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boards", type=int, default=1000)
    parser.add_argument("--jobs-per-board", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--processes", type=int, default=2, help="JOBPIPE_CRAWL_PROCESSES")
    parser.add_argument("--bench-seconds", type=int, default=20)
    parser.add_argument("--no-bench", action="store_true", help="Skip scrapy bench.")
    parser.add_argument("--json", type=Path, help="Also write the results here.")
    args = parser.parse_args(argv)

    os.environ["JOBPIPE_CRAWL_PROCESSES"] = str(args.processes)
    market = Market(seed=args.seed, boards=args.boards, jobs_per_board=args.jobs_per_board)
    server, url = start_demo_board(args.boards, args.jobs_per_board, args.seed)
    results: dict[str, Any] = {
        "boards": args.boards,
        "jobs_per_board": args.jobs_per_board,
        "processes": args.processes,
        "cpus": len(os.sched_getaffinity(0)),
    }
    try:
        registry = Registry(
            [BoardRef("greenhouse", t, market.company_name(t)) for t in market.board_tokens()],
            {"greenhouse": f"{url}/d/{{date}}"},
        )
        with tempfile.TemporaryDirectory(prefix="jobpipe-bench-") as tmp:
            root = Path(tmp)
            results["first"] = crawl_once(registry, root)
            print("first crawl:", json.dumps(results["first"]), flush=True)
            results["second"] = crawl_once(registry, root)
            print("unchanged re-crawl:", json.dumps(results["second"]), flush=True)
            results["state_bytes"] = _du(root / "state")
            results["bronze_bytes"] = _du(root / "bronze")
    finally:
        server.terminate()
        server.wait(timeout=10)
    if not args.no_bench:
        results["scrapy_bench"] = scrapy_bench(args.bench_seconds)
        print("scrapy bench:", json.dumps(results["scrapy_bench"]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
