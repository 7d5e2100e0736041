"""Monthly compaction of the derived layers: the warehouse reads the same rows before and after,
late data un-compacts a month exactly, re-running changes nothing, a crash double-counts nothing.

One demo history of 75 days (2026-09-01 .. 2026-11-14, failed crawls included) is published
once and copied per test.
"""

from __future__ import annotations

import shutil
import zlib
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner
from warehouse_fixtures import demo_rows, write_day

from jobpipe import paths
from jobpipe.cli import app
from jobpipe.demo import Market
from warehouse import compact as compact_mod
from warehouse.build import build_warehouse
from warehouse.compact import compact
from warehouse.derived import publish_derived
from warehouse.derived_schema import COMPACTED_LAYERS, DERIVED_LAYERS, PARTITION_DATE

DAYS = [date(2026, 9, 1) + timedelta(days=i) for i in range(75)]
LATEST = DAYS[-1]  # 2026-11-14
LATE_DAY = date(2026, 9, 15)
SKILLS = ("python", "sql", "excel", "nursing", "forklift")
# a column besides the date that identifies rows well enough to compare readers
ROW_ID = {
    "posting_versions": "posting_id",
    "posting_episodes": "posting_id",
    "posting_groups": "posting_id",
    "posting_duplicates": "posting_id",
    "daily_new_facts": "country_code",
    "daily_new_skills": "skill",
    "daily_activity": "key",
    "daily_closed_durations": "title_family",
    "daily_closed_pay": "posting_id",
}


def _rows(market: Market, day: date, failed: tuple[str, ...]) -> list[dict[str, Any]]:
    """Demo rows with skills and annualised pay, so every daily aggregate has rows."""
    rows = demo_rows(market, day, skip_boards=failed)
    for r in rows:
        r["skills"] = [s for i, s in enumerate(SKILLS) if _crc(r["posting_id"]) % (i + 2) == 0]
        if r["salary_period"] == "year":
            r["salary_min_annual"], r["salary_max_annual"] = r["salary_min"], r["salary_max"]
    return rows


def _crc(text: str) -> int:
    return zlib.crc32(text.encode())


def _write(root: Path, market: Market, day: date, **over: Any) -> None:
    boards = market.board_tokens()
    failed = (boards[1],) if day.toordinal() % 9 == 0 else ()
    rows = _rows(market, day, failed)
    for r in rows:
        r.update({k: v(r) for k, v in over.items()})
    write_day(root, day, rows, failed_boards=failed)


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("history") / "data"
    market = Market(seed=5, boards=3, jobs_per_board=8)
    for day in DAYS:
        _write(root, market, day)
        publish_derived(root, day)
    build_warehouse(root)
    return root


@pytest.fixture
def root(history: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(history, tmp_path / "data"))


def _norm(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 9)  # sums over another file order may differ in the last bit
    if isinstance(value, list | tuple):
        return tuple(_norm(v) for v in value)
    if isinstance(value, dict):
        return tuple((k, _norm(v)) for k, v in value.items())
    return value


def _views(root: Path) -> dict[str, list[tuple]]:
    """Every view of a freshly built warehouse, all rows, in a stable order."""
    db = build_warehouse(root)
    with duckdb.connect(str(db), read_only=True) as con:
        names = [
            r[0]
            for r in con.execute(
                "select view_name from duckdb_views() where not internal"
            ).fetchall()
        ]
        return {
            name: sorted(
                (_norm(r) for r in con.execute(f"select * from {name}").fetchall()), key=repr
            )
            for name in names
        }


def _files(root: Path) -> dict[str, tuple[int, int]]:
    """Every Parquet file under the derived layers with its size and mtime."""
    return {
        str(f.relative_to(root)): (f.stat().st_size, f.stat().st_mtime_ns)
        for layer in DERIVED_LAYERS
        for f in sorted((root / layer).glob("*/*.parquet"))
    }


