"""Render market state in the Ashby public job-board API wire format (pure functions).

``GET /posting-api/job-board/{board}?includeCompensation=true`` → ``{"apiVersion": "1",
"jobs": [...]}``: the whole board at once, including one unlisted job (``isListed: false``,
which a crawler must drop) and, with ``includeCompensation``, compensation tiers.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from jobpipe.demo.market import DemoLocation, DemoPosting, Market
from jobpipe.demo.wire import country_name, plain_text, region_name, stable_uuid

Json = dict[str, Any]
_EMPLOYMENT = {"full_time": "FullTime", "part_time": "PartTime", "contract": "Contract",
               "temporary": "Temporary", "internship": "Intern"}  # fmt: skip
_WORKPLACE = {"remote": "Remote", "hybrid": "Hybrid", "onsite": "OnSite"}
_INTERVAL = {"year": "1 YEAR", "month": "1 MONTH", "week": "1 WEEK", "day": "1 DAY",
             "hour": "1 HOUR"}  # fmt: skip


def _address(loc: DemoLocation) -> Json:
    postal: Json = {"addressCountry": country_name(loc)} if loc.country_code else {}
    if loc.city:
        postal = {"addressLocality": loc.city, "addressRegion": region_name(loc), **postal}
    return {"postalAddress": postal}


def _money(value: float, currency: str) -> str:
    return f"{currency} {value / 1000:.0f}K" if value >= 1000 else f"{currency} {value:g}"


def _compensation(posting: DemoPosting) -> Json:
    pay = posting.pay
    if not posting.pay_structured or pay is None or pay.min is None:
        return {"compensationTierSummary": None, "scrapeableCompensationSalarySummary": None,
                "compensationTiers": [], "summaryComponents": []}  # fmt: skip
    high = pay.max if pay.max is not None else pay.min
    summary = f"{_money(pay.min, pay.currency)} – {_money(high, pay.currency)}"
    component = {
        "id": stable_uuid("ashby-comp", posting.job_id), "summary": summary,
        "compensationType": "Salary", "interval": _INTERVAL[pay.period],
        "currencyCode": pay.currency, "minValue": pay.min, "maxValue": high,
    }  # fmt: skip
    equity = {
        "id": stable_uuid("ashby-equity", posting.job_id), "summary": "Offers Equity",
        "compensationType": "EquityCashValue", "interval": "1 YEAR",
        "currencyCode": pay.currency, "minValue": None, "maxValue": None,
    }  # fmt: skip
    return {
        "compensationTierSummary": f"{summary} • Offers Equity",
        "scrapeableCompensationSalarySummary": summary,
        "compensationTiers": [{
            "id": stable_uuid("ashby-tier", posting.job_id), "tierSummary": summary,
            "title": None, "additionalInformation": None, "components": [equity, component],
        }],
        "summaryComponents": [
            {k: v for k, v in equity.items() if k not in ("id", "summary")},
            {k: v for k, v in component.items() if k not in ("id", "summary")},
        ],
    }  # fmt: skip


def job_id(market: Market, posting: DemoPosting) -> str:
    return stable_uuid("ashby", market.seed, posting.board, posting.job_id)


def job_json(market: Market, posting: DemoPosting, compensation: bool = True) -> Json:
    """One entry of the ``jobs`` array."""
    jid = job_id(market, posting)
    first, *rest = posting.locations
    url = f"https://jobs.ashbyhq.com/{posting.board}/{jid}"
    job: Json = {
        "id": jid,
        "title": posting.title,
        "department": posting.department,
        "team": posting.department,
        "employmentType": _EMPLOYMENT[posting.employment_type],
        "location": first.raw,
        "shouldDisplayCompensationOnJobPostings": posting.pay_structured,
        "secondaryLocations": [{"location": loc.raw, "address": _address(loc)} for loc in rest],
        "publishedAt": posting.first_published.isoformat(timespec="milliseconds"),
        "isListed": True,
        "isRemote": posting.workplace_type == "remote",
        "workplaceType": _WORKPLACE[posting.workplace_type],
        "address": _address(first),
        "jobUrl": url,
        "applyUrl": f"{url}/application",
        "descriptionHtml": posting.description_html,
        "descriptionPlain": plain_text(posting.description_html),
    }
    if compensation:
        job["compensation"] = _compensation(posting)
    return job


def unlisted_job(market: Market, board: str) -> Json:
    """A job the API returns but the board does not show (``isListed: false``)."""
    jid = stable_uuid("ashby-unlisted", market.seed, board)
    return {
        "id": jid, "title": "Internal Transfer: Program Coordinator", "department": "People",
        "team": "People", "employmentType": "FullTime", "location": "Internal",
        "secondaryLocations": [], "publishedAt": "2026-01-05T09:00:00.000+00:00",
        "isListed": False, "isRemote": False, "workplaceType": None, "address": None,
        "jobUrl": f"https://jobs.ashbyhq.com/{board}/{jid}", "applyUrl": None,
        "descriptionHtml": "<p>Internal candidates only.</p>",
        "descriptionPlain": "Internal candidates only.",
    }  # fmt: skip


def job_board(market: Market, board: str, day: date, compensation: bool = True) -> Json:
    """Body of ``GET /posting-api/job-board/{board}`` (KeyError: unknown board)."""
    jobs = [job_json(market, p, compensation) for p in market.postings(board, day)]
    if jobs:
        jobs.insert(len(jobs) // 2, unlisted_job(market, board))
    return {"apiVersion": "1", "jobs": jobs}
