"""Monthly compaction of the derived layers: many small daily files become one file a month.

:func:`compact` merges, for every layer of :data:`COMPACTED_LAYERS` (all derived layers but
``posting_state``), each calendar month whose dates all lie more than ``keep_days`` before the
latest published date into ``<layer>/month=YYYY-MM/part-0.parquet``: the same schema and
``jobpipe.*`` metadata plus ``jobpipe.compacted_dates``, rows ordered by the layer's date
column (:data:`PARTITION_DATE`) and then its usual sort order (the daily files concatenated in
date order), zstd, row groups of at most 128 Ki rows, so row-group statistics on the date
column prune as the ``dt=`` folders did.

Crash safety rests on one rule: **while a month file exists it is authoritative for its month**.
It is written atomically before any daily file of the month is removed, the warehouse views
ignore daily files of a month that has a month file (:func:`warehouse.build.parquet_source`),
and the next :func:`compact` removes such leftovers. :func:`split_month` (run by
``derive_day`` before it writes a date of a compacted month: late data, backfills) does the
reverse in the same order: daily files first, then the month file goes.

Compaction and publishing must not run at the same time on one data root: ``jobpipe
publish`` compacts after deriving, in the same process, and Airflow runs publish serially.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from jobpipe import paths
from jobpipe.atomic import write_parquet_partition
from warehouse.derived_schema import COMPACTED_LAYERS, DERIVED_LAYERS, PARTITION_DATE

DEFAULT_KEEP_DAYS = 35
COMPACTED_DATES_KEY = b"jobpipe.compacted_dates"


def month_of(day: date) -> str:
    return day.strftime("%Y-%m")


def month_end(month: str) -> date:
    year, mon = (int(x) for x in month.split("-"))
    return date(year, mon, calendar.monthrange(year, mon)[1])


def day_partitions(root: Path, layer: str) -> dict[date, Path]:
    """Daily partition folders of a layer that hold a Parquet file, by date."""
    out = {}
    for folder in (root / layer).glob("dt=*"):
        try:
            day = date.fromisoformat(folder.name.removeprefix("dt="))
        except ValueError:
            continue
        if any(folder.glob("*.parquet")):
            out[day] = folder
    return out


def month_files(root: Path, layer: str) -> dict[str, Path]:
    """Compacted month files of a layer, by ``YYYY-MM``."""
    files = (root / layer).glob("month=*/" + paths.PARQUET_PART)
    return {f.parent.name.removeprefix("month="): f for f in files}


def compacted_dates(path: Path) -> list[date]:
    """The dates a month file holds (every daily partition it replaced, empty ones too)."""
    meta = pq.read_schema(path).metadata or {}
    return [date.fromisoformat(d) for d in orjson.loads(meta.get(COMPACTED_DATES_KEY, b"[]"))]


def partition_dates(root: Path, layer: str) -> set[date]:
    """Dates whose partition of ``layer`` exists, daily or inside a month file."""
    out = set(day_partitions(root, layer))
    for path in month_files(root, layer).values():
        out.update(compacted_dates(path))
    return out


def latest_published(root: Path) -> date | None:
    """The newest derived date (its ``posting_state`` partition is never compacted)."""
    return max(day_partitions(root, "posting_state"), default=None)


def _file_count(root: Path, layer: str) -> int:
    return sum(1 for _ in (root / layer).glob("*/*.parquet"))


def _read_file(path: Path) -> pa.Table:
    """One Parquet file as written (no hive columns from its folder name)."""
    return pq.ParquetFile(path).read()


def _read_day(folder: Path) -> pa.Table:
    return pa.concat_tables(_read_file(f) for f in sorted(folder.glob("*.parquet")))


def _conform(layer: str, day: date, table: pa.Table) -> pa.Table | str:
    """A daily table in the layer's current schema, or why it cannot be merged: other columns
    (nothing is dropped), ``jobpipe.*`` metadata that differs from the current schema (another
    schema version), or a row of another date. A file without ``jobpipe.*`` keys (written by
    another tool) is merged; the month file carries the current keys."""
    schema = DERIVED_LAYERS[layer]()
    if set(table.schema.names) != set(schema.names):
        extra = sorted(set(table.schema.names) - set(schema.names))
        missing = sorted(set(schema.names) - set(table.schema.names))
        return f"dt={day} has other columns than {layer} (extra {extra}, missing {missing})"
    want = schema.metadata or {}
    found = {k: v for k, v in (table.schema.metadata or {}).items() if k.startswith(b"jobpipe.")}
    if any(want.get(k) != v for k, v in found.items()):
        return f"dt={day} has other jobpipe.* metadata than the current {layer} schema"
    try:  # list item names may differ ('item' / 'element'), and the column order
        table = table.select(schema.names).cast(schema)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, TypeError):
        return f"dt={day} has other column types than the current {layer} schema"
    column = table.column(PARTITION_DATE[layer])
    span = pc.min_max(column).as_py()
    if table.num_rows and (column.null_count or span != {"min": day, "max": day}):
        return f"dt={day} holds rows whose {PARTITION_DATE[layer]} is not {day}"
    return table


def _split_by_date(layer: str, table: pa.Table, dates: list[date]) -> dict[date, pa.Table]:
    schema = DERIVED_LAYERS[layer]()
    column = table.column(PARTITION_DATE[layer])
    on = {d: pa.scalar(d, pa.date32()) for d in dates}
    return {d: table.filter(pc.equal(column, on[d])).cast(schema) for d in dates}


def _write_month(root: Path, layer: str, month: str, days: dict[date, pa.Table]) -> int:
    """Write one month file from per-date tables, in date order; returns its row count."""
    schema = DERIVED_LAYERS[layer]()
    dates = sorted(days)
    meta = dict(schema.metadata or {})
    meta[COMPACTED_DATES_KEY] = orjson.dumps([d.isoformat() for d in dates])
    table = pa.concat_tables([days[d] for d in dates]).replace_schema_metadata(meta)
    write_parquet_partition(table, paths.month_file(root, layer, month))
    return table.num_rows


def _remove_partitions(folders: list[Path]) -> None:
    """Remove partition folders whose rows live elsewhere now: their Parquet files (and temp
    files a killed writer left), then the folder."""
    for folder in folders:
        for f in folder.iterdir():
            if f.suffix == ".parquet" or f.name.endswith(".tmp"):
                f.unlink()
        folder.rmdir()


def _compact_month(
    root: Path, layer: str, month: str, days: dict[date, Path], existing: Path | None
) -> dict[str, Any]:
    """Merge a month's daily partitions (and its month file, if any) into one month file."""
    held = compacted_dates(existing) if existing else []
    fresh = {}
    for d in sorted(set(days) - set(held)):
        table = _conform(layer, d, _read_day(days[d]))
        if isinstance(table, str):
            return {"skipped": table}
        fresh[d] = table
    rows = None
    if fresh:  # a month file is rewritten only when it gains dates
        tables = _split_by_date(layer, _read_file(existing), held) if existing else {}
        rows = _write_month(root, layer, month, {**tables, **fresh})
    _remove_partitions(list(days.values()))
    return {"merged_dates": len(fresh), "removed_days": len(days), "rows": rows}