def _layer_rows(root: Path, layer: str) -> list[dict[str, Any]]:
    """Every daily partition of a layer, by date, as rows (what publish wrote)."""
    return [
        {"dt": f.parent.name, "rows": _norm(pq.read_table(f).to_pylist())}
        for f in sorted((root / layer).glob("dt=*/part-0.parquet"))
    ]


def _month(day: date) -> str:
    return day.strftime("%Y-%m")


def test_compaction_merges_old_months_and_every_view_returns_the_same_rows(root: Path) -> None:
    before = _views(root)
    assert sum(map(len, before.values())) > 1000 and before["skills_demand_weekly"]
    assert before["time_to_close"] and before["salary_percentiles"]
    report = compact(root, keep_days=10)  # cut-off 2026-11-04: September and October merge
    merged = [d for d in DAYS if d < date(2026, 11, 1)]
    for layer in COMPACTED_LAYERS:
        r = report["layers"][layer]
        assert r["months"] == ["2026-09", "2026-10"], layer
        assert r["files_after"] == r["files_before"] - len(merged) + 2, layer
        dirs = sorted(p.name for p in (root / layer).iterdir())
        assert dirs == [f"dt={d}" for d in DAYS if d not in merged] + [
            "month=2026-09",
            "month=2026-10",
        ], layer
    assert len(list((root / "posting_state").glob("dt=*/part-0.parquet"))) == len(DAYS)
    assert not list((root / "posting_state").glob("month=*"))
    assert _views(root) == before


def test_default_keep_window_leaves_recent_months_daily(root: Path) -> None:
    report = compact(root)  # 35 days before 2026-11-14 is 2026-10-10: October stays daily
    assert report["latest"] == LATEST.isoformat()
    for layer in COMPACTED_LAYERS:
        assert report["layers"][layer]["months"] == ["2026-09"], layer
        assert sorted(p.name for p in (root / layer).glob("month=*")) == ["month=2026-09"]
        assert len(list((root / layer).glob("dt=2026-10-*"))) == 31


def test_month_files_keep_schema_metadata_order_and_date_statistics(root: Path) -> None:
    daily = {layer: _layer_rows(root, layer) for layer in COMPACTED_LAYERS}
    compact(root, keep_days=10)
    for layer in COMPACTED_LAYERS:
        path = paths.month_file(root, layer, "2026-09")
        meta = pq.read_metadata(path)
        kv = {k.decode(): v.decode() for k, v in meta.metadata.items()}
        schema = DERIVED_LAYERS[layer]()
        for key, value in schema.metadata.items():
            assert kv[key.decode()] == value.decode(), (layer, key)
        sept = [d for d in DAYS if _month(d) == "2026-09"]
        assert compact_mod.compacted_dates(path) == sept
        table = pq.read_table(path)
        assert table.schema.names == schema.names
        assert meta.row_group(0).column(0).compression == "ZSTD"
        # rows: the daily files of the month concatenated in date order (date, then sort key)
        expected = [r for part in daily[layer] if part["dt"] < "dt=2026-10" for r in part["rows"]]
        assert _norm(table.to_pylist()) == tuple(expected), layer
        leaves = [meta.schema.column(j).path for j in range(meta.num_columns)]
        col = leaves.index(PARTITION_DATE[layer])  # a leaf index (lists and structs expand)
        spans = []
        for i in range(meta.num_row_groups):
            group = meta.row_group(i)
            assert group.num_rows <= 128 * 1024
            if group.num_rows:
                stats = group.column(col).statistics
                assert stats is not None and stats.has_min_max, layer
                spans.append((str(stats.min), str(stats.max)))
        assert spans == sorted(spans), layer
        assert all(lo >= str(sept[0]) and hi <= str(sept[-1]) for lo, hi in spans), layer


