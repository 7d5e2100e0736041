"""Render market state in the Workday career-site (CXS) wire format (pure functions).

``POST /wday/cxs/{tenant}/{site}/jobs`` with ``{"appliedFacets": {}, "limit": <=20,
"offset": N, "searchText": ""}`` → ``{"total", "jobPostings": [...], "facets": []}``; as on
real tenants ``total`` is filled only on the first page (later pages say 0) and a ``limit``
above 20 is refused with 400. ``GET /wday/cxs/{tenant}/{site}{externalPath}`` → the detail
(``jobPostingInfo`` + ``hiringOrganization``). The demo tenant is the board token.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from jobpipe.demo.market import DemoPosting, Market
from jobpipe.demo.wire import country_name, posted_on, stable_code, stable_hash

Json = dict[str, Any]
PAGE_MAX = 20
SITES = ("External", "External_Career_Site", "Careers")
_PATH = re.compile(r"^/job/[^/]+/[^/]*_R(?P<job>\d+)$")
_REMOTE = {"remote": "Fully Remote", "hybrid": "Hybrid", "onsite": "Onsite"}
_TIME = {"full_time": "Full time", "part_time": "Part time", "contract": "Full time",
         "temporary": "Part time", "internship": "Full time"}  # fmt: skip


def site_for(board: str) -> str:
    """The career site name of a demo tenant (stable per board)."""
    return SITES[stable_hash("workday-site", board)[0] % len(SITES)]


def _path_slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-") or "Job"


def external_path(posting: DemoPosting) -> str:
    first = posting.locations[0]
    where = _path_slug(first.raw)
    return f"/job/{where}/{_path_slug(posting.title)}_R{posting.job_id}"


def job_id_of(path: str) -> int | None:
    """The market job id in an ``externalPath``, or None when the path is not one of ours."""
    match = _PATH.match(path)
    return int(match["job"]) if match else None


def _locations_text(posting: DemoPosting) -> str:
    n = len(posting.locations)
    return posting.locations[0].raw if n == 1 else f"{n} Locations"


def list_entry(posting: DemoPosting, day: date, remote_type: bool) -> Json:
    entry: Json = {
        "title": posting.title,
        "externalPath": external_path(posting),
        "locationsText": _locations_text(posting),
        "postedOn": posted_on(posting.first_published, day),
        "bulletFields": [f"R{posting.job_id}"],
    }
    if remote_type:
        entry["remoteType"] = _REMOTE[posting.workplace_type]
    return entry


def jobs_page(market: Market, tenant: str, day: date, body: Any) -> tuple[int, Json]:
    """``(status, body)`` for a list POST (KeyError: unknown tenant)."""
    if not isinstance(body, dict):
        return 400, {"errorCode": "HTTP_400", "httpStatus": 400, "message": "Invalid request"}
    limit, offset = body.get("limit", PAGE_MAX), body.get("offset", 0)
    if not isinstance(limit, int) or not isinstance(offset, int) or not 0 < limit <= PAGE_MAX:
        message = f"limit must be between 1 and {PAGE_MAX}"
        return 400, {"errorCode": "HTTP_400", "httpStatus": 400, "message": message}
    postings = market.postings(tenant, day)
    remote_type = stable_hash("workday-remote", tenant)[0] % 2 == 0
    page = [list_entry(p, day, remote_type) for p in postings[offset : offset + limit]]
    return 200, {
        "total": len(postings) if offset == 0 else 0,
        "jobPostings": page,
        "facets": [],
        "userAuthenticated": False,
    }


def job_detail(market: Market, tenant: str, site: str, path: str, day: date) -> Json | None:
    """Body of ``GET /wday/cxs/{tenant}/{site}{externalPath}``; None if not live that day."""
    job_id = job_id_of(path)
    posting = market.posting(tenant, job_id, day) if job_id is not None else None
    if posting is None or external_path(posting) != path:
        return None
    first, *rest = posting.locations
    country = country_name(first)
    info: Json = {
        "id": stable_code("workday", tenant, posting.job_id, length=32).lower(),
        "title": posting.title,
        "jobDescription": posting.description_html,
        "location": first.raw,
        "postedOn": posted_on(posting.first_published, day),
        "startDate": posting.first_published.date().isoformat(),
        "timeType": _TIME[posting.employment_type],
        "jobReqId": f"R{posting.job_id}",
        "jobPostingId": path.rsplit("/", 1)[-1],
        "jobPostingSiteId": site,
        "canApply": True,
        "posted": True,
        "includeResumeParsing": True,
        "remoteType": _REMOTE[posting.workplace_type],
        "externalUrl": f"https://{tenant}.wd5.myworkdayjobs.com/{site}{path}",
    }
    if rest:
        info["additionalLocations"] = [loc.raw for loc in rest]
    if country:
        ref = {"descriptor": country, "id": stable_code("c", country, length=32).lower()}
        info["country"] = ref
        info["jobRequisitionLocation"] = {
            "descriptor": first.raw, "country": {**ref, "alpha2Code": first.country_code},
        }  # fmt: skip
    info["questionnaireId"] = stable_code("q", tenant, length=32).lower()
    return {
        "jobPostingInfo": info,
        "hiringOrganization": {"name": posting.company, "url": ""},
        "similarJobs": [],
        "userAuthenticated": False,
    }


def not_found() -> Json:
    return {"errorCode": "HTTP_404", "httpStatus": 404,
            "message": "The page you are looking for doesn't exist."}  # fmt: skip
