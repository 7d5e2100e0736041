"""Monthly compaction on a synthetic history: files per layer, compaction time, view build
time and mart latency before (on the daily root, read only) and after (on a compacted copy).

    cp -r /tmp/synth10 /tmp/synth10-compacted
    taskset -c 1 .venv/bin/python benchmarks/compaction.py --root /tmp/synth10 \\
        --copy /tmp/synth10-compacted

The daily root is only read: its views are built into a temporary file. Each query runs
``--repeat`` times in its own process (as ``benchmarks/marts_latency.py``); the median is kept.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from marts_latency import _QUERY, _run  # benchmarks/ is on sys.path
from marts_latency import QUERIES as DASHBOARD

from warehouse.build import build_warehouse
from warehouse.compact import compact
from warehouse.derived_schema import DERIVED_LAYERS

# two aggregate marts over daily_* layers, and pay on a date over all posting_versions
QUERIES = {
    m: DASHBOARD[m]
    for m in ("skills_demand_weekly", "time_to_close", "posting_history_pay_on_date")
}


def files_per_layer(root: Path) -> dict[str, int]:
    return {layer: sum(1 for _ in (root / layer).glob("*/*.parquet")) for layer in DERIVED_LAYERS}


def _timed_build(root: Path, target: Path) -> float:
    t = time.perf_counter()
    build_warehouse(root, target)
    return time.perf_counter() - t


def _queries(db: Path, repeat: int) -> dict[str, Any]:
    """Median and max seconds per query (not peak RSS: a child started after the compaction
    inherits this process's peak on Linux)."""
    out = {}
    for name, sql in QUERIES.items():
        result = _run(_QUERY, str(db), sql, str(repeat))
        out[name] = {k: v for k, v in result.items() if k != "peak_rss_mb"}
    return out


def measure(root: Path, copy: Path, keep_days: int, repeat: int) -> dict[str, Any]:
    out: dict[str, Any] = {"files_before": files_per_layer(root)}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "warehouse.duckdb"
        out["build_views_before_s"] = _timed_build(root, db)
        out["queries_before"] = _queries(db, repeat)
    t = time.perf_counter()
    report = compact(copy, keep_days=keep_days)
    out["compact_s"] = time.perf_counter() - t
    out["months_merged"] = {k: len(v["months"]) for k, v in report["layers"].items()}
    out["files_after"] = files_per_layer(copy)
    out["build_views_after_s"] = _timed_build(copy, copy / "warehouse.duckdb")
    out["queries_after"] = _queries(copy / "warehouse.duckdb", repeat)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, required=True, help="Daily data root (only read).")
    ap.add_argument("--copy", type=Path, required=True, help="A copy of it to compact.")
    ap.add_argument("--keep-days", type=int, default=35)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if not args.copy.exists():
        raise SystemExit(f"{args.copy} does not exist: cp -r {args.root} {args.copy} first")
    print(json.dumps(measure(args.root, args.copy, args.keep_days, args.repeat), indent=2))


if __name__ == "__main__":
    main()
