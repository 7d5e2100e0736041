"""Workday career sites (CXS JSON API): list and detail payloads → :class:`JobPostingItem`.

Every tenant has its own host, ``https://{tenant}.{wd1|wd3|wd5|wd12|...}.myworkdayjobs.com``;
the board token is ``"tenant/site"`` and the base URL is taken as configured.

Endpoints:
``POST /wday/cxs/{tenant}/{site}/jobs`` with
``{"appliedFacets": {}, "limit": 20, "offset": N, "searchText": ""}`` (20 is the most Workday
accepts) → ``{"total": n, "jobPostings": [{"title", "externalPath", "locationsText",
"postedOn", "bulletFields", "remoteType"?}, ...], "facets": [...]}`` and
``GET /wday/cxs/{tenant}/{site}{externalPath}`` → ``{"jobPostingInfo": {"title",
"jobDescription", "location", "additionalLocations", "startDate", "timeType", "jobReqId",
"jobPostingId", "externalUrl", "remoteType"?, ...}, "hiringOrganization": {"name"}, ...}``.

Paging: ``total`` is only filled on the first page; later pages report ``total: 0`` while
still returning postings, so :func:`next_offset` takes the *first* page's total and never
reads a later 0 as "no more jobs".

List entries carry no date: ``postedOn`` is relative text ("Posted 3 Days Ago") and stays
only in the raw payload; ``posted_at_raw`` is the detail's ``startDate``. ``locationsText``
is sometimes a count ("3 Locations"), which is not a location and is left out. Workday has
no structured pay (pay appears only in the description text).

``source_job_id`` is the requisition suffix of the posting path: everything after the first
``_`` of the last segment (``.../Data-Engineer_RQ216675`` → ``RQ216675``, ``..._R258818-1`` →
``R258818-1``, ``..._JR_88412`` → ``JR_88412``). The title slug before it can lag behind the
title (recorded: title "Sr Site Reliability Engineer", slug "Analytics-Sr-Software-Engineer");
the suffix is the stable part.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, urlsplit

from spiders.extract import PayloadError
from spiders.extract.jsonpayload import load_json
from spiders.items import JobPostingItem

SOURCE = "workday"
BASE_URL_TEMPLATE = "https://{tenant}.{datacenter}.myworkdayjobs.com"
PAGE_LIMIT = 20  #: Workday rejects larger ``limit`` values
LOCATION_COUNT = re.compile(
    r"^\s*\d+\s+(locations?|standorte|emplacements|ubicaciones|sedi|locais|locaties)\s*$", re.I
)
CXS_PATH = re.compile(r"/wday/cxs/(?P<tenant>[^/]+)/(?P<site>[^/]+)(/|$)")


def base_url_for(tenant: str, datacenter: str = "wd5") -> str:
    """Production base URL of a tenant on a data center (``wd1``, ``wd5``, ``wd12``...)."""
    return BASE_URL_TEMPLATE.format(tenant=tenant, datacenter=datacenter)


def parse_board(board: str) -> tuple[str, str]:
    """``"tenant/site"`` → ``(tenant, site)``; ValueError for anything else."""
    parts = [p for p in board.strip().strip("/").split("/") if p]
    if len(parts) != 2:
        raise ValueError(f"workday board must be 'tenant/site', got {board!r}")
    return parts[0], parts[1]


def list_url(base_url: str, tenant: str, site: str) -> str:
    """URL the list page bodies are POSTed to."""
    return f"{base_url.rstrip('/')}/wday/cxs/{quote(tenant, safe='')}/{quote(site, safe='')}/jobs"


def list_body(offset: int, *, limit: int = PAGE_LIMIT, search_text: str = "") -> dict[str, Any]:
    """JSON body of a list request (``limit`` capped at 20)."""
    return {
        "appliedFacets": {},
        "limit": max(1, min(int(limit), PAGE_LIMIT)),
        "offset": max(0, int(offset)),
        "searchText": search_text,
    }


def _path(external_path: str) -> str:
    path = external_path.strip()
    return path if path.startswith("/") else "/" + path


def detail_url(base_url: str, tenant: str, site: str, external_path: str) -> str:
    """URL of one posting's detail JSON (``externalPath`` as the list gives it)."""
    root = f"{base_url.rstrip('/')}/wday/cxs/{quote(tenant, safe='')}/{quote(site, safe='')}"
    return root + _path(external_path)


def posting_url(base_url: str, site: str, external_path: str) -> str:
    """Public page of a posting: ``{base}/{site}{externalPath}``."""
    return f"{base_url.rstrip('/')}/{quote(site, safe='')}{_path(external_path)}"


def _api_error(data: dict[str, Any]) -> None:
    if "errorCode" in data or ("httpStatus" in data and "message" in data):
        detail = data.get("message") or data.get("errorCode")
        raise PayloadError("api_error", str(detail)[:200])


def _list_body(body: bytes | str | dict[str, Any]) -> dict[str, Any]:
    data = body if isinstance(body, dict) else load_json(body)[0]
    if not isinstance(data, dict):
        raise PayloadError("unexpected_shape", "expected an object with a 'jobPostings' array")
    if not isinstance(data.get("jobPostings"), list):
        _api_error(data)
        if "jobPostings" not in data and data.get("total") == 0:
            return {**data, "jobPostings": []}
        raise PayloadError("unexpected_shape", "expected an object with a 'jobPostings' array")
    return data


