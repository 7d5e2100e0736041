"""Benchmark: validating 1,000,000 clean postings vs normalizing them.

    taskset -c 1 .venv/bin/python benchmarks/validate_throughput.py [--rows 1000000]
        [--sample 3000] [--json out.json]

1. Builds ``--sample`` bronze records in the Greenhouse wire format from the demo market
   (list entry + detail with pay, ~2–4 KB of HTML each) and times the normalize step's work on
   them: the bronze suite (:func:`expectations.bronze.check_bronze`) and extraction plus
   enrichment (:func:`transforms.normalize.normalize_records`). Normalize is about 1 ms a
   posting, so it is measured on the sample and scaled to ``--rows`` (a rate, said so in the
   output).
2. Keeps the sample rows the silver suite accepts (clean postings) and repeats them to
   ``--rows`` rows with unique ``posting_id`` (repeated Arrow chunks share their buffers, so
   the text is not copied; every row is still validated).
3. Times what the validate step computes on those rows: the silver suite with row
   attribution (:func:`expectations.validate.validate_postings`) and the batch checks
   (metrics + batch suite).

Reports CPU and wall seconds, rows per second, peak RSS and the ratio validation ÷ normalize
(target ≤ 0.5). CPU time is the figure to trust on a shared machine. One run on whatever
cores it is pinned to: figures from this machine, not a unit test.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa

DAY = date(2026, 11, 1)


def bronze_records(count: int, seed: int = 11) -> list[dict[str, Any]]:
    """``count`` bronze posting records as the Greenhouse spider writes them."""
    from jobpipe.demo import Market
    from jobpipe.demo.greenhouse import job_detail, job_json

    market = Market(seed=seed, boards=max(1, count // 25), jobs_per_board=25)
    fetched = datetime(2026, 11, 1, 6, tzinfo=UTC).isoformat()
    out: list[dict[str, Any]] = []
    for board in market.board_tokens():
        for posting in market.postings(board, DAY):
            out.append(
                {
                    "record_type": "posting",
                    "source": "greenhouse",
                    "board": board,
                    "source_job_id": str(posting.job_id),
                    "request_url": f"https://boards-api.greenhouse.io/v1/boards/{board}/jobs/"
                    f"{posting.job_id}?pay_transparency=true",
                    "http_status": 200,
                    "fetched_at": fetched,
                    "payload": {
                        "list": job_json(market, posting, content=False),
                        "detail": job_detail(
                            market, board, posting.job_id, DAY, pay_transparency=True
                        ),
                    },
                }
            )
            if len(out) == count:
                return out
    return out


def write_bronze(records: list[dict[str, Any]], path: Path) -> Path:
    with gzip.open(path, "wb", compresslevel=6) as fh:
        for record in records:
            fh.write(orjson.dumps(record) + b"\n")
    return path


def repeat_to(table: pa.Table, rows: int, key: str | None = "posting_id") -> pa.Table:
    """``table`` repeated (chunks share buffers) to ``rows`` rows, ``key`` made unique."""
    copies = -(-rows // table.num_rows)
    big = pa.concat_tables([table] * copies).slice(0, rows)
    if key is None:
        return big
    ids = pa.array([f"{i:016x}" for i in range(rows)], pa.string())
    return big.set_column(big.schema.get_field_index(key), key, ids)


class Clock:
    """Wall and CPU seconds of a block (CPU time is what counts on a shared machine)."""

    def __enter__(self) -> Clock:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="validation vs normalize throughput")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=3000)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)

    import expectations  # noqa: F401 - GX analytics off before GX is imported
    from expectations.batch import batch_metrics, check_batch
    from expectations.bronze import bronze_facts, build_bronze_suite, check_bronze
    from expectations.silver import build_silver_suite
    from expectations.thresholds import load_thresholds
    from expectations.validate import validate_postings
    from transforms.normalize import iter_bronze, normalize_records

    thresholds = load_thresholds()
    log(f"building {args.sample} bronze records")
    records = bronze_records(args.sample)
    with tempfile.TemporaryDirectory() as tmp:
        bronze = write_bronze(records, Path(tmp) / "part-all.jsonl.gz")
        normalize_records(iter_bronze([bronze]), DAY)  # warm-up: indexes, automata, CLD2
        log("timing the bronze suite and normalize on the sample")
        with Clock() as bronze_t:
            checked = check_bronze([bronze], thresholds)
        with Clock() as facts_t:  # the part of the bronze suite that grows with the lines read
            facts = bronze_facts(iter_bronze([bronze]))
        log(f"bronze suite on {args.rows} lines (facts repeated)")
        with Clock() as bronze_gx_t:
            validate_postings(repeat_to(facts, args.rows, None), suite=build_bronze_suite())
        with Clock() as normalize_t:
            result = normalize_records(iter_bronze([bronze]), DAY)
        root = Path(tmp) / "data"
        n = len(records)
        suite = build_silver_suite(DAY, thresholds)
        clean = validate_postings(result.table, suite=suite).valid
        table = repeat_to(clean, args.rows)
        validate_postings(table.slice(0, 1000), suite=suite)  # warm-up
        log(f"validating {args.rows} rows")
        with Clock() as silver_t:
            outcome = validate_postings(table, suite=build_silver_suite(DAY, thresholds))
        log("batch checks")
        with Clock() as batch_t:
            metrics = batch_metrics(root, DAY, table, outcome.valid, outcome.quarantine, thresholds)
            batch = check_batch(metrics, thresholds)
    scale = args.rows / n
    report: dict[str, Any] = {"rows": args.rows, "sample": n, "sample_clean_rows": clean.num_rows}
    for kind in ("cpu", "wall"):
        normalize_s = getattr(normalize_t, kind) * scale
        validation_s = getattr(silver_t, kind) + getattr(batch_t, kind)
        report[kind] = {
            "normalize_ms_per_posting": round(getattr(normalize_t, kind) / n * 1000, 3),
            "normalize_s_scaled_to_rows": round(normalize_s, 1),
            "bronze_suite_s_sample_scaled": round(getattr(bronze_t, kind) * scale, 1),
            "bronze_suite_s_rows": round(
                getattr(facts_t, kind) * scale + getattr(bronze_gx_t, kind), 1
            ),
            "silver_validation_s": round(getattr(silver_t, kind), 1),
            "batch_checks_s": round(getattr(batch_t, kind), 2),
            "validation_s": round(validation_s, 1),
            "validation_rows_per_s": round(args.rows / validation_s),
            "ratio_validation_to_normalize": round(validation_s / normalize_s, 3),
        }
    report |= {
        "valid": outcome.valid.num_rows,
        "quarantined": outcome.quarantine.num_rows,
        "bronze_held": len(checked.held),
        "batch_success": batch.success,
        "peak_rss_mb": round(peak_rss_mb()),
    }
    text = json.dumps(report, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    if outcome.quarantine.num_rows:
        print("warning: clean rows were quarantined", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
