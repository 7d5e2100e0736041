"""Render market state in the Workable job-widget wire format (pure functions).

``GET /api/v1/widget/accounts/{account}?details=true`` → ``{"name", "description", "jobs"}``;
a job open in several locations is listed once per location, with the same ``shortcode``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from jobpipe.demo.market import DemoPosting, Market
from jobpipe.demo.wire import country_name, day_text, employment_label, region_name, stable_code

Json = dict[str, Any]


def shortcode(market: Market, posting: DemoPosting) -> str:
    return stable_code("workable", market.seed, posting.board, posting.job_id)


def job_entries(market: Market, posting: DemoPosting, details: bool = True) -> list[Json]:
    """The entries of one job: one per location, same shortcode."""
    code = shortcode(market, posting)
    url = f"https://apply.workable.com/j/{code}"
    entries = []
    for loc in posting.locations:
        # a multi-country remote region ("APAC") has no country: it shows as the region
        state = (region_name(loc) or "") if loc.city else (loc.region or "")
        where = {"country": country_name(loc) or "", "city": loc.city, "state": state}
        entry: Json = {
            "title": posting.title,
            "shortcode": code,
            "code": posting.requisition_id,
            "employment_type": employment_label(posting),
            "telecommuting": posting.workplace_type == "remote",
            "department": posting.department,
            "url": url,
            "shortlink": url,
            "application_url": f"{url}/apply",
            "published_on": day_text(posting.first_published),
            "created_at": day_text(posting.first_published),
            **where,
            "education": "",
            "experience": "",
            "function": "",
            "industry": "",
            "locations": [{
                "country": where["country"], "countryCode": loc.country_code or None,
                "city": loc.city, "region": where["state"] or None, "hidden": False,
            }],
        }  # fmt: skip
        if details:
            entry["description"] = posting.description_html
        entries.append(entry)
    return entries


def account(market: Market, board: str, day: date, details: bool = True) -> Json:
    """Body of the widget account endpoint (KeyError: unknown account)."""
    jobs = [e for p in market.postings(board, day) for e in job_entries(market, p, details)]
    name = market.company_name(board)
    return {"name": name, "description": f"<p>{name} is hiring.</p>", "jobs": jobs}