def compact(root: Path, keep_days: int = DEFAULT_KEEP_DAYS) -> dict[str, Any]:
    """Merge each old month of every compacted layer into one file (see module docs).

    Idempotent. Returns the latest published date, the cut-off (months ending before it are
    merged), and per layer the months merged, leftovers of an interrupted run removed, months
    skipped (a day in another layout), rows merged and files before and after.
    """
    latest = latest_published(root)
    out: dict[str, Any] = {
        "latest": latest.isoformat() if latest else None,
        "keep_days": keep_days,
        "layers": {},
    }
    if latest is None:
        return out
    cutoff = latest - timedelta(days=keep_days)  # a month is merged when it ends before this
    out["cutoff"] = cutoff.isoformat()
    for layer in COMPACTED_LAYERS:
        out["layers"][layer] = _compact_layer(root, layer, cutoff)
    return out


def _compact_layer(root: Path, layer: str, cutoff: date) -> dict[str, Any]:
    before = _file_count(root, layer)
    by_month: dict[str, dict[date, Path]] = defaultdict(dict)
    for day, folder in day_partitions(root, layer).items():
        by_month[month_of(day)][day] = folder
    existing = month_files(root, layer)
    merged, healed, skipped, rows = [], [], [], 0
    for month in sorted(set(by_month) | set(existing)):
        days = by_month.get(month, {})
        if not days or (month not in existing and month_end(month) >= cutoff):
            continue  # nothing to merge, or still inside the keep window
        result = _compact_month(root, layer, month, days, existing.get(month))
        if "skipped" in result:
            skipped.append({"month": month, "reason": result["skipped"]})
        elif result["merged_dates"]:
            merged.append(month)
            rows += result["rows"]
        else:
            healed.append(month)  # only leftovers of an interrupted run were removed
    return {
        "months": merged,
        "leftovers_removed": healed,
        "skipped": skipped,
        "rows": rows,
        "files_before": before,
        "files_after": _file_count(root, layer),
    }


def split_month(root: Path, day: date) -> list[str]:
    """Turn ``day``'s month back into daily partitions in every compacted layer; returns the
    layers split. Daily files are written before the month file is removed, so readers (which
    prefer a month file) never see a row twice or miss one."""
    month = month_of(day)
    split = []
    for layer in COMPACTED_LAYERS:
        path = paths.month_file(root, layer, month)
        if not path.exists():
            continue
        dates = compacted_dates(path)
        for d, table in _split_by_date(layer, _read_file(path), dates).items():
            write_parquet_partition(table, paths.parquet_file(root, layer, d))
        _remove_partitions([path.parent])
        split.append(layer)
    return split
