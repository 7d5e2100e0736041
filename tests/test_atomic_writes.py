"""Atomic partition writes: a crash mid-write never leaves a partial visible file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from jobpipe.atomic import atomic_open, write_parquet_partition


def test_failed_block_keeps_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_open(target) as fh:
        fh.write(b"new-partial")
        raise RuntimeError("boom")
    assert target.read_text() == "old"
    assert list(tmp_path.iterdir()) == [target]


def test_rewrite_replaces_partition_exactly(tmp_path: Path) -> None:
    part = tmp_path / "postings" / "dt=2026-11-01"
    part.mkdir(parents=True)
    pq.write_table(pa.table({"a": [9]}), part / "stale-layout.parquet")
    target = part / "part-0.parquet"
    write_parquet_partition(pa.table({"a": [1, 2, 3]}), target)
    write_parquet_partition(pa.table({"a": [1, 2, 3]}), target)
    assert [p.name for p in part.iterdir()] == ["part-0.parquet"]
    assert pq.read_table(target).num_rows == 3


KILLED_WRITER = """
import sys, pyarrow as pa
from pathlib import Path
from jobpipe import atomic
def slow_write(table, where, **kw):
    with open(where, "wb") as fh:
        fh.write(b"PAR1" + b"x" * 1000)
        fh.flush()
        print("writing", flush=True)
        import time; time.sleep(60)
atomic.pq.write_table = slow_write
atomic.write_parquet_partition(pa.table({"a": [1]}), Path(sys.argv[1]))
"""


def test_killed_writer_leaves_nothing_visible_to_duckdb(tmp_path: Path) -> None:
    part = tmp_path / "postings" / "dt=2026-11-02"
    target = part / "part-0.parquet"
    write_parquet_partition(
        pa.table({"a": [1, 2]}), tmp_path / "postings/dt=2026-11-01/part-0.parquet"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(target)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    time.sleep(0.05)
    assert not target.exists()
    leftovers = list(part.iterdir())
    assert leftovers and all(p.name.startswith(".") and p.suffix == ".tmp" for p in leftovers)
    glob = str(tmp_path / "postings" / "dt=*" / "*.parquet")
    assert duckdb.execute(f"select count(*) from read_parquet('{glob}')").fetchall() == [(2,)]
