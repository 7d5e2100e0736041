"""SmartRecruiters Posting API: list and detail payloads → :class:`JobPostingItem`.

Endpoints (``https://api.smartrecruiters.com`` in production, no authentication):
``GET /v1/companies/{company}/postings?limit=100&offset=N`` →
``{"offset": N, "limit": 100, "totalFound": n, "content": [posting, ...]}`` (list entries
carry no ``jobAd``, ``postingUrl`` or ``applyUrl``) and
``GET /v1/companies/{company}/postings/{id}`` → one posting with ``jobAd.sections``
(``companyDescription``, ``jobDescription``, ``qualifications``, ``additionalInformation``,
each ``{"title", "text"}`` with HTML text), ``postingUrl`` and ``applyUrl``.

An unknown company is not an error on this API: it answers 200 with ``totalFound: 0`` and an
empty ``content``, which :func:`payloads_from_list` returns as an empty list.

The archived payload is ``{"list": list entry or None, "detail": detail object or None}``;
detail values win where both are present. Country codes come lower-case (``"us"``) and are
upper-cased here. ``location.remote`` / ``location.hybrid`` give the workplace type (both
false → ``"on-site"``). Postings normally carry no pay; a ``compensation`` object
(``{"min", "max", "currency"}``, as in the Job API) is read when present.
"""

from __future__ import annotations

import html
from typing import Any
from urllib.parse import quote

from spiders.extract import PayloadError
from spiders.extract.jsonpayload import load_json
from spiders.extract.schemaorg import salary_entry
from spiders.items import JobPostingItem

SOURCE = "smartrecruiters"
BASE_URL = "https://api.smartrecruiters.com"
PUBLIC_URL = "https://jobs.smartrecruiters.com"  #: public posting pages: /{company}/{id}
PAGE_LIMIT = 100  #: the API's maximum ``limit``
SECTIONS = ("companyDescription", "jobDescription", "qualifications", "additionalInformation")
WORKPLACE_FIELDS = ("work flexibility", "workplace type", "work model", "remote")


def list_url(base_url: str, company_id: str, *, offset: int = 0, limit: int = PAGE_LIMIT) -> str:
    """URL of one page of a company's postings (``limit`` clamped to 1..100)."""
    limit = max(1, min(int(limit), PAGE_LIMIT))
    offset = max(0, int(offset))
    company = quote(company_id, safe="")
    return f"{base_url.rstrip('/')}/v1/companies/{company}/postings?limit={limit}&offset={offset}"


def detail_url(base_url: str, company_id: str, posting_id: str) -> str:
    """URL of one posting's detail (with ``jobAd`` sections)."""
    company, posting = quote(company_id, safe=""), quote(str(posting_id), safe="")
    return f"{base_url.rstrip('/')}/v1/companies/{company}/postings/{posting}"


def _list_body(body: bytes | str | dict[str, Any]) -> dict[str, Any]:
    data = body if isinstance(body, dict) else load_json(body)[0]
    if not isinstance(data, dict):
        raise PayloadError("unexpected_shape", "expected an object with a 'content' array")
    if "content" not in data and data.get("totalFound") == 0:
        return {**data, "content": []}
    if not isinstance(data.get("content"), list):
        if "message" in data or "errors" in data:
            raise PayloadError("api_error", str(data.get("message") or data.get("errors"))[:200])
        raise PayloadError("unexpected_shape", "expected an object with a 'content' array")
    return data


def payloads_from_list(body: bytes | str | dict[str, Any]) -> list[dict[str, Any]]:
    """One ``{"list": entry, "detail": None}`` payload per posting of a list page."""
    return [{"list": entry, "detail": None} for entry in _list_body(body)["content"]]


def total_found(body: bytes | str | dict[str, Any]) -> int | None:
    """``totalFound`` of a list page (0 for an unknown company); None when absent."""
    value = _list_body(body).get("totalFound")
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value


def next_offset(
    offset: int, page_count: int, total: int | None, *, limit: int = PAGE_LIMIT
) -> int | None:
    """Offset of the next page, or None when this page was the last one."""
    if page_count <= 0 or page_count < limit:
        return None
    following = offset + page_count
    if total is not None and following >= total:
        return None
    return following


def parse_detail(body: bytes | str) -> dict[str, Any]:
    """The posting object of a detail response."""
    data, _ = load_json(body)
    if not isinstance(data, dict):
        raise PayloadError("unexpected_shape", "expected a posting object")
    if "id" not in data and ("message" in data or "errors" in data):
        raise PayloadError("api_error", str(data.get("message") or data.get("errors"))[:200])
    return data


