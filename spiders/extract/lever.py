"""Lever Postings API: list payloads → :class:`JobPostingItem`.

Endpoint (``https://api.lever.co`` in production, ``https://api.eu.lever.co`` for accounts
hosted in the EU): ``GET /v0/postings/{site}?mode=json&skip={skip}&limit={limit}`` → a bare
JSON array of postings (``[]`` past the last page; an unknown site answers
``{"ok": false, "error": "Document not found"}``). Each posting carries ``id``, ``text`` (the
title), ``hostedUrl``, ``applyUrl``, ``categories`` (``commitment``, ``department``, ``team``,
``location``, ``allLocations``), ``createdAt`` (epoch milliseconds), ``workplaceType``,
``description``/``descriptionPlain``, ``lists`` (``[{"text": heading, "content": "<li>..."}]``),
``additional``/``additionalPlain`` and, when the company publishes pay, ``salaryRange``
(``{"min", "max", "currency", "interval": "per-year-salary"}``) and ``salaryDescription``.
"""

from __future__ import annotations

import html
import math
import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from spiders.extract import PayloadError
from spiders.extract.jsonpayload import load_json
from spiders.items import JobPostingItem

SOURCE = "lever"
DEFAULT_BASE_URL = "https://api.lever.co"
EU_BASE_URL = "https://api.eu.lever.co"
PAGE_LIMIT = 100
PERIODS = {"hour": "hour", "day": "day", "week": "week", "month": "month", "year": "year"}
INTERVAL_RE = re.compile(r"per-(hour|day|week|month|year)\b")
THOUSANDS_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def list_url(base_url: str, board: str, *, skip: int = 0, limit: int = PAGE_LIMIT) -> str:
    """URL of one page of a site's published postings (``base_url`` e.g. :data:`EU_BASE_URL`)."""
    site = quote(board, safe="")
    return f"{base_url.rstrip('/')}/v0/postings/{site}?mode=json&skip={skip}&limit={limit}"


def payloads_from_list(body: bytes | str) -> list[dict[str, Any]]:
    """The postings of one list response; :class:`PayloadError` if it is not a JSON array.

    Entries are returned unchanged; one that is not an object is kept so the caller's
    :func:`job_id` check records it as ``missing_id`` instead of losing it silently.
    """
    data, _ = load_json(body)
    if isinstance(data, dict):
        said = data.get("error") or data.get("message") or "an object"
        raise PayloadError("unexpected_shape", f"expected a JSON array of postings, got {said!r}")
    if not isinstance(data, list):
        raise PayloadError("unexpected_shape", "expected a JSON array of postings")
    return data


def job_id(job: Any) -> str | None:
    """The posting's id as a string, or None when it is missing or not a scalar."""
    if not isinstance(job, dict):
        return None
    value = job.get("id")
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        return None
    text = str(value).strip()
    return text or None


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _html(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip()


def _plain_to_html(value: Any) -> str | None:
    """Plain text as HTML paragraphs: blank lines split paragraphs, newlines become <br>."""
    if not isinstance(value, str) or not value.strip():
        return None
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", value.strip()) if p.strip()]
    return "".join(
        "<p>" + "<br>".join(html.escape(line.strip()) for line in p.splitlines()) + "</p>"
        for p in paragraphs
    )


def _section(job: dict[str, Any], key: str) -> str | None:
    return _html(job.get(key)) or _plain_to_html(job.get(f"{key}Plain"))


def _lists_html(job: dict[str, Any]) -> list[str]:
    lists = job.get("lists")
    out: list[str] = []
    for entry in lists if isinstance(lists, list) else []:
        if not isinstance(entry, dict):
            continue
        heading = _text(entry.get("text"))
        content = _html(entry.get("content"))
        if heading:
            out.append(f"<h3>{html.escape(heading, quote=False)}</h3>")
        if content:
            out.append(f"<ul>{content}</ul>")
    return out


def _description_html(job: dict[str, Any]) -> str | None:
    """``description`` (else ``opening`` + ``descriptionBody``), the lists, pay text, additional."""
    intro = _section(job, "description")
    parts = (
        [intro] if intro else [s for k in ("opening", "descriptionBody") if (s := _section(job, k))]
    )
    parts += _lists_html(job)
    parts += [s for k in ("salaryDescription", "additional") if (s := _section(job, k))]
    return "\n".join(parts) or None


def _categories(job: dict[str, Any]) -> dict[str, Any]:
    value = job.get("categories")
    return value if isinstance(value, dict) else {}


def _locations(job: dict[str, Any]) -> list[str]:
    categories = _categories(job)
    every = categories.get("allLocations")
    names = [_text(categories.get("location"))]
    names += [_text(v) for v in every] if isinstance(every, list) else []
    return list(dict.fromkeys(n for n in names if n))


def epoch_ms_to_iso(value: Any) -> str | None:
    """Epoch milliseconds (int or digit string) → ``2026-01-02T03:04:05.678Z``; None if not one."""
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    try:
        moment = datetime.fromtimestamp(value / 1000, UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _timestamp(value: Any) -> str | None:
    return epoch_ms_to_iso(value) or _text(value)


def _workplace(job: dict[str, Any]) -> str | None:
    value = _text(job.get("workplaceType"))
    return None if value is None or value.lower() == "unspecified" else value


def _amount(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        text = value.strip().replace("\u00a0", "").replace(" ", "")
        if THOUSANDS_RE.fullmatch(text):
            text = text.replace(",", "")
        try:
            value = float(text)
        except ValueError:
            return None
    if not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
        return None
    return float(value)


def _currency(value: Any) -> str | None:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{3}", value.strip()):
        return None
    return value.strip().upper()


def _salary(job: dict[str, Any]) -> list[dict[str, Any]]:
    """``salaryRange`` in the common pay shape; ``interval`` (``per-year-salary``) is the label."""
    pay = job.get("salaryRange")
    if not isinstance(pay, dict):
        return []
    low, high = _amount(pay.get("min")), _amount(pay.get("max"))
    if low is None and high is None:
        return []
    interval = _text(pay.get("interval")) or ""
    found = INTERVAL_RE.search(interval.lower())
    return [
        {
            "min": low,
            "max": high,
            "currency": _currency(pay.get("currency")),
            "period": PERIODS[found.group(1)] if found else None,
            "label": interval,
            "kind": "base",
        }
    ]


def posting_from_payload(
    payload: dict[str, Any],
    board: str,
    *,
    request_url: str = "",
    http_status: int = 200,
    fetched_at: str = "",
) -> JobPostingItem:
    """One Lever posting (an entry of the list array) as an item."""
    jid = job_id(payload)
    if jid is None:
        raise PayloadError("missing_id", "posting has no usable 'id'")
    categories = _categories(payload)
    url = _text(payload.get("hostedUrl"))
    return JobPostingItem(
        source=SOURCE,
        board=board,
        source_job_id=jid,
        url=url,
        apply_url=_text(payload.get("applyUrl")) or url,
        company=None,  # the postings API does not name the company
        title=_text(payload.get("text")),
        description_html=_description_html(payload),
        location_raw=_locations(payload),
        department=_text(categories.get("department")) or _text(categories.get("team")),
        posted_at_raw=_timestamp(payload.get("createdAt")),
        updated_at_raw=_timestamp(payload.get("updatedAt")),
        employment_type_raw=_text(categories.get("commitment")),
        workplace_type_raw=_workplace(payload),
        salary_structured=_salary(payload),
        raw=payload,
        request_url=request_url,
        http_status=http_status,
        fetched_at=fetched_at,
    )
