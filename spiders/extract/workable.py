"""Workable job widget API: account payload → :class:`JobPostingItem`.

Endpoint (``https://apply.workable.com`` in production, no authentication):
``GET /api/v1/widget/accounts/{subdomain}?details=true`` →
``{"name": company, "description": ..., "jobs": [job, ...]}`` where each job has
``shortcode`` (the id), ``title``, ``url``/``shortlink``, ``application_url``, ``department``,
``employment_type``, ``telecommuting``, ``published_on``/``created_at`` (dates),
``city``/``state``/``country`` and ``locations`` (``[{"city", "region", "country",
"countryCode", "hidden"}]``), and with ``details=true`` the ``description`` HTML.

A job open in several locations is listed once per location, with the same ``shortcode``.
:func:`payloads_from_list` merges those into one payload, keeping every original entry::

    {"job": first entry, "entries": [every entry], "locations": [location objects, merged],
     "duplicates": entries - 1, "company": account name}

The widget has no pay fields; a ``salary`` object (``salary_from``/``salary_to``/
``salary_currency``, as Workable's jobs API writes it) is read when present.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from spiders.extract import PayloadError
from spiders.extract.jsonpayload import load_json
from spiders.extract.schemaorg import salary_entry
from spiders.items import JobPostingItem

SOURCE = "workable"
BASE_URL = "https://apply.workable.com"


def list_url(base_url: str, subdomain: str) -> str:
    """URL of an account's jobs with descriptions (``details=true``)."""
    account = quote(subdomain, safe="")
    return f"{base_url.rstrip('/')}/api/v1/widget/accounts/{account}?details=true"


def parse_account(body: bytes | str) -> dict[str, Any]:
    """The account object of a widget response; :class:`PayloadError` if the shape is wrong."""
    data, _ = load_json(body)
    if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
        raise PayloadError("unexpected_shape", "expected an object with a 'jobs' array")
    return data


def job_id(job: Any) -> str | None:
    """The job's ``shortcode`` as a string (a merged payload's first entry), or None."""
    if isinstance(job, dict) and isinstance(job.get("job"), dict):
        job = job["job"]
    if not isinstance(job, dict):
        return None
    value = job.get("shortcode")
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        return None
    value = str(value).strip()
    return value or None


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _entry_locations(job: dict[str, Any]) -> list[dict[str, Any]]:
    found = job.get("locations")
    if isinstance(found, list) and found:
        return [loc for loc in found if isinstance(loc, dict)]
    top = {"city": job.get("city"), "region": job.get("state"), "country": job.get("country")}
    return [top] if any(_text(v) for v in top.values()) else []


def _location_key(location: dict[str, Any]) -> tuple[str | None, ...]:
    return tuple(_text(location.get(k)) for k in ("city", "region", "country", "countryCode"))


def payloads_from_list(body: bytes | str) -> list[dict[str, Any]]:
    """One payload per job, entries repeated per location merged by ``shortcode``."""
    account = parse_account(body)
    company = _text(account.get("name"))
    payloads: list[dict[str, Any]] = []
    by_code: dict[str, dict[str, Any]] = {}
    for entry in account["jobs"]:
        code = job_id(entry)
        if code is not None and code in by_code:
            merged = by_code[code]
            merged["entries"].append(entry)
            merged["duplicates"] += 1
            keys = {_location_key(loc) for loc in merged["locations"]}
            for loc in _entry_locations(entry):
                if _location_key(loc) not in keys:
                    merged["locations"].append(loc)
                    keys.add(_location_key(loc))
            continue
        locations = _entry_locations(entry) if isinstance(entry, dict) else []
        payload = {
            "job": entry,
            "entries": [entry],
            "locations": list({_location_key(loc): loc for loc in locations}.values()),
            "duplicates": 0,
            "company": company,
        }
        payloads.append(payload)
        if code is not None:
            by_code[code] = payload
    return payloads


def _location_text(location: dict[str, Any]) -> str | None:
    parts = [_text(location.get(k)) for k in ("city", "region", "country")]
    if not parts[2]:
        parts[2] = _text(location.get("countryCode"))
    return ", ".join(dict.fromkeys(p for p in parts if p)) or None


def _locations(payload: dict[str, Any], job: dict[str, Any]) -> list[str]:
    found = payload.get("locations")
    locations = [loc for loc in found if isinstance(loc, dict)] if isinstance(found, list) else []
    if not locations:
        locations = _entry_locations(job)
    shown = [loc for loc in locations if loc.get("hidden") is not True] or locations
    texts = [_location_text(loc) for loc in shown]
    return list(dict.fromkeys(t for t in texts if t))


def _description(job: dict[str, Any]) -> str | None:
    # the widget sends "description"; the jobs API splits out requirements and benefits
    parts = [job.get(k) for k in ("description", "requirements", "benefits")]
    return "\n".join(p.strip() for p in parts if isinstance(p, str) and p.strip()) or None


def _department(value: Any) -> str | None:
    if isinstance(value, list):  # a department path on some accounts
        names = [_text(v) for v in value]
        return " / ".join(dict.fromkeys(n for n in names if n)) or None
    return _text(value)


def _workplace(job: dict[str, Any]) -> str | None:
    label = _text(job.get("workplace")) or _text(job.get("workplace_type"))
    if label:
        return label.replace("_", "-")  # "on_site" → "on-site"
    if job.get("remote") is True or job.get("telecommuting") is True:
        return "remote"
    return None  # telecommuting false says "not fully remote", not "on-site"


def _salary(job: dict[str, Any]) -> list[dict[str, Any]]:
    salary = job.get("salary")
    if not isinstance(salary, dict):
        return []
    entry = salary_entry(
        salary.get("salary_from", salary.get("min")),
        salary.get("salary_to", salary.get("max")),
        salary.get("salary_currency", salary.get("currency")),
        salary.get("salary_period", salary.get("period")),
        _text(salary.get("label")) or "",
    )
    return [entry] if entry else []


def posting_from_payload(
    payload: dict[str, Any],
    board: str,
    *,
    request_url: str = "",
    http_status: int = 200,
    fetched_at: str = "",
) -> JobPostingItem:
    """A merged job payload (see module docstring) → item, with every location."""
    job = payload.get("job") if isinstance(payload.get("job"), dict) else {}
    jid = job_id(job)
    if jid is None:
        raise PayloadError("missing_id", "job object has no usable 'shortcode'")
    url = _text(job.get("url")) or _text(job.get("shortlink"))
    return JobPostingItem(
        source=SOURCE,
        board=board,
        source_job_id=jid,
        url=url,
        apply_url=_text(job.get("application_url")) or url,
        company=_text(payload.get("company")),
        title=_text(job.get("title")),
        description_html=_description(job),
        location_raw=_locations(payload, job),
        department=_department(job.get("department")),
        posted_at_raw=_text(job.get("published_on")) or _text(job.get("created_at")),
        updated_at_raw=None,  # the widget has no last-updated date
        employment_type_raw=_text(job.get("employment_type")),
        workplace_type_raw=_workplace(job),
        salary_structured=_salary(job),
        raw=payload,
        request_url=request_url,
        http_status=http_status,
        fetched_at=fetched_at,
    )