def job_id(job: Any) -> str | None:
    """The posting's ``id`` as a string, or None when missing or not a scalar."""
    if not isinstance(job, dict):
        return None
    value = job.get("id")
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        return None
    value = str(value).strip()
    return value or None


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _label(value: Any) -> str | None:
    return _text(_obj(value).get("label"))


def _custom_field(job: dict[str, Any], names: tuple[str, ...]) -> str | None:
    fields = job.get("customField")
    for entry in fields if isinstance(fields, list) else []:
        if not isinstance(entry, dict):
            continue
        name = " ".join(str(entry.get("fieldLabel") or "").lower().split())
        if name in names:
            value = _text(entry.get("valueLabel"))
            if value:
                return value
    return None


def _description(job: dict[str, Any]) -> str | None:
    sections = _obj(_obj(job.get("jobAd")).get("sections"))
    names = list(SECTIONS) + [k for k in sections if k not in SECTIONS]
    parts = []
    for name in names:
        section = _obj(sections.get(name))
        text = section.get("text")
        if not isinstance(text, str) or not text.strip():
            continue
        title = _text(section.get("title"))
        heading = f"<h3>{html.escape(title, quote=False)}</h3>\n" if title else ""
        parts.append(f"{heading}{text.strip()}")
    return "\n".join(parts) or None


def _locations(job: dict[str, Any]) -> list[str]:
    location = _obj(job.get("location"))
    full = _text(location.get("fullLocation"))
    if full:  # "Warsaw, , Poland": drop the empty region
        return [", ".join(p.strip() for p in full.split(",") if p.strip())]
    country = _text(location.get("country"))
    parts = [
        _text(location.get("city")),
        _text(location.get("region")),
        country and country.upper(),
    ]
    joined = ", ".join(p for p in parts if p)
    return [joined] if joined else []


def _workplace(job: dict[str, Any]) -> str | None:
    location = _obj(job.get("location"))
    remote, hybrid = location.get("remote"), location.get("hybrid")
    if remote is True:
        return "remote"
    if hybrid is True:
        return "hybrid"
    if remote is False and hybrid is False:
        return "on-site"
    return _custom_field(job, WORKPLACE_FIELDS)


def _compensation(job: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    found = job.get("compensation")
    for comp in found if isinstance(found, list) else [found]:
        if not isinstance(comp, dict):
            continue
        period = comp.get("period") or comp.get("interval") or comp.get("frequency")
        label = _text(comp.get("label")) or _text(comp.get("text")) or ""
        entry = salary_entry(comp.get("min"), comp.get("max"), comp.get("currency"), period, label)
        if entry:
            out.append(entry)
    return out


def _public_url(job: dict[str, Any], jid: str) -> str | None:
    url = _text(job.get("postingUrl"))
    if url:
        return url
    company = _text(_obj(job.get("company")).get("identifier"))
    return f"{PUBLIC_URL}/{quote(company, safe='')}/{quote(jid, safe='')}" if company else None


def posting_from_payload(
    payload: dict[str, Any],
    board: str,
    *,
    request_url: str = "",
    http_status: int = 200,
    fetched_at: str = "",
) -> JobPostingItem:
    """Merge a posting's list entry and detail response into one item (detail wins)."""
    listed = payload.get("list") if isinstance(payload.get("list"), dict) else {}
    detail = payload.get("detail") if isinstance(payload.get("detail"), dict) else {}
    job: dict[str, Any] = {**listed, **detail}
    jid = job_id(job)
    if jid is None:
        raise PayloadError("missing_id", "posting object has no usable 'id'")
    url = _public_url(job, jid)
    return JobPostingItem(
        source=SOURCE,
        board=board,
        source_job_id=jid,
        url=url,
        apply_url=_text(job.get("applyUrl")) or url,
        company=_text(_obj(job.get("company")).get("name")),
        title=_text(job.get("name")),
        description_html=_description(job),
        location_raw=_locations(job),
        department=_label(job.get("department")) or _custom_field(job, ("department",)),
        posted_at_raw=_text(job.get("releasedDate")),
        updated_at_raw=None,  # the Posting API has no last-updated timestamp
        employment_type_raw=_label(job.get("typeOfEmployment")),
        workplace_type_raw=_workplace(job),
        salary_structured=_compensation(job),
        raw=payload,
        request_url=request_url,
        http_status=http_status,
        fetched_at=fetched_at,
    )
