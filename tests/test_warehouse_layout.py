"""Derived Parquet layout: hive partitions, one sorted file per date, schema metadata, and
readable alike by pandas, polars and DuckDB (months older than the keep window are merged
into one file per layer by compaction: tests/test_compaction.py)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest
from warehouse_fixtures import publish, row, write_day

from warehouse.derived_schema import (
    COMPACTED_LAYERS,
    DERIVED_LAYERS,
    DERIVED_SCHEMA_VERSION,
    PARTITION_DATE,
)
from warehouse.schema import SCHEMA_VERSION

D = [date(2026, 11, 1) + timedelta(days=i) for i in range(4)]
# The date column of each layer's partitions (what monthly compaction orders by and splits
# on, tests/test_compaction.py): a dt=D partition holds only rows of D.
PARTITION_KEY = {layer: PARTITION_DATE[layer] for layer in COMPACTED_LAYERS}


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("layout")
    write_day(root, D[0], [row("a1", D[0]), row("a2", D[0]), row("b1", D[0], board="b")])
    write_day(root, D[1], [row("a1", D[1], title="Senior Nurse"), row("b1", D[1], board="b")])
    write_day(root, D[2], [row("a1", D[2], title="Senior Nurse"), row("b2", D[2], board="b")])
    write_day(root, D[3], [row("a3", D[3]), row("b2", D[3], board="b")])
    publish(root, D[3])
    return root


def test_one_sorted_file_per_date_with_schema_metadata(root: Path) -> None:
    for layer in DERIVED_LAYERS:
        parts = sorted((root / layer).glob("dt=*"))
        assert [p.name for p in parts] == [f"dt={d}" for d in D], layer
        for part in parts:
            files = list(part.iterdir())
            assert [f.name for f in files] == ["part-0.parquet"], part
            meta = pq.read_metadata(files[0])
            kv = {k.decode(): v.decode() for k, v in meta.metadata.items()}
            assert kv["jobpipe.schema_version"] == SCHEMA_VERSION
            assert kv["jobpipe.derived_schema_version"] == DERIVED_SCHEMA_VERSION
            assert kv["jobpipe.layer"] == layer
            assert all(meta.row_group(i).num_rows <= 128 * 1024 for i in range(meta.num_row_groups))
            table = pq.read_table(files[0])
            names = table.column_names
            sort_by = next(
                k
                for k in (
                    ("source", "board", "posting_id"),
                    ("posting_id",),
                    ("dimension", "key"),
                    ("title_family", "days"),
                    ("skill",),
                    ("country_code",),
                )
                if set(k) <= set(names)
            )
            keys = list(zip(*(table.column(c).to_pylist() for c in sort_by), strict=True))
            keys = [tuple("" if v is None else v for v in k) for k in keys]
            assert keys == sorted(keys), part
            if layer in PARTITION_KEY and table.num_rows:
                day = date.fromisoformat(part.name.removeprefix("dt="))
                assert set(table.column(PARTITION_KEY[layer]).to_pylist()) == {day}


def test_pandas_polars_and_duckdb_read_the_same_rows(root: Path) -> None:
    polars = pytest.importorskip("polars")
    for layer in ("posting_versions", "posting_episodes", "posting_groups"):
        glob = str(root / layer / "dt=*" / "*.parquet")
        with duckdb.connect() as con:
            duck = con.execute(
                f"select posting_id, dt from read_parquet('{glob}', hive_partitioning = true) "
                "order by all"
            ).fetchall()
        frame = pd.read_parquet(root / layer)  # hive folders become a 'dt' column
        from_pandas = sorted(zip(frame["posting_id"], frame["dt"].astype(str), strict=True))
        pl = polars.scan_parquet(glob, hive_partitioning=True).select("posting_id", "dt").collect()
        from_polars = sorted((p, str(d)) for p, d in pl.iter_rows())
        assert [(p, str(d)) for p, d in duck] == from_pandas == from_polars, layer
        assert duck, layer
