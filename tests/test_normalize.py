"""Bronze records → typed schema rows; nothing is lost without a reason."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pyarrow as pa
from conftest import FIXTURES

from transforms.normalize import iter_bronze, normalize_records, posting_id
from warehouse.schema import arrow_schema

DAY = date(2026, 11, 1)


def _detail() -> dict:
    return json.loads((FIXTURES / "greenhouse" / "detail-pay.json").read_text())


def _record(payload: dict, board: str = "acme", **extra: object) -> dict:
    return {
        "record_type": "posting",
        "source": "greenhouse",
        "board": board,
        "source_job_id": str(payload.get("id")),
        "request_url": "http://127.0.0.1/x",
        "http_status": 200,
        "fetched_at": "2026-11-01T06:00:00.000Z",
        "payload": {"list": None, "detail": payload},
        **extra,
    }


def _bronze(tmp_path: Path, lines: list[bytes]) -> Path:
    path = tmp_path / "part-all.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        fh.write(b"".join(lines))
    return path


def test_posting_id_is_stable_and_distinct() -> None:
    assert posting_id("greenhouse", "a", "1") == posting_id("greenhouse", "a", "1")
    assert posting_id("greenhouse", "a", "1") != posting_id("greenhouse", "b", "1")
    assert len(posting_id("greenhouse", "a", "1")) == 16


def test_normalize_types_every_column(tmp_path: Path) -> None:
    path = _bronze(tmp_path, [json.dumps(_record(_detail())).encode() + b"\n"])
    result = normalize_records(iter_bronze([path]), DAY)
    assert result.table.schema.equals(arrow_schema(strict=False))
    row = result.table.to_pylist()[0]
    assert row["posting_id"] == posting_id("greenhouse", "acme", "4012345678")
    assert row["title"] == "Senior Warehouse Operations Supervisor"
    assert row["description_text"].startswith("Lead a team of 12")
    assert row["locations"] == [
        {"raw": "Denver, CO", "city": "Denver", "region": "CO", "country_code": "US"}
    ]
    assert row["employment_type"] == "full_time"
    assert (row["salary_min"], row["salary_max"], row["salary_currency"]) == (72000, 88000, "USD")
    assert row["salary_period"] == "year" and row["salary_source"] == "structured"
    assert row["posted_at"].isoformat() == "2026-09-20T14:00:00+00:00"
    assert row["snapshot_date"] == DAY


def test_errors_rejects_and_corrupt_lines_are_accounted(tmp_path: Path) -> None:
    good = json.dumps(_record(_detail())).encode() + b"\n"
    no_id = json.dumps(_record({"title": "No id"})).encode() + b"\n"
    unknown = json.dumps(_record(_detail(), source="monster")).encode() + b"\n"
    error = (
        json.dumps(
            {
                "record_type": "error",
                "source": "greenhouse",
                "board": "acme",
                "reason": "http_500",
                "detail": "HTTP 500",
            }
        ).encode()
        + b"\n"
    )
    corrupt = b'{"record_type": "posting", "sou\n'
    path = _bronze(tmp_path, [good, no_id, unknown, error, corrupt, b"\n"])
    result = normalize_records(iter_bronze([path]), DAY)
    assert result.table.num_rows == 1
    assert sorted(r["reason"] for r in result.rejects) == [
        "corrupt_bronze",
        "missing_id",
        "unknown_source",
    ]
    assert all("part-all.jsonl.gz:" in r["detail"] for r in result.rejects)
    assert [e["reason"] for e in result.crawl_errors] == ["http_500"]
    assert result.postings_in == 4


def test_truncated_bronze_file_is_a_reject_not_a_crash(tmp_path: Path) -> None:
    path = _bronze(tmp_path, [json.dumps(_record(_detail())).encode() + b"\n"] * 50)
    path.write_bytes(path.read_bytes()[:-30])
    result = normalize_records(iter_bronze([path]), DAY)
    assert any(r["reason"] == "corrupt_bronze" for r in result.rejects)
    result.check_accounting()


def test_empty_input_gives_empty_typed_table() -> None:
    result = normalize_records([], DAY)
    assert result.table.num_rows == 0
    assert isinstance(result.table, pa.Table)
    assert result.table.schema.equals(arrow_schema(strict=False))
