"""Ashby public Job Posting API: job-board payloads → :class:`JobPostingItem`.

Endpoint (``https://api.ashbyhq.com`` in production):
``GET /posting-api/job-board/{board}?includeCompensation=true`` →
``{"apiVersion": "1", "jobs": [...]}``, every job of the board in one response (no paging).
Each job carries ``id``, ``title``, ``department``, ``team``, ``employmentType``
(``FullTime``...), ``location`` plus ``secondaryLocations`` (``[{"location", "address"}]``),
``address.postalAddress`` (``addressLocality``, ``addressRegion``, ``addressCountry``),
``isListed``, ``isRemote``, ``workplaceType`` (``Remote``/``Hybrid``/``OnSite`` or null),
``publishedAt``, ``jobUrl``, ``applyUrl``, ``descriptionHtml``/``descriptionPlain`` and, with
``includeCompensation=true``, ``compensation`` (``compensationTiers[].components[]`` and the
board-wide ``summaryComponents``, each with ``compensationType``, ``interval`` such as
``1 YEAR``, ``currencyCode``, ``minValue``, ``maxValue``).
"""

from __future__ import annotations

import html
import math
import re
from typing import Any
from urllib.parse import quote

from spiders.extract import PayloadError
from spiders.extract.jsonpayload import load_json
from spiders.items import JobPostingItem

SOURCE = "ashby"
DEFAULT_BASE_URL = "https://api.ashbyhq.com"
PERIODS = {"HOUR": "hour", "DAY": "day", "WEEK": "week", "MONTH": "month", "YEAR": "year"}
#: Ashby ``compensationType`` → the common pay ``kind`` (``Salary`` may still turn out OTE).
KINDS = {
    "salary": "base",
    "equitypercentage": "equity",
    "equitycashvalue": "equity",
    "bonus": "bonus",
    "commission": "other",
}
OTE_RE = re.compile(r"\bOTE\b|\bon[- ]target\b", re.IGNORECASE)
THOUSANDS_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def list_url(base_url: str, board: str, *, include_compensation: bool = True) -> str:
    """URL of a board's full job list, with compensation unless told otherwise."""
    url = f"{base_url.rstrip('/')}/posting-api/job-board/{quote(board, safe='')}"
    return f"{url}?includeCompensation=true" if include_compensation else url


def payloads_from_list(body: bytes | str) -> list[dict[str, Any]]:
    """The listed jobs of a job-board response (``isListed: false`` dropped).

    :class:`PayloadError` if the body is not an object with a ``jobs`` array. An entry that is
    not an object is kept so the caller's :func:`job_id` check records it as ``missing_id``.
    """
    data, _ = load_json(body)
    if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
        raise PayloadError("unexpected_shape", "expected an object with a 'jobs' array")
    return [j for j in data["jobs"] if not (isinstance(j, dict) and j.get("isListed") is False)]


