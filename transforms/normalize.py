"""Normalize (bronze → silver): replay extraction on raw records and type them to the schema.

Every bronze line ends in exactly one place: a typed row, a reject (a record that cannot be
replayed, with its reason), or a crawl error (the spider already recorded a failure).
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa

from spiders.extract import (
    PayloadError,
    ashby,
    lever,
    personio,
    recruitee,
    schemaorg,
    smartrecruiters,
    workable,
    workday,
)
from spiders.extract import greenhouse as gh
from spiders.items import JobPostingItem
from transforms.enrich import enrich
from transforms.html_text import html_to_text
from transforms.pay import Salary, greenhouse_pay, structured_pay
from transforms.timestamps import parse_timestamp
from warehouse.schema import arrow_schema

Extractor = Callable[..., JobPostingItem]
_MODULES = (gh, lever, ashby, smartrecruiters, workable, workday, recruitee, personio, schemaorg)
EXTRACTORS: dict[str, Extractor] = {m.SOURCE: m.posting_from_payload for m in _MODULES}
# Greenhouse pay comes in cents with a free-text title; every other extractor emits the
# common shape that transforms.pay.structured_pay reads.
PAY_PARSERS: dict[str, Callable[[list[dict[str, Any]]], Salary | None]] = {
    m.SOURCE: structured_pay for m in _MODULES
} | {gh.SOURCE: greenhouse_pay}


def posting_id(source: str, board: str, source_job_id: str) -> str:
    """Stable id of a posting across crawls: sha256 of ``source:board:source_job_id``."""
    return hashlib.sha256(f"{source}:{board}:{source_job_id}".encode()).hexdigest()[:16]


@dataclass
class NormalizeResult:
    """Typed rows plus everything that could not become a row, with reasons."""

    table: pa.Table
    rejects: list[dict[str, Any]] = field(default_factory=list)
    crawl_errors: list[dict[str, Any]] = field(default_factory=list)
    postings_in: int = 0

    def check_accounting(self) -> None:
        """Every bronze posting record became a row or a reject."""
        if self.postings_in != self.table.num_rows + len(self.rejects):
            raise AssertionError(
                f"row accounting broken: {self.postings_in} in != "
                f"{self.table.num_rows} rows + {len(self.rejects)} rejects"
            )


def iter_bronze(paths: Iterable[Path]) -> Iterator[tuple[str, int, dict[str, Any] | str]]:
    """``(file, line number, record)``; a line that is not a JSON object yields its error text."""
    for path in paths:
        try:
            with gzip.open(path, "rb") as fh:
                for number, line in enumerate(fh, start=1):
                    if not line.strip():
                        continue
                    try:
                        record = orjson.loads(line)
                    except orjson.JSONDecodeError as exc:
                        yield str(path), number, f"corrupt bronze line: {exc}"
                        continue
                    if not isinstance(record, dict):
                        yield str(path), number, "corrupt bronze line: not an object"
                        continue
                    yield str(path), number, record
        except (OSError, EOFError) as exc:
            yield str(path), 0, f"unreadable bronze file: {exc}"


def row_from_item(item: JobPostingItem, snapshot_date: date) -> dict[str, Any]:
    """The clean schema row for one extracted posting, enriched."""
    text = html_to_text(item.description_html)
    parser = PAY_PARSERS.get(item.source)
    structured = parser(item.salary_structured) if parser and item.salary_structured else None
    enriched = enrich(
        title=item.title,
        description=item.description_html,
        text=text,
        location_raw=item.location_raw,
        salary_structured=structured,
        employment_label=item.employment_type_raw,
        workplace_label=item.workplace_type_raw,
    )
    return {
        "posting_id": posting_id(item.source, item.board, item.source_job_id),
        "source": item.source,
        "board": item.board,
        "source_job_id": item.source_job_id,
        "url": item.url,
        "apply_url": item.apply_url,
        "company": item.company,
        "title": item.title,
        "description_html": item.description_html,
        "description_text": text,
        "department": item.department,
        "posted_at": parse_timestamp(item.posted_at_raw),
        "updated_at": parse_timestamp(item.updated_at_raw),
        "scraped_at": parse_timestamp(item.fetched_at),
        **enriched.as_dict(),
        "snapshot_date": snapshot_date,
    }


def _reject(record: dict[str, Any] | None, where: str, reason: str, detail: str) -> dict[str, Any]:
    record = record or {}
    return {
        "source": record.get("source"),
        "board": record.get("board"),
        "source_job_id": record.get("source_job_id"),
        "stage": "normalize",
        "reason": reason,
        "detail": f"{detail} ({where})",
    }


def normalize_records(
    records: Iterable[tuple[str, int, dict[str, Any] | str]], snapshot_date: date
) -> NormalizeResult:
    """Turn bronze records into schema rows; never drops one without saying why."""
    rows: list[dict[str, Any]] = []
    result = NormalizeResult(table=pa.table({}))
    for path, number, record in records:
        where = f"{Path(path).name}:{number}"
        if isinstance(record, str):
            result.postings_in += 1
            result.rejects.append(_reject(None, where, "corrupt_bronze", record))
            continue
        kind = record.get("record_type")
        if kind == "error":
            result.crawl_errors.append(record)
            continue
        result.postings_in += 1
        extractor = EXTRACTORS.get(str(record.get("source")))
        if extractor is None:
            result.rejects.append(
                _reject(
                    record, where, "unknown_source", f"no extractor for {record.get('source')!r}"
                )
            )
            continue
        try:
            item = extractor(
                record.get("payload") or {},
                str(record.get("board") or ""),
                request_url=str(record.get("request_url") or ""),
                http_status=int(record.get("http_status") or 0),
                fetched_at=str(record.get("fetched_at") or ""),
            )
            if not item.company and isinstance(record.get("company_hint"), str):
                item.company = record["company_hint"]  # registry name (Lever, Ashby name none)
            rows.append(row_from_item(item, snapshot_date))
        except PayloadError as exc:
            result.rejects.append(_reject(record, where, exc.reason, exc.detail))
        except Exception as exc:  # a transform bug must not lose the record silently
            result.rejects.append(_reject(record, where, "transform_error", repr(exc)[:500]))
    result.table = pa.Table.from_pylist(rows, schema=arrow_schema(strict=False))
    result.check_accounting()
    return result
