"""Deliberately broken batches for every suite (bronze, silver, batch), shared by the tests.

Each ``*_BROKEN`` / ``*_cases`` entry breaks exactly one rule and names the check that must
catch it; the cases are generated from the thresholds and suites where possible, so a new
rule needs a new case (``tests/test_expectations_every_check_fails.py`` enforces it).
"""

from __future__ import annotations

import gzip
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
from test_expectations_suite import batch, clean_row

from expectations.silver import PAY_COLUMNS, posted_at_window
from expectations.suite import DESCRIPTION_CHARS_COLUMN
from expectations.thresholds import Thresholds

DAY = date(2026, 11, 1)
FACTORS = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}
BETWEEN = "expect_column_values_to_be_between"


# --------------------------------------------------------------------------- silver


def silver_row(pid: str, **overrides: Any) -> dict[str, Any]:
    """A posting every silver rule accepts (annual pay filled in)."""
    row = clean_row(pid, salary_min_annual=38.0 * 2080, salary_max_annual=45.0 * 2080)
    row.update(overrides)
    return row


def pay_label(col: str, period: str) -> str:
    return f"{BETWEEN}({col} | salary_period={period})"


def silver_cases(t: Thresholds, day: date = DAY) -> dict[str, tuple[dict[str, Any], str]]:
    """name → (overrides breaking one silver rule, the label that must catch it)."""
    earliest, latest = posted_at_window(day, t)
    title = "expect_column_values_to_not_match_regex_list(title)"
    described = f"{BETWEEN}({DESCRIPTION_CHARS_COLUMN})"
    cases: dict[str, tuple[dict[str, Any], str]] = {
        "posted_before_2000": (
            {"posted_at": earliest - timedelta(days=1)},
            f"{BETWEEN}(posted_at)",
        ),
        "posted_in_future": ({"posted_at": latest + timedelta(hours=1)}, f"{BETWEEN}(posted_at)"),
        "empty_description": ({"description_text": ""}, described),
        "blank_description": ({"description_text": " \n\t\u00a0 "}, described),
        "null_description": ({"description_text": None}, described),
        "url_title": ({"title": "https://jobs.example.com/123"}, title),
        "www_title": ({"title": "www.example.com/careers"}, title),
        "boilerplate_title": ({"title": "N/A"}, title),
        "untitled_title": ({"title": "  Untitled  "}, title),
    }
    for period, (low, high) in t.annual_pay_bounds.items():
        factor = FACTORS[period]
        for col in PAY_COLUMNS:
            other = "salary_max_annual" if col == "salary_min_annual" else "salary_min_annual"
            base = {"salary_period": period, "salary_currency": "EUR", other: None}
            cases[f"{col}_{period}_low"] = (
                {**base, col: low / 2, "salary_min": low / 2 / factor, "salary_max": None},
                pay_label(col, period),
            )
            cases[f"{col}_{period}_high"] = (
                {**base, col: high * 2, "salary_min": None, "salary_max": high * 2 / factor},
                pay_label(col, period),
            )
    return cases


def silver_plausible_rows(t: Thresholds) -> list[dict[str, Any]]:
    """Edge rows that must pass: bounds inclusive, unbounded currencies, posted on the day."""
    _, latest = posted_at_window(DAY, t)
    low, high = t.annual_pay_bounds["year"]
    return [
        silver_row("edge-low", salary_period="year", salary_min_annual=low, salary_max_annual=low),
        silver_row("edge-hi", salary_period="year", salary_min_annual=high, salary_max_annual=high),
        silver_row("jpy", salary_currency="JPY", salary_period="year", salary_max_annual=9e6),
        silver_row("today", posted_at=latest - timedelta(hours=1)),
        silver_row("no-posted", posted_at=None),
        silver_row("title-with-url-inside", title="Engineer (see https://x.io)"),
    ]


def silver_broken_batch(t: Thresholds) -> pa.Table:
    rows = [silver_row("good")]
    rows += [silver_row(name, **change) for name, (change, _) in silver_cases(t).items()]
    return batch(rows)


# --------------------------------------------------------------------------- bronze


def bronze_record(job: str, **overrides: Any) -> dict[str, Any]:
    """A posting line as the bronze pipeline writes it (a Greenhouse job payload)."""
    record = {
        "record_type": "posting",
        "source": "greenhouse",
        "board": "acme",
        "source_job_id": job,
        "request_url": "https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true",
        "http_status": 200,
        "fetched_at": "2026-11-01T06:00:00+00:00",
        "payload": {"list": None, "detail": _job(job)},
    }
    record.update(overrides)
    return record


def _job(job: str) -> dict[str, Any]:
    return {
        "id": int(job) if job.isdigit() else job,
        "title": "Registered Nurse",
        "absolute_url": f"https://job-boards.greenhouse.io/acme/jobs/{job}",
        "updated_at": "2026-10-02T10:00:00-04:00",
        "first_published": "2026-10-01T10:00:00-04:00",
        "company_name": "Acme",
        "location": {"name": "Boston, MA"},
        "content": "&lt;p&gt;Care for patients. $38 - $45 an hour.&lt;/p&gt;",
        "departments": [{"name": "Nursing"}],
        "offices": [],
        "metadata": [],
    }


REQUIRED = "expect_column_values_to_not_be_null"
IN_SET = "expect_column_values_to_be_in_set"


def bronze_cases() -> dict[str, tuple[dict[str, Any] | bytes, str]]:
    """name → (a broken bronze record, or raw line bytes; the bronze check that catches it)."""
    cases: dict[str, tuple[dict[str, Any] | bytes, str]] = {
        "corrupt_line": (b'{"record_type": "posting", "source": "greenh', f"{IN_SET}(line_parses)"),
        "not_an_object": (b"[1, 2, 3]", f"{IN_SET}(line_parses)"),
        "no_payload": (bronze_record("11", payload=None), f"{IN_SET}(payload_kind)"),
        "empty_payload": (bronze_record("12", payload={}), f"{IN_SET}(payload_kind)"),
        "list_payload": (bronze_record("13", payload=[1]), f"{IN_SET}(payload_kind)"),
        "unknown_source": (bronze_record("14", source="monster"), f"{IN_SET}(source)"),
        "bad_url": (
            bronze_record("15", request_url="boards-api/v1/acme"),
            "expect_column_values_to_match_regex(request_url)",
        ),
        "status_500": (bronze_record("16", http_status=500), f"{BETWEEN}(http_status)"),
        "status_304": (bronze_record("17", http_status=304), f"{BETWEEN}(http_status)"),
        "status_text": (bronze_record("18", http_status="OK"), f"{BETWEEN}(http_status)"),
    }
    for i, name in enumerate(
        ("source", "board", "source_job_id", "request_url", "fetched_at", "http_status")
    ):
        cases[f"missing_{name}"] = (bronze_record(str(30 + i), **{name: ""}), f"{REQUIRED}({name})")
    return cases


def write_bronze(path: Path, lines: list[dict[str, Any] | bytes]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wb") as fh:
        for line in lines:
            fh.write((line if isinstance(line, bytes) else orjson.dumps(line)) + b"\n")
    return path


# --------------------------------------------------------------------------- batch


def board_rows(board: str, n: int, day: date = DAY, **overrides: Any) -> list[dict[str, Any]]:
    return [
        silver_row(f"{board}-{i}", board=board, snapshot_date=day, **overrides) for i in range(n)
    ]


def when(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time(), UTC)
