"""Dashboard extracts: the marts, rebuilt from Parquet and exported as flat Parquet files.

``exports/<mart>.parquet`` (one file per mart, atomically replaced) and
``exports/extract.json`` (row counts and the latest snapshot date) under the data root. A
dashboard tool reads these files without DuckDB or the warehouse file.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from jobpipe.atomic import atomic_open, atomic_path

EXPORTED_MARTS = ("postings_current", "postings_daily_by_company")


def export_dashboard(root: Path, reason: str = "") -> dict[str, Any]:
    """Rebuild the warehouse views from the Parquet layers and export every mart."""
    import duckdb

    from warehouse.build import build_warehouse

    warehouse = build_warehouse(root)
    out: dict[str, Any] = {"exported_at": datetime.now(UTC).isoformat(), "reason": reason}
    marts: dict[str, int] = {}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for mart in EXPORTED_MARTS:
            target = root / "exports" / f"{mart}.parquet"
            with atomic_path(target) as tmp:
                con.execute(
                    f"copy (select * from {mart}) to {_literal(tmp)} "
                    "(format parquet, compression zstd)"
                )
            (marts[mart],) = con.execute(f"select count(*) from {_literal(target)}").fetchone()
        (latest,) = con.execute("select max(snapshot_date) from stg_postings").fetchone()
    out.update({"marts": marts, "latest_snapshot_date": str(latest) if latest else None})
    with atomic_open(root / "exports" / "extract.json") as fh:
        fh.write(orjson.dumps(out, option=orjson.OPT_INDENT_2))
    return out


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"
