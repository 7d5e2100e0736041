"""Benchmark: enrichment throughput on one core over demo postings with ~4 KB HTML.

    .venv/bin/python benchmarks/enrich_throughput.py [--postings 100000] [--json out.json]

Reports postings per second for the whole enrichment (HTML → text included), by wall clock
and by the CPU time the process got (the fairer figure on a shared machine), peak memory, and
where the time goes (each extractor timed separately on a sample). One run, one core: figures
are rates from this machine, not a unit test. Peak RSS includes the generated postings, which
are all held in memory (about 4 KB of HTML each).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from jobpipe.demo import Market
from transforms import classify
from transforms.enrich import as_text, enrich
from transforms.locations import parse_locations
from transforms.salary_text import parse_salary
from transforms.skills import extract_skills

TARGET_HTML = 4000


def demo_postings(count: int, seed: int) -> list[dict[str, Any]]:
    """``count`` demo postings whose HTML is padded to about 4 KB with another description."""
    boards = max(1, count // 25)
    market = Market(seed=seed, boards=boards, jobs_per_board=25)
    out: list[dict[str, Any]] = []
    day = date(2026, 11, 1)
    while len(out) < count:
        for token in market.board_tokens():
            for p in market.postings(token, day):
                out.append(
                    {
                        "title": p.title,
                        "html": p.description_html,
                        "location": [loc.raw for loc in p.locations],
                    }
                )
        day += timedelta(days=30)
    out = out[:count]
    for i, post in enumerate(out):
        other = out[(i * 7919 + 1) % len(out)]["html"]
        if len(post["html"]) < TARGET_HTML:
            post["html"] += other[: TARGET_HTML - len(post["html"])]
    return out


def _timed(fn: Callable[..., Any], calls: list[tuple[Any, ...]]) -> float:
    start = time.perf_counter()
    for args in calls:
        fn(*args)
    return time.perf_counter() - start


def breakdown(posts: list[dict[str, Any]]) -> dict[str, float]:
    """Milliseconds of CPU time per posting spent in each step, timed call by call in enrich's
    order (CPU time, so other processes on a shared machine do not inflate it; each reading
    costs well under a microsecond).

    ``rule_scan`` is the one Aho-Corasick pass (plus the regexes tried at its hits) that the
    text classifiers share; it is timed on its own, so the classifiers after it show only
    their own work.
    """
    clock = time.process_time
    totals: dict[str, float] = {}

    def timed(name: str, fn: Callable[..., Any], *args: Any) -> Any:
        start = clock()
        out = fn(*args)
        totals[name] = totals.get(name, 0.0) + clock() - start
        return out

    rules = classify._ruleset()
    for p in posts:
        text = timed("html_to_text", as_text, p["html"])
        timed("locations", parse_locations, p["location"])
        timed("salary", parse_salary, text)
        timed("rule_scan", rules.scan, text)
        timed("experience", classify.experience_years, text)
        timed("workplace", classify.workplace_type, text)
        timed("employment", classify.employment_type, text)
        timed("seniority", classify.seniority, p["title"], text)
        timed("education", classify.education_level, text)
        timed("visa", classify.visa_sponsorship, text)
        timed("skills", extract_skills, text)
        timed("language", classify.language, text)
    return {k: v * 1000 / len(posts) for k, v in totals.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--sample", type=int, default=5_000, help="postings for the breakdown")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    posts = demo_postings(args.postings, args.seed)
    made = time.perf_counter() - t0
    avg_html = sum(len(p["html"]) for p in posts) / len(posts)
    # One-time start-up (taxonomy automaton, rule set, GeoNames index, CLD2) is timed apart
    # from the rate: a posting with a location field loads every index.
    t1 = time.perf_counter()
    enrich(
        title="warm-up",
        description="<p>Python, $100,000 a year, Berlin</p>",
        location_raw=posts[0]["location"] if posts else ["Berlin, Germany"],
    )
    startup = time.perf_counter() - t1
    start, cpu_start = time.perf_counter(), time.process_time()
    for p in posts:
        enrich(title=p["title"], description=p["html"], location_raw=p["location"])
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start  # on a shared machine, the time this process ran
    result = {
        "postings": len(posts),
        "avg_html_bytes": round(avg_html),
        "seconds": round(elapsed, 2),
        "postings_per_second": round(len(posts) / elapsed),
        "cpu_seconds": round(cpu, 2),
        "postings_per_cpu_second": round(len(posts) / cpu),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "ms_per_posting_by_step": {
            k: round(v, 3) for k, v in breakdown(posts[: args.sample]).items()
        },
        "startup_seconds": round(startup, 2),
        "generation_seconds": round(made, 1),
        "python": sys.version.split()[0],
    }
    print(json.dumps(result, indent=2))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(result, fh, indent=2)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