def payloads_from_list(body: bytes | str | dict[str, Any]) -> list[dict[str, Any]]:
    """One ``{"list": entry, "detail": None}`` payload per posting of a list page."""
    return [{"list": entry, "detail": None} for entry in _list_body(body)["jobPostings"]]


def total(body: bytes | str | dict[str, Any]) -> int | None:
    """``total`` of a list page; only meaningful on the first page (later pages say 0)."""
    value = _list_body(body).get("total")
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value


def next_offset(
    offset: int, page_count: int, first_total: int | None, *, limit: int = PAGE_LIMIT
) -> int | None:
    """Offset of the next page, or None when done.

    ``first_total`` must be the first page's ``total`` (later pages report 0). Done when a
    page is empty or short, or the next offset reaches a known (non-zero) first total.
    """
    if page_count <= 0 or page_count < limit:
        return None
    following = offset + page_count
    if first_total and following >= first_total:
        return None
    return following


def parse_detail(body: bytes | str) -> dict[str, Any]:
    """The whole detail response (``jobPostingInfo`` plus ``hiringOrganization``)."""
    data, _ = load_json(body)
    if not isinstance(data, dict):
        raise PayloadError("unexpected_shape", "expected an object with 'jobPostingInfo'")
    if not isinstance(data.get("jobPostingInfo"), dict):
        _api_error(data)
        raise PayloadError("unexpected_shape", "expected an object with 'jobPostingInfo'")
    return data


def _requisition_key(segment: str) -> str | None:
    segment = segment.strip().strip("/")
    if not segment:
        return None
    # slugs turn every non-alphanumeric title character into "-", so the first "_" is the
    # separator and the requisition id after it may itself contain "_" ("..._JR_88412")
    head, _, tail = segment.partition("_")
    return tail if head and tail else segment


def job_id(job: Any) -> str | None:
    """Requisition suffix of ``jobPostingId`` / the ``externalPath``'s last segment, or None.

    ``job`` is a list entry, a detail response or its ``jobPostingInfo``.
    """
    if not isinstance(job, dict):
        return None
    if isinstance(job.get("jobPostingInfo"), dict):
        job = job["jobPostingInfo"]
    posting_id = job.get("jobPostingId")
    if isinstance(posting_id, str) and posting_id.strip():
        return _requisition_key(posting_id)
    path = job.get("externalPath")
    if isinstance(path, str):
        return _requisition_key(path.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1])
    return None


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _locations(job: dict[str, Any], detail_info: dict[str, Any]) -> list[str]:
    found: list[str | None] = []
    if _text(detail_info.get("location")):
        found.append(_text(detail_info.get("location")))
        extra = detail_info.get("additionalLocations")
        found += [_text(x) for x in extra] if isinstance(extra, list) else []
    else:
        text = _text(job.get("locationsText")) or _text(job.get("location"))
        if text and not LOCATION_COUNT.match(text):
            found.append(text)
    return list(dict.fromkeys(f for f in found if f))


def _public_url(job: dict[str, Any], board: str, request_url: str) -> str | None:
    url = _text(job.get("externalUrl"))
    if url:
        return url
    path = _text(job.get("externalPath"))
    if not path or not request_url:
        return None
    parts = urlsplit(request_url)
    match = CXS_PATH.search(parts.path)
    site = match.group("site") if match else board.rsplit("/", 1)[-1]
    if not parts.scheme or not parts.netloc or not site:
        return None
    return posting_url(f"{parts.scheme}://{parts.netloc}", site, path)


def posting_from_payload(
    payload: dict[str, Any],
    board: str,
    *,
    request_url: str = "",
    http_status: int = 200,
    fetched_at: str = "",
) -> JobPostingItem:
    """Merge a posting's list entry and detail response into one item (detail wins).

    Without a detail, the public URL is rebuilt from ``request_url``'s host and site.
    """
    listed = payload.get("list") if isinstance(payload.get("list"), dict) else {}
    detail = payload.get("detail") if isinstance(payload.get("detail"), dict) else {}
    info = _obj(detail.get("jobPostingInfo"))
    job: dict[str, Any] = {**listed, **info}
    jid = job_id(job)
    if jid is None:
        raise PayloadError("missing_id", "posting has no 'jobPostingId' or 'externalPath'")
    url = _public_url(job, board, request_url)
    description = job.get("jobDescription")
    return JobPostingItem(
        source=SOURCE,
        board=board,
        source_job_id=jid,
        url=url,
        apply_url=url,
        company=_text(_obj(detail.get("hiringOrganization")).get("name")),
        title=_text(job.get("title")),
        description_html=description.strip()
        if isinstance(description, str) and description.strip()
        else None,
        location_raw=_locations(job, info),
        department=None,  # not in the CXS payloads
        posted_at_raw=_text(info.get("startDate")),  # list "postedOn" is relative text
        updated_at_raw=None,
        employment_type_raw=_text(job.get("timeType")),
        workplace_type_raw=_text(job.get("remoteType")),
        salary_structured=[],  # Workday has no structured pay field
        raw=payload,
        request_url=request_url,
        http_status=http_status,
        fetched_at=fetched_at,
    )