def test_pandas_polars_and_duckdb_read_the_same_rows_from_the_compacted_layout(
    root: Path, history: Path
) -> None:
    polars = pytest.importorskip("polars")
    compact(root, keep_days=10)
    for layer in COMPACTED_LAYERS:
        cols = [PARTITION_DATE[layer], ROW_ID[layer]]
        select = f"select {', '.join(cols)} from read_parquet"
        daily = paths.parquet_glob(history, layer)
        expected = Counter((str(d), k) for d, k in duckdb.sql(f"{select}('{daily}')").fetchall())
        glob = paths.parquet_glob(root, layer)
        duck = Counter(
            (str(d), k)
            for d, k in duckdb.sql(f"{select}('{glob}', hive_partitioning = false)").fetchall()
        )
        files = sorted(str(f) for f in (root / layer).glob("*/*.parquet"))
        frame = pd.concat([pd.read_parquet(f, columns=cols) for f in files])
        from_pandas = Counter(
            (str(d), None if pd.isna(k) else k) for d, k in frame.itertuples(index=False)
        )
        pl = polars.scan_parquet(glob, hive_partitioning=False).select(cols).collect()
        from_polars = Counter((str(d), k) for d, k in pl.iter_rows())
        assert duck == from_pandas == from_polars == expected, layer
        # the demo market syndicates no posting across boards: no duplicates to read
        assert sum(expected.values()) or layer == "posting_duplicates", layer


def _rewrite(root: Path, layer: str, day: date, change: Any) -> None:
    path = paths.parquet_file(root, layer, day)
    pq.write_table(change(pq.read_table(path)), path)


def test_days_in_another_layout_are_left_daily_and_files_without_metadata_merge(
    root: Path,
) -> None:
    _rewrite(root, "posting_groups", date(2026, 9, 3), lambda t: t.append_column("x", t[0]))
    old_version = {**DERIVED_LAYERS["daily_new_facts"]().metadata}
    old_version[b"jobpipe.derived_schema_version"] = b"1"
    _rewrite(
        root, "daily_new_facts", date(2026, 10, 4), lambda t: t.replace_schema_metadata(old_version)
    )
    _rewrite(root, "posting_episodes", date(2026, 10, 3), lambda t: t.replace_schema_metadata(None))
    before = _views(root)
    layers = compact(root, keep_days=10)["layers"]
    assert layers["posting_groups"]["months"] == ["2026-10"]
    assert layers["posting_groups"]["skipped"][0]["month"] == "2026-09"
    assert "extra ['x']" in layers["posting_groups"]["skipped"][0]["reason"]
    assert len(list((root / "posting_groups").glob("dt=2026-09-*"))) == 30
    assert layers["daily_new_facts"]["months"] == ["2026-09"]
    assert "metadata" in layers["daily_new_facts"]["skipped"][0]["reason"]
    assert layers["posting_episodes"]["months"] == ["2026-09", "2026-10"]
    meta = pq.read_schema(paths.month_file(root, "posting_episodes", "2026-10")).metadata
    assert meta[b"jobpipe.layer"] == b"posting_episodes"
    assert _views(root) == before


def test_compacting_twice_changes_nothing(root: Path) -> None:
    compact(root, keep_days=10)
    files = _files(root)
    views = _views(root)
    again = compact(root, keep_days=10)
    assert all(not r["months"] and not r["leftovers_removed"] for r in again["layers"].values())
    assert _files(root) == files
    assert _views(root) == views


def test_publish_after_compaction_does_not_rederive_compacted_dates(root: Path) -> None:
    compact(root, keep_days=10)
    months = {f: s for f, s in _files(root).items() if "month=" in f}
    out = publish_derived(root, LATEST)
    assert out["derived_dates"] == [LATEST.isoformat()]
    assert {f: s for f, s in _files(root).items() if "month=" in f} == months


