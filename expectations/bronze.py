"""The bronze suite: checks on raw crawled items, run by the normalize step before extraction.

Bronze records are gzipped JSON lines (``spiders/pipelines.py``). Every posting line (and
every line that is not a JSON object at all) becomes one row of a small "facts" table, which
GX validates with :func:`build_bronze_suite`:

- the line parses as a JSON object and its ``payload`` is a non-empty JSON object;
- the required source fields are present (``source``, ``board``, ``source_job_id``,
  ``request_url``, ``fetched_at``, ``http_status``; empty strings count as missing);
- ``source`` is a platform jobpipe has an extractor for;
- ``request_url`` is an absolute http(s) URL;
- ``http_status`` is 2xx (bounds from :class:`~expectations.thresholds.Thresholds`).

Crawl-error lines (``record_type == "error"``) are already failures with a reason and go to
``crawl_errors`` as before. A line that fails a bronze check is not extracted: it becomes a
normalize reject whose ``failed_expectations`` are ``bronze:<check>`` and whose offending
values are kept, so the validate step quarantines it with the reason. Nothing is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import great_expectations as gx
import pyarrow as pa
from great_expectations import expectations as gxe

from expectations.suite import URL_REGEX, gx_context
from expectations.thresholds import Thresholds, load_thresholds
from expectations.validate import ValidationOutcome, validate_postings
from transforms.normalize import NormalizeResult, iter_bronze, normalize_records
from warehouse.schema import SOURCES

BRONZE_SUITE = "bronze_raw_items"
LABEL_PREFIX = "bronze:"
REQUIRED_FIELDS = ("source", "board", "source_job_id", "request_url", "fetched_at", "http_status")

FACTS_SCHEMA = pa.schema(
    [
        pa.field("bronze_file", pa.string()),
        pa.field("bronze_line", pa.int64()),
        pa.field("line_parses", pa.bool_()),
        pa.field("payload_kind", pa.string()),
        pa.field("source", pa.string()),
        pa.field("board", pa.string()),
        pa.field("source_job_id", pa.string()),
        pa.field("request_url", pa.string()),
        pa.field("fetched_at", pa.string()),
        pa.field("http_status", pa.int64()),
    ]
)

Record = tuple[str, int, dict[str, Any] | str]


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _status(value: Any) -> int | None:
    if isinstance(value, bool) or value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1  # present but not a number: fails the 2xx check with its row named


def _payload_kind(record: dict[str, Any]) -> str:
    payload = record.get("payload")
    if payload is None:
        return "missing"
    if isinstance(payload, dict):
        return "object" if payload else "empty object"
    return type(payload).__name__


def facts_row(path: str, number: int, record: dict[str, Any] | str) -> dict[str, Any]:
    """The bronze-suite row of one bronze line (a string ``record`` = a line that did not parse)."""
    if isinstance(record, str):
        row: dict[str, Any] = {name: None for name in FACTS_SCHEMA.names}
        return row | {
            "bronze_file": path,
            "bronze_line": number,
            "line_parses": False,
            "payload_kind": "unparsed",
        }
    return {
        "bronze_file": path,
        "bronze_line": number,
        "line_parses": True,
        "payload_kind": _payload_kind(record),
        **{k: _text(record.get(k)) for k in REQUIRED_FIELDS if k != "http_status"},
        "http_status": _status(record.get("http_status")),
    }


def bronze_facts(records: Iterable[Record]) -> pa.Table:
    """One facts row per posting line or unparsable line; crawl-error lines are skipped."""
    rows = [
        facts_row(path, number, record)
        for path, number, record in records
        if isinstance(record, str) or record.get("record_type") != "error"
    ]
    return pa.Table.from_pylist(rows, schema=FACTS_SCHEMA)


def build_bronze_suite(thresholds: Thresholds | None = None) -> gx.ExpectationSuite:
    """The raw-item suite; numbers from ``thresholds``."""
    thresholds = thresholds or load_thresholds()
    gx_context()

    def meta(rule: str) -> dict[str, Any]:
        return {"origin": "bronze", "rule": rule}

    suite = gx.ExpectationSuite(name=BRONZE_SUITE)
    expectations = [
        gxe.ExpectColumnValuesToBeInSet(
            column="line_parses", value_set=[True], meta=meta("line is a JSON object")
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="payload_kind", value_set=["object"], meta=meta("payload is a JSON object")
        ),
        *(
            gxe.ExpectColumnValuesToNotBeNull(column=name, meta=meta("required source field"))
            for name in REQUIRED_FIELDS
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="source", value_set=list(SOURCES), meta=meta("known platform")
        ),
        gxe.ExpectColumnValuesToMatchRegex(
            column="request_url", regex=URL_REGEX, meta=meta("request URL well formed")
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="http_status",
            min_value=thresholds.bronze_ok_status_min,
            max_value=thresholds.bronze_ok_status_max,
            meta=meta("fetch status 2xx"),
        ),
    ]
    for expectation in expectations:
        suite.add_expectation(expectation)
    return suite


@dataclass
class BronzeCheck:
    """The bronze suite's outcome and the lines it held back, keyed by (file, line)."""

    outcome: ValidationOutcome
    held: dict[tuple[str, int], dict[str, Any]]

    def passing(self, records: Iterable[Record]) -> Iterator[Record]:
        """``records`` minus the held lines."""
        for path, number, record in records:
            if (path, number) not in self.held:
                yield path, number, record


