"""Mart query latency and peak memory, and daily incremental publish time, on a data root.

    .venv/bin/python benchmarks/synthetic_history.py --root /tmp/synth --versions 10000000
    taskset -c 1 .venv/bin/python benchmarks/marts_latency.py --root /tmp/synth

Each mart query (``select * from <mart>``, fetched in full as Arrow) runs ``--repeat`` times
in its own process, so ``peak_rss_mb`` is that process's peak resident memory (Python +
DuckDB + result). The incremental publish derives the day after the last state (written by
the generator) from that state and that day's postings, in a fresh process, after imports.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

# What a dashboard asks: aggregate marts in full; row-level marts aggregated or filtered
# (fetching a million rows measures the client, not the warehouse).
QUERIES = {
    "postings_current": "select company, count(*) as n from postings_current group by 1",
    "posting_lifecycle": (
        "select company, count(*) filter (where is_active) as active, avg(days_open) as days, "
        "sum(reopen_count) as reopens from posting_lifecycle group by 1"
    ),
    "posting_history_pay_on_date": (
        "select posting_id, title, salary_min, salary_max from posting_history "
        "where valid_from <= date '2026-11-15' "
        "and (valid_to > date '2026-11-15' or valid_to is null) and title_family = 'data engineer'"
    ),
    "distinct_jobs": (
        "select count(*) as jobs, count(*) filter (where is_active) as active, "
        "sum(reposts) as reposts from distinct_jobs"
    ),
    **{
        m: f"select * from {m}"
        for m in (
            "daily_activity_by_company",
            "daily_activity_by_country",
            "daily_activity_by_title_family",
            "salary_percentiles",
            "skills_demand_weekly",
            "time_to_close",
            "pay_transparency",
        )
    },
}

_QUERY = """
import json, resource, statistics, sys, time, duckdb
db, sql, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
con = duckdb.connect(db, read_only=True)
con.execute("set threads = 2")
times, rows = [], 0
for _ in range(repeat):
    t = time.perf_counter()
    rows = con.sql(sql).to_arrow_table().num_rows
    times.append(time.perf_counter() - t)
print(json.dumps({"median_s": statistics.median(times), "max_s": max(times), "rows": rows,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

_PUBLISH = """
import json, resource, sys, time
from datetime import date
from pathlib import Path
import duckdb, pandas, pyarrow  # imports outside the timing
from warehouse.build import build_warehouse
from warehouse.derived import derive_day
root, day, prev = Path(sys.argv[1]), *map(date.fromisoformat, sys.argv[2:4])
t = time.perf_counter()
stats = derive_day(root, day, prev)
derive = time.perf_counter() - t
t = time.perf_counter()
build_warehouse(root)
build = time.perf_counter() - t
print(json.dumps({"derive_s": derive, "build_views_s": build, **stats,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _run(code: str, *args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code, *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def _days(root: Path) -> tuple[str, str]:
    """The last postings date and the latest state before it (the generator's last day)."""
    nxt = sorted((root / "postings").glob("dt=*"))[-1].name.removeprefix("dt=")
    states = [p.name.removeprefix("dt=") for p in (root / "posting_state").glob("dt=*")]
    return nxt, max(s for s in states if s < nxt)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, required=True)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument(
        "--publish",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="Also time the incremental publish of the next day (rewrites it).",
    )
    args = ap.parse_args()
    out: dict = {"root": str(args.root)}
    if args.publish:
        nxt, prev = _days(args.root)
        out["incremental_publish"] = _run(_PUBLISH, str(args.root), nxt, prev)
        print(json.dumps(out["incremental_publish"]), flush=True)
    else:
        from warehouse.build import build_warehouse

        t = time.perf_counter()
        build_warehouse(args.root)
        out["build_views_s"] = time.perf_counter() - t
    db = str(args.root / "warehouse.duckdb")
    out["queries"] = {}
    out["sql"] = QUERIES
    for name, sql in QUERIES.items():
        result = _run(_QUERY, db, sql, str(args.repeat))
        out["queries"][name] = result
        print(
            f"{name:<32} median {result['median_s']:.3f} s  max {result['max_s']:.3f} s  "
            f"rows {result['rows']:>9}  peak {result['peak_rss_mb']:.0f} MB",
            flush=True,
        )
    medians = [q["median_s"] for q in out["queries"].values()]
    out["slowest_median_s"] = max(medians)
    out["median_of_medians_s"] = statistics.median(medians)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
