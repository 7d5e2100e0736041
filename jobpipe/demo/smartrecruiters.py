"""Render market state in the SmartRecruiters Posting API wire format (pure functions).

``GET /v1/companies/{company}/postings?limit=L&offset=N`` → ``{"offset", "limit",
"totalFound", "content": [...]}`` (entries without ``jobAd``); an unknown company answers 200
with ``totalFound: 0``. ``GET /v1/companies/{company}/postings/{id}`` → one posting with
``jobAd.sections``, ``postingUrl`` and ``applyUrl``. Country codes are lower case.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from jobpipe.demo.market import DemoPosting, Market
from jobpipe.demo.wire import (
    country_name,
    employment_label,
    region_name,
    sections,
    slug,
    stable_code,
)
from jobpipe.demo.wire import stable_uuid as _uuid

Json = dict[str, Any]
ID_BASE = 744_000_000_000_000  #: real posting ids are 15 digits starting 744...
PAGE_MAX = 100
_MID_SENIOR = ("mid_senior_level", "Mid-Senior Level")
_EXPERIENCE = {
    "intern": ("internship", "Internship"), "entry": ("entry_level", "Entry Level"),
    "mid": ("associate", "Associate"), "senior": _MID_SENIOR, "staff": _MID_SENIOR,
    "principal": _MID_SENIOR, "manager": _MID_SENIOR, "director": ("director", "Director"),
    "executive": ("executive", "Executive"),
}  # fmt: skip


def posting_id(posting: DemoPosting) -> str:
    return str(ID_BASE + posting.job_id)


def job_id_of(posting_id_text: str) -> int | None:
    """The market job id behind a posting id, or None for ids this board never issued."""
    if not posting_id_text.isdigit() or int(posting_id_text) < ID_BASE:
        return None
    return int(posting_id_text) - ID_BASE


def _location(posting: DemoPosting) -> Json:
    loc = posting.locations[0]
    parts = [loc.city, region_name(loc) if loc.city else None, country_name(loc)]
    return {
        "city": loc.city or None,
        "region": loc.region,
        "country": loc.country_code.lower() or None,
        "remote": posting.workplace_type == "remote",
        "hybrid": posting.workplace_type == "hybrid",
        "fullLocation": ", ".join(p for p in parts if p) or loc.raw,
    }


def _company(market: Market, board: str) -> Json:
    return {"identifier": board, "name": market.company_name(board)}


def list_entry(market: Market, posting: DemoPosting) -> Json:
    """One entry of a list page's ``content``."""
    pid = posting_id(posting)
    level_id, level = _EXPERIENCE.get(posting.seniority, ("not_applicable", "Not Applicable"))
    label = employment_label(posting)
    return {
        "id": pid,
        "name": posting.title,
        "uuid": _uuid("sr", posting.board, posting.job_id),
        "jobAdId": _uuid("sr-ad", posting.board, posting.job_id),
        "defaultJobAd": True,
        "refNumber": posting.requisition_id,
        "company": _company(market, posting.board),
        "releasedDate": posting.first_published.isoformat(timespec="milliseconds").replace(
            "+00:00", "Z"
        ),
        "location": _location(posting),
        "industry": {"id": "other", "label": "Other"},
        "department": {
            "id": stable_code("sr-dept", posting.department, length=7),
            "label": posting.department,
        },
        "function": {"id": "other", "label": "Other"},
        "typeOfEmployment": {"id": label.lower(), "label": label},
        "experienceLevel": {"id": level_id, "label": level},
        "customField": [],
        "visibility": "PUBLIC",
        "ref": f"https://api.smartrecruiters.com/v1/companies/{posting.board}/postings/{pid}",
        "language": {"code": posting.language, "label": posting.language, "labelNative": ""},
    }


def postings_list(
    market: Market, company: str, day: date, offset: int = 0, limit: int = PAGE_MAX
) -> Json:
    """Body of one list page; an unknown company is an empty 200 answer, as on the real API."""
    limit = max(1, min(limit, PAGE_MAX))
    offset = max(0, offset)
    try:
        postings = market.postings(company, day)
    except KeyError:
        postings = []
    page = [list_entry(market, p) for p in postings[offset : offset + limit]]
    return {"offset": offset, "limit": limit, "totalFound": len(postings), "content": page}


def _job_ad(posting: DemoPosting) -> Json:
    intro, parts = sections(posting.description_html)
    job = [f"<h3>{t}</h3>{b}" for t, b in parts if t not in ("Qualifications", "What we offer")]
    quals = [b for t, b in parts if t == "Qualifications"]
    extra = [b for t, b in parts if t == "What we offer"]
    texts = {
        "companyDescription": ("Company Description", intro),
        "jobDescription": ("Job Description", "\n".join(job)),
        "qualifications": ("Qualifications", "\n".join(quals)),
        "additionalInformation": ("Additional Information", "\n".join(extra)),
    }
    return {"sections": {k: {"title": t, "text": v} for k, (t, v) in texts.items()}}


def posting_detail(market: Market, company: str, pid: str, day: date) -> Json | None:
    """Body of ``GET .../postings/{id}``; None when the posting is not live that day."""
    job_id = job_id_of(pid)
    posting = market.posting(company, job_id, day) if job_id is not None else None
    if posting is None:
        return None
    url = f"https://jobs.smartrecruiters.com/{company}/{pid}-{slug(posting.title)}"
    detail = list_entry(market, posting)
    detail.pop("ref")
    detail.update({
        "jobId": _uuid("sr-job", posting.board, posting.job_id), "active": True,
        "postingUrl": url, "applyUrl": f"{url}?oga=true",
        "referralUrl": f"https://jobs.smartrecruiters.com/external-referrals/company/{company}"
        f"/publication/{detail['uuid']}?dcr_ci={company}",
        "jobAd": _job_ad(posting),
    })  # fmt: skip
    return detail


def not_found(company: str, pid: str) -> Json:
    return {
        "message": f"Posting with id: {pid} for company: {company} not found",
        "errors": [{"code": "NOT_FOUND", "message": "Posting not found"}],
    }
