"""Recruitee careers-site API: offers payloads → :class:`JobPostingItem`.

Endpoint (``https://{board}.recruitee.com`` in production, one host per company):
``GET /api/offers/`` → ``{"offers": [...]}``, every published offer in one response.
Each offer carries ``id`` (integer), ``guid``, ``slug``, ``title``, ``company_name``,
``department``, ``careers_url``, ``careers_apply_url``, ``description`` and ``requirements``
(HTML; also per language under ``translations``), ``location`` (``"City, State, Country"``)
plus ``locations[]`` (``name``, ``city``, ``state``, ``country``...), the flags ``remote`` /
``hybrid`` / ``on_site``, ``employment_type_code`` (``fulltime_permanent``...), ``created_at`` /
``published_at`` / ``updated_at`` as ``"YYYY-MM-DD HH:MM:SS UTC"`` and, when published,
``salary`` (``{"min": "60000", "max": "75000", "currency": "EUR", "period": "year"}``; the
amounts are strings).
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from spiders.extract import PayloadError
from spiders.extract.jsonpayload import load_json
from spiders.items import JobPostingItem

SOURCE = "recruitee"
#: ``{board}`` is replaced by the company's subdomain; an override without it is used as is.
DEFAULT_BASE_URL = "https://{board}.recruitee.com"
PERIODS = {"hour": "hour", "day": "day", "week": "week", "month": "month", "year": "year"}
WORKPLACE_FLAGS = (("hybrid", "hybrid"), ("remote", "remote"), ("on_site", "on-site"))
THOUSANDS_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def board_base_url(base_url: str, board: str) -> str:
    """The company's API root: ``{board}`` in ``base_url`` becomes the subdomain."""
    return base_url.replace("{board}", quote(board, safe="")).rstrip("/")


def list_url(base_url: str, board: str) -> str:
    """URL of a company's published offers (``base_url`` may contain ``{board}``)."""
    return f"{board_base_url(base_url, board)}/api/offers/"


def payloads_from_list(body: bytes | str) -> list[dict[str, Any]]:
    """The offers of an offers response; :class:`PayloadError` if the shape is wrong.

    An entry that is not an object is kept so the caller's :func:`job_id` check records it
    as ``missing_id`` instead of losing it silently.
    """
    data, _ = load_json(body)
    if not isinstance(data, dict) or not isinstance(data.get("offers"), list):
        raise PayloadError("unexpected_shape", "expected an object with an 'offers' array")
    return data["offers"]


def job_id(job: Any) -> str | None:
    """The offer's numeric id as a string, or None when it is missing or not a scalar."""
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


def _html(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _translation(job: dict[str, Any]) -> dict[str, Any]:
    """The ``en`` translation when there is one, else the first one (``{}`` if none)."""
    translations = _dict(job.get("translations"))
    chosen = translations.get("en") or next(iter(translations.values()), None)
    return _dict(chosen)


def _translated(job: dict[str, Any], key: str) -> str | None:
    """A field at the top level, else from the chosen translation (see :func:`_translation`)."""
    return _html(job.get(key)) or _html(_translation(job).get(key))


def _description_html(job: dict[str, Any]) -> str | None:
    parts = [p for k in ("description", "requirements") if (p := _translated(job, k))]
    return "\n".join(parts) or None


def _place(entry: dict[str, Any]) -> str | None:
    """``"City, State, Country"`` (Recruitee's own ``location`` format), else the name."""
    parts = [_text(entry.get(k)) for k in ("city", "state", "country")]
    return ", ".join(p for p in parts if p) or _text(entry.get("name"))


def _locations(job: dict[str, Any]) -> list[str]:
    entries = job.get("locations")
    found = [_place(e) for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []
    if not any(found):
        found = [_text(job.get("location")) or _place({**job, "state": job.get("state_name")})]
    return list(dict.fromkeys(p for p in found if p))


def utc_text_to_iso(value: Any) -> str | None:
    """``"2026-08-05 09:41:37 UTC"`` → ``"2026-08-05T09:41:37Z"``; other text kept as is."""
    text = _text(value)
    if text is None:
        return None
    try:
        moment = datetime.strptime(text, "%Y-%m-%d %H:%M:%S UTC").replace(tzinfo=UTC)
    except ValueError:
        return text
    return moment.isoformat().replace("+00:00", "Z")


def _workplace(job: dict[str, Any]) -> str | None:
    """The true flags among ``hybrid``/``remote``/``on_site``, joined with ``" / "``."""
    labels = [label for key, label in WORKPLACE_FLAGS if job.get(key) is True]
    return " / ".join(labels) or None


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
    """``salary`` in the common pay shape; the label is built from the posted values."""
    pay = job.get("salary")
    if not isinstance(pay, dict):
        return []
    low, high = _amount(pay.get("min")), _amount(pay.get("max"))
    if low is None and high is None:
        return []
    period_text = _text(pay.get("period"))
    period = PERIODS.get(period_text.lower()) if period_text else None
    currency = _currency(pay.get("currency"))
    amounts = "-".join(str(pay.get(k)).strip() for k in ("min", "max") if _amount(pay.get(k)))
    label = " ".join(
        p for p in (amounts, currency, f"per {period_text}" if period_text else "") if p
    )
    return [
        {
            "min": low,
            "max": high,
            "currency": currency,
            "period": period,
            "label": label,
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
    """One Recruitee offer (an entry of the ``offers`` array) as an item."""
    jid = job_id(payload)
    if jid is None:
        raise PayloadError("missing_id", "offer has no usable 'id'")
    url = _text(payload.get("careers_url"))
    slug = _text(payload.get("slug"))
    if url is None and slug:
        url = f"{board_base_url(DEFAULT_BASE_URL, board)}/o/{quote(slug, safe='')}"
    apply_url = _text(payload.get("careers_apply_url")) or (f"{url}/c/new" if url else None)
    return JobPostingItem(
        source=SOURCE,
        board=board,
        source_job_id=jid,
        url=url,
        apply_url=apply_url,
        company=_text(payload.get("company_name")),
        title=_text(payload.get("title")) or _text(_translated(payload, "title")),
        description_html=_description_html(payload),
        location_raw=_locations(payload),
        department=_text(payload.get("department")),
        posted_at_raw=utc_text_to_iso(payload.get("published_at"))
        or utc_text_to_iso(payload.get("created_at")),
        updated_at_raw=utc_text_to_iso(payload.get("updated_at")),
        employment_type_raw=_text(payload.get("employment_type_code")),
        workplace_type_raw=_workplace(payload),
        salary_structured=_salary(payload),
        raw=payload,
        request_url=request_url,
        http_status=http_status,
        fetched_at=fetched_at,
    )