def test_late_data_in_a_compacted_month_ends_as_if_never_compacted(
    root: Path, tmp_path: Path, history: Path
) -> None:
    never = Path(shutil.copytree(history, tmp_path / "never"))
    old_history = _views(never)["posting_history"]
    compact(root, keep_days=10)
    market = Market(seed=5, boards=3, jobs_per_board=8)
    retitled = {"title": lambda r: r["title"] + (" II" if _crc(r["posting_id"]) % 3 == 0 else "")}
    for r in (root, never):
        _write(r, market, LATE_DAY, **retitled)
        out = publish_derived(r, LATE_DAY)
        assert out["derived_dates"] == [d.isoformat() for d in DAYS if d >= LATE_DAY]
    # re-deriving split both compacted months back: the daily files equal the never-compacted
    for layer in COMPACTED_LAYERS:
        assert not list((root / layer).glob("month=*")), layer
        assert _layer_rows(root, layer) == _layer_rows(never, layer), layer
    compact(root, keep_days=10)  # and compacting again reads the same as never compacting
    views = _views(never)
    assert views["posting_history"] != old_history  # the late data did change the history
    assert _views(root) == views


def test_a_crash_between_month_write_and_day_removal_double_counts_nothing(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _views(root)

    def crash(folders: list[Path]) -> None:
        raise OSError("killed before the daily partitions were removed")

    with monkeypatch.context() as m:
        m.setattr(compact_mod, "_remove_partitions", crash)
        with pytest.raises(OSError, match="killed"):
            compact(root, keep_days=10)
    layer = "posting_versions"
    assert paths.month_file(root, layer, "2026-09").exists()
    assert list((root / layer).glob("dt=2026-09-*"))  # month file and its days side by side
    assert _views(root) == before
    # a publish in between sees every date as derived and still counts once
    assert publish_derived(root, LATEST)["derived_dates"] == [LATEST.isoformat()]
    assert _views(root) == before
    report = compact(root, keep_days=10)  # the next run removes the leftovers only
    assert report["layers"][layer]["leftovers_removed"] == ["2026-09"]
    assert report["layers"][layer]["months"] == ["2026-10"]
    assert not list((root / layer).glob("dt=2026-09-*"))
    assert _views(root) == before


def test_a_split_stopped_before_the_month_file_went_double_counts_nothing(
    root: Path, history: Path
) -> None:
    compact(root, keep_days=10)
    before = _views(root)
    for layer in COMPACTED_LAYERS:  # what split_month leaves when stopped before the unlink
        for folder in history.joinpath(layer).glob("dt=2026-09-*"):
            shutil.copytree(folder, root / layer / folder.name)
    assert _views(root) == before
    assert publish_derived(root, LATEST)["derived_dates"] == [LATEST.isoformat()]
    compact_mod.split_month(root, LATE_DAY)  # a later split rewrites the days, drops the month
    for layer in COMPACTED_LAYERS:
        assert not paths.month_file(root, layer, "2026-09").exists()
        assert _layer_rows(root, layer)[:30] == _layer_rows(history, layer)[:30], layer
    assert _views(root) == before


def test_compact_command_prints_what_it_merged(root: Path) -> None:
    result = CliRunner().invoke(app, ["compact", "--data-root", str(root), "--keep-days", "10"])
    assert result.exit_code == 0, result.output
    assert "posting_versions" in result.output and "2026-09..2026-10" in result.output
    again = CliRunner().invoke(app, ["compact", "--data-root", str(root), "--keep-days", "10"])
    assert again.exit_code == 0 and "2026-09..2026-10" not in again.output


@pytest.mark.parametrize(("flag", "compacts"), [([], True), (["--no-compact"], False)])
def test_publish_command_compacts_unless_told_not_to(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, flag: list[str], compacts: bool
) -> None:
    from jobpipe import steps

    calls: list[bool] = []

    def fake_publish(day: date, settings: Any, *, compact: bool = True) -> dict[str, Any]:
        calls.append(compact)
        months = {"posting_versions": ["2026-09"]} if compact else None
        return {"date": day.isoformat(), "sources": {}, "compacted": months}

    monkeypatch.setattr(steps, "publish", fake_publish)
    args = ["publish", "--date", "2026-11-14", "--data-root", str(tmp_path), *flag]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert calls == [compacts]
    assert ("Compacted months: posting_versions: 1" in result.output) == compacts
