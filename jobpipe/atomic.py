"""Atomic file replacement: readers see the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pyarrow as pa
import pyarrow.parquet as pq


def _temp_path(path: Path) -> Path:
    # A leading dot and a non-.parquet suffix keep temp files out of every reader's glob.
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temp path beside ``path``; on success fsync and rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temp_path(path)
    try:
        yield tmp
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


@contextlib.contextmanager
def atomic_open(path: Path, mode: str = "wb") -> Iterator[IO]:
    """Open a temp file for writing that replaces ``path`` only when the block succeeds."""
    with atomic_path(path) as tmp, open(tmp, mode) as fh:
        yield fh


def write_parquet_partition(table: pa.Table, path: Path) -> Path:
    """Write ``table`` as the only Parquet file of its partition folder, atomically.

    Any other ``*.parquet`` in the folder (from an older layout) is removed after the rename,
    so re-running a date leaves exactly one file with exactly this run's rows.
    """
    with atomic_path(path) as tmp:
        pq.write_table(table, tmp, compression="zstd", row_group_size=128 * 1024)
    for other in path.parent.glob("*.parquet"):
        if other != path:
            other.unlink()
    return path
