"""``jobpipe enrich``: JSON lines in (id, title, company, location, description, [salary],
[employment_type]) → one JSON line out per input line, same order, with every field."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import orjson

from transforms.enrich import Enrichment, enrich

INPUT_KEYS = ("id", "title", "company", "location", "description", "salary", "employment_type")


def _str(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def enrich_record(record: dict[str, Any]) -> dict[str, Any]:
    """Enrichment of one input record (see :data:`INPUT_KEYS`)."""
    location = _str(record.get("location"))
    result: Enrichment = enrich(
        title=_str(record.get("title")),
        description=_str(record.get("description")),
        location_raw=[location] if location else [],
        salary_label=_str(record.get("salary")),
        employment_label=_str(record.get("employment_type")),
    )
    return {"id": record.get("id"), **result.as_dict()}


def enrich_lines(lines: Iterable[bytes | str]) -> Iterator[dict[str, Any]]:
    """One output object per non-blank input line; a bad line yields an ``error`` object."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            yield {"id": None, "line": number, "error": f"invalid JSON: {exc}"}
            continue
        if not isinstance(record, dict):
            yield {"id": None, "line": number, "error": "each line must be a JSON object"}
            continue
        try:
            yield enrich_record(record)
        except Exception as exc:  # one bad record must not stop the stream
            yield {"id": record.get("id"), "line": number, "error": f"enrichment failed: {exc!r}"}