def job_id(job: Any) -> str | None:
    """The job's id as a string, or None when it is missing or not a scalar."""
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


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _plain_to_html(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", value.strip()) if p.strip()]
    return "".join(
        "<p>" + "<br>".join(html.escape(line.strip()) for line in p.splitlines()) + "</p>"
        for p in paragraphs
    )


def _description_html(job: dict[str, Any]) -> str | None:
    value = job.get("descriptionHtml")
    if isinstance(value, str) and value.strip():
        return value.strip()
    return _plain_to_html(job.get("descriptionPlain"))


def _place(name: Any, address: Any) -> str | None:
    """``"Locality, Region, Country"`` from the postal address when it names a locality.

    Otherwise the location's own name (``"Remote (US)"``), else region and country.
    """
    postal = _dict(_dict(address).get("postalAddress"))
    locality, region, country = (
        _text(postal.get(k)) for k in ("addressLocality", "addressRegion", "addressCountry")
    )
    if locality:
        return ", ".join(p for p in (locality, region, country) if p)
    return _text(name) or ", ".join(p for p in (region, country) if p) or None


def _locations(job: dict[str, Any]) -> list[str]:
    found = [_place(job.get("location"), job.get("address"))]
    secondary = job.get("secondaryLocations")
    for entry in secondary if isinstance(secondary, list) else []:
        if isinstance(entry, dict):
            found.append(_place(entry.get("location"), entry.get("address")))
        else:
            found.append(_text(entry))
    return list(dict.fromkeys(p for p in found if p))


def _workplace(job: dict[str, Any]) -> str | None:
    label = _text(job.get("workplaceType"))
    if label:
        return label
    return "Remote" if job.get("isRemote") is True else None


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


def _period(interval: Any) -> str | None:
    """``"1 YEAR"`` → ``year``; ``"NONE"``, multiples (``"2 WEEK"``) and oddities → None."""
    match = (
        re.fullmatch(r"(?:1\s+)?([A-Za-z]+)", interval.strip())
        if isinstance(interval, str)
        else None
    )
    return PERIODS.get(match.group(1).upper()) if match else None


def _component(component: Any, label: str) -> dict[str, Any] | None:
    if not isinstance(component, dict):
        return None
    low, high = _amount(component.get("minValue")), _amount(component.get("maxValue"))
    if low is None and high is None:
        return None
    kind_key = str(component.get("compensationType") or "").replace(" ", "").lower()
    kind = KINDS.get(kind_key, "other")
    if kind == "base" and OTE_RE.search(label):
        kind = "ote"
    return {
        "min": low,
        "max": high,
        "currency": _currency(component.get("currencyCode")),
        "period": _period(component.get("interval")),
        "label": label,
        "kind": kind,
    }


def _salary(job: dict[str, Any]) -> list[dict[str, Any]]:
    """Pay in the common shape, one entry per tier component with an amount.

    Tier components are labelled with their own ``summary`` (prefixed ``"{tier title}: "`` when
    the tier has a title); ``summaryComponents`` (the board's roll-up of the tiers) are used
    only when there are no tier components, labelled with ``compensationTierSummary``.
    """
    comp = _dict(job.get("compensation"))
    out: list[dict[str, Any]] = []
    tiers = comp.get("compensationTiers")
    has_components = False
    for tier in tiers if isinstance(tiers, list) else []:
        tier = _dict(tier)
        components = tier.get("components")
        if not isinstance(components, list):
            continue
        title = _text(tier.get("title"))
        for component in components:
            has_components = True
            summary = _text(_dict(component).get("summary")) or _text(tier.get("tierSummary"))
            label = ": ".join(p for p in (title, summary) if p)
            if (entry := _component(component, label)) is not None:
                out.append(entry)
    if has_components:
        return out
    summary_label = (
        _text(comp.get("compensationTierSummary"))
        or _text(comp.get("scrapeableCompensationSalarySummary"))
        or ""
    )
    components = comp.get("summaryComponents")
    for component in components if isinstance(components, list) else []:
        if (entry := _component(component, summary_label)) is not None:
            out.append(entry)
    return out


def posting_from_payload(
    payload: dict[str, Any],
    board: str,
    *,
    request_url: str = "",
    http_status: int = 200,
    fetched_at: str = "",
) -> JobPostingItem:
    """One Ashby job (an entry of the board's ``jobs`` array) as an item."""
    jid = job_id(payload)
    if jid is None:
        raise PayloadError("missing_id", "job has no usable 'id'")
    url = _text(payload.get("jobUrl"))
    return JobPostingItem(
        source=SOURCE,
        board=board,
        source_job_id=jid,
        url=url,
        apply_url=_text(payload.get("applyUrl")) or url,
        company=None,  # the public job board does not name the company
        title=_text(payload.get("title")),
        description_html=_description_html(payload),
        location_raw=_locations(payload),
        department=_text(payload.get("department")) or _text(payload.get("team")),
        posted_at_raw=_text(payload.get("publishedAt")),
        updated_at_raw=_text(payload.get("updatedAt")),
        employment_type_raw=_text(payload.get("employmentType")),
        workplace_type_raw=_workplace(payload),
        salary_structured=_salary(payload),
        raw=payload,
        request_url=request_url,
        http_status=http_status,
        fetched_at=fetched_at,
    )