def _reject(row: dict[str, Any]) -> dict[str, Any]:
    labels = [LABEL_PREFIX + label for label in row["failed_expectations"]]
    offending = [
        {**o, "expectation": LABEL_PREFIX + o["expectation"]} for o in row["offending_values"] or []
    ]
    where = f"{Path(row['bronze_file']).name}:{row['bronze_line']}"
    return {
        "source": row["source"],
        "board": row["board"],
        "source_job_id": row["source_job_id"],
        "stage": "bronze",
        "reason": "bronze_checks",
        "detail": f"{row['quarantine_reason']} ({where})",
        "failed_expectations": labels,
        "offending_values": offending,
    }


def check_bronze(files: list[Path], thresholds: Thresholds | None = None) -> BronzeCheck:
    """Validate every posting line of ``files`` with the bronze suite."""
    facts = bronze_facts(iter_bronze(files))
    outcome = validate_postings(facts, suite=build_bronze_suite(thresholds))
    held = {
        (row["bronze_file"], row["bronze_line"]): _reject(row)
        for row in outcome.quarantine.to_pylist()
    }
    return BronzeCheck(outcome=outcome, held=held)


def normalize_checked(
    files: list[Path], day: date, thresholds: Thresholds | None = None
) -> tuple[NormalizeResult, BronzeCheck]:
    """Bronze checks, then normalize the lines that passed; held lines become rejects.

    Reads the bronze files twice (checks, then extraction) rather than holding every raw
    payload in memory. Row accounting: postings in = rows + rejects, held lines included.
    """
    checked = check_bronze(files, thresholds)
    result = normalize_records(checked.passing(iter_bronze(files)), day)
    result.rejects.extend(checked.held.values())
    result.postings_in += len(checked.held)
    result.check_accounting()
    return result, checked


def checked_normalize(
    files: list[Path], day: date, root: Path
) -> tuple[NormalizeResult, dict[str, Any]]:
    """:func:`normalize_checked` with the thresholds in force, recorded in the history."""
    from expectations.history import outcome_check_runs, record_run

    result, checked = normalize_checked(files, day, load_thresholds())
    outcome = checked.outcome
    record_run(
        root, day, BRONZE_SUITE, f"bronze-{day}", outcome_check_runs(outcome), outcome.gx_result
    )
    summary = {
        "lines": outcome.rows_in,
        "held": len(checked.held),
        "success": outcome.success,
        "held_by_expectation": outcome.to_dict()["quarantined_by_expectation"],
    }
    return result, summary
