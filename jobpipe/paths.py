"""The data-root layout: one place that knows where every layer's partitions live.

```
<root>/bronze/source=<source>/dt=<date>/part-<shard>.jsonl.gz   raw crawled records
<root>/normalized/dt=<date>/part-0.parquet                      typed rows, before validation
<root>/postings/dt=<date>/part-0.parquet                        valid rows (published truth)
<root>/quarantine/dt=<date>/part-0.parquet                      rows held back, with reasons
<root>/reports/dt=<date>/<step>.json                            per-step run reports
<root>/validation_runs/dt=<date>/<suite>.parquet                one row per check per suite run
<root>/quality/results/dt=<date>/<suite>.json                   GX suite results (slim)
<root>/quality/batch_metrics/dt=<date>/part-0.parquet           per-board counts for batch checks
<root>/quality/data_docs/index.html                             GX Data Docs
<root>/held/{postings,quarantine}/dt=<date>/part-0.parquet      a batch the quality gate blocked
<root>/warehouse.duckdb                                         views over the Parquet only
<root>/<derived layer>/dt=<date>/part-0.parquet                 one date of a derived layer
<root>/<derived layer>/month=<YYYY-MM>/part-0.parquet           a compacted month of one
```

Readers glob ``<layer>/*/*.parquet`` (:func:`parquet_glob`): daily and monthly files alike.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

PARQUET_PART = "part-0.parquet"


def partition(root: Path, layer: str, day: date) -> Path:
    return root / layer / f"dt={day.isoformat()}"


def bronze_dir(root: Path, source: str, day: date) -> Path:
    return root / "bronze" / f"source={source}" / f"dt={day.isoformat()}"


def bronze_file(root: Path, source: str, day: date, shard: str = "all") -> Path:
    return bronze_dir(root, source, day) / f"part-{shard}.jsonl.gz"


def bronze_files(root: Path, day: date) -> list[Path]:
    """Every bronze part of every source for one logical date, in a stable order."""
    return sorted((root / "bronze").glob(f"source=*/dt={day.isoformat()}/part-*.jsonl.gz"))


def parquet_file(root: Path, layer: str, day: date) -> Path:
    return partition(root, layer, day) / PARQUET_PART


def parquet_glob(root: Path, layer: str) -> str:
    """Every Parquet file of a layer: ``dt=<date>`` partitions and compacted ``month=`` files."""
    return str(root / layer / "*" / "*.parquet")


def month_dir(root: Path, layer: str, month: str) -> Path:
    """The folder of a compacted month (``month`` is ``YYYY-MM``)."""
    return root / layer / f"month={month}"


def month_file(root: Path, layer: str, month: str) -> Path:
    return month_dir(root, layer, month) / PARQUET_PART


def report_file(root: Path, day: date, step: str) -> Path:
    return root / "reports" / f"dt={day.isoformat()}" / f"{step}.json"


def warehouse_file(root: Path) -> Path:
    return root / "warehouse.duckdb"


VALIDATION_RUNS = "validation_runs"


def validation_run_file(root: Path, day: date, suite: str) -> Path:
    return partition(root, VALIDATION_RUNS, day) / f"{suite}.parquet"


def validation_result_file(root: Path, day: date, suite: str) -> Path:
    return root / "quality" / "results" / f"dt={day.isoformat()}" / f"{suite}.json"


def batch_metrics_file(root: Path, day: date) -> Path:
    return root / "quality" / "batch_metrics" / f"dt={day.isoformat()}" / PARQUET_PART


def data_docs_dir(root: Path) -> Path:
    return root / "quality" / "data_docs"


def held_file(root: Path, day: date, table: str) -> Path:
    """Where a batch the quality gate blocked is kept: ``table`` is postings or quarantine."""
    return root / "held" / table / f"dt={day.isoformat()}" / PARQUET_PART
