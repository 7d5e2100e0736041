"""Greenhouse Job Board API: list and detail payloads → :class:`JobPostingItem`.

Endpoints (``https://boards-api.greenhouse.io`` in production):
``GET /v1/boards/{board}/jobs?content=true`` → ``{"jobs": [...], "meta": {"total": n}}`` and
``GET /v1/boards/{board}/jobs/{id}?pay_transparency=true`` → one job, plus ``pay_input_ranges``.
"""

from __future__ import annotations

import html
from typing import Any

from spiders.extract import PayloadError
from spiders.extract.jsonpayload import load_json
from spiders.items import JobPostingItem

SOURCE = "greenhouse"
EMPLOYMENT_KEYS = ("employment type", "time type", "job type", "employment", "worker type")
WORKPLACE_KEYS = ("location type", "workplace type", "remote", "work location type", "workplace")


def list_url(base_url: str, board: str) -> str:
    return f"{base_url.rstrip('/')}/v1/boards/{board}/jobs?content=true"


def detail_url(base_url: str, board: str, job_id: str) -> str:
    return f"{base_url.rstrip('/')}/v1/boards/{board}/jobs/{job_id}?pay_transparency=true"


def parse_jobs_list(body: bytes | str) -> list[Any]:
    """The ``jobs`` array of a list response; :class:`PayloadError` if the shape is wrong."""
    data, _ = load_json(body)
    if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
        raise PayloadError("unexpected_shape", "expected an object with a 'jobs' array")
    return data["jobs"]


def parse_job_detail(body: bytes | str) -> dict[str, Any]:
    """One job object from a detail response."""
    data, _ = load_json(body)
    if not isinstance(data, dict):
        raise PayloadError("unexpected_shape", "expected a job object")
    return data


def job_id(job: Any) -> str | None:
    """The job's id as a string, or None when it is missing or not a scalar."""
    if not isinstance(job, dict):
        return None
    value = job.get("id")
    if isinstance(value, bool) or not isinstance(value, (int, str)) or value == "":
        return None
    return str(value)


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _metadata_value(job: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for entry in job.get("metadata") or []:
        if not isinstance(entry, dict):
            continue
        name = str(entry.get("name") or "").strip().lower()
        if name in keys:
            value = entry.get("value")
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value if v)
            if value:
                return str(value)
    return None


def _department(job: dict[str, Any]) -> str | None:
    names = [
        _text(d.get("name"))
        for d in job.get("departments") or []
        if isinstance(d, dict) and _text(d.get("name"))
    ]
    return " / ".join(dict.fromkeys(names)) or None  # type: ignore[arg-type]


def _locations(job: dict[str, Any]) -> list[str]:
    loc = job.get("location")
    name = _text(loc.get("name")) if isinstance(loc, dict) else _text(loc)
    return [name] if name else []


def _content_html(job: dict[str, Any]) -> str | None:
    content = job.get("content")
    if not isinstance(content, str) or not content.strip():
        return None
    # Greenhouse entity-escapes the HTML once ("&lt;p&gt;"); unescape once, keep inner entities.
    return html.unescape(content)


def _pay_ranges(job: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for r in job.get("pay_input_ranges") or [] if isinstance(r, dict)]


def posting_from_payload(
    payload: dict[str, Any],
    board: str,
    *,
    request_url: str = "",
    http_status: int = 200,
    fetched_at: str = "",
) -> JobPostingItem:
    """Merge a job's list entry and detail response into one item.

    ``payload`` is ``{"list": job-from-list or None, "detail": detail-response or None}``;
    detail values win where both are present.
    """
    listed = payload.get("list") if isinstance(payload.get("list"), dict) else {}
    detail = payload.get("detail") if isinstance(payload.get("detail"), dict) else {}
    job: dict[str, Any] = {**listed, **detail}
    jid = job_id(job)
    if jid is None:
        raise PayloadError("missing_id", "job object has no usable 'id'")
    url = _text(job.get("absolute_url"))
    return JobPostingItem(
        source=SOURCE,
        board=board,
        source_job_id=jid,
        url=url,
        apply_url=url,
        company=_text(job.get("company_name")),
        title=_text(job.get("title")),
        description_html=_content_html(job),
        location_raw=_locations(job),
        department=_department(job),
        posted_at_raw=_text(job.get("first_published")) or _text(job.get("created_at")),
        updated_at_raw=_text(job.get("updated_at")),
        employment_type_raw=_metadata_value(job, EMPLOYMENT_KEYS),
        workplace_type_raw=_metadata_value(job, WORKPLACE_KEYS),
        salary_structured=_pay_ranges(job),
        raw=payload,
        request_url=request_url,
        http_status=http_status,
        fetched_at=fetched_at,
    )
