"""Render market state in the Recruitee careers-site API wire format (pure functions).

``GET /api/offers/`` on the company's host → ``{"offers": [...]}``; salary amounts are
strings and timestamps read ``"YYYY-MM-DD HH:MM:SS UTC"``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from jobpipe.demo.market import DemoLocation, DemoPosting, Market
from jobpipe.demo.wire import country_name, region_name, sections, slug, stable_code

Json = dict[str, Any]
_EMPLOYMENT = {"full_time": "fulltime_permanent", "part_time": "parttime_permanent",
               "contract": "freelance", "temporary": "fulltime_fixed_term",
               "internship": "internship"}  # fmt: skip


def _utc(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")


def _amount(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:.2f}"


def _place(loc: DemoLocation) -> str:
    """``"City, Region, Country"``, Recruitee's own ``location`` format."""
    parts = (loc.city, region_name(loc) if loc.city else None, country_name(loc))
    return ", ".join(p for p in parts if p) or loc.raw


def offer_json(market: Market, posting: DemoPosting) -> Json:
    """One entry of the ``offers`` array."""
    intro, parts = sections(posting.description_html)
    requirements = "\n".join(f"<h4>{t}</h4>{b}" for t, b in parts if t == "Qualifications")
    description = "\n".join(
        [intro] + [f"<h4>{t}</h4>{b}" for t, b in parts if t != "Qualifications"]
    )
    first = posting.locations[0]
    url = f"https://{posting.board}.recruitee.com/o/{slug(posting.title)}-{posting.job_id}"
    locations = [{
        "id": posting.job_id % 1_000_000 + i, "name": loc.raw, "city": loc.city or None,
        "state": region_name(loc) if loc.city else None, "country": country_name(loc),
        "country_code": loc.country_code or None,
    } for i, loc in enumerate(posting.locations)]  # fmt: skip
    offer: Json = {
        "id": posting.job_id,
        "guid": stable_code("recruitee", posting.job_id, length=5).lower(),
        "slug": f"{slug(posting.title)}-{posting.job_id}",
        "title": posting.title,
        "company_name": posting.company,
        "department": posting.department,
        "careers_url": url,
        "careers_apply_url": f"{url}/c/new",
        "description": description,
        "requirements": requirements,
        "location": _place(first),
        "locations": locations,
        "country": country_name(first),
        "city": first.city or None,
        "state_name": region_name(first) if first.city else None,
        "remote": posting.workplace_type == "remote",
        "hybrid": posting.workplace_type == "hybrid",
        "on_site": posting.workplace_type == "onsite",
        "employment_type_code": _EMPLOYMENT[posting.employment_type],
        "country_code": first.country_code or None,
        "state_code": first.region if first.city else None,
        "postal_code": None,
        "status": "published",
        "position": posting.job_id % 1000,
        "tags": [],
        "category_code": None,
        "education_code": None,
        "experience_code": None,
        "close_at": None,
        "translations": {
            posting.language: {
                "title": posting.title,
                "description": description,
                "requirements": requirements,
            }
        },
        "created_at": _utc(posting.first_published),
        "published_at": _utc(posting.first_published),
        "updated_at": _utc(posting.updated_at),
    }
    pay = posting.pay
    if posting.pay_structured and pay is not None and pay.min is not None:
        high = pay.max if pay.max is not None else pay.min
        offer["salary"] = {"min": _amount(pay.min), "max": _amount(high),
                           "period": pay.period, "currency": pay.currency}  # fmt: skip
    return offer


def offers(market: Market, board: str, day: date) -> Json:
    """Body of ``GET /api/offers/`` (KeyError: unknown company)."""
    return {"offers": [offer_json(market, p) for p in market.postings(board, day)]}
