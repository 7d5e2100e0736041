"""Render market state in the Lever Postings API wire format (pure functions).

``GET /v0/postings/{site}?mode=json&skip=N&limit=M`` → a bare JSON array (``[]`` past the
end). Text is spread the way Lever spreads it: ``description``/``descriptionPlain`` (the intro),
``lists`` (one ``{"text": heading, "content": "<li>..."}`` per bulleted section) and
``additional``/``additionalPlain`` (the rest); ``createdAt`` is epoch milliseconds.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

from jobpipe.demo.market import DemoPosting, Market
from jobpipe.demo.wire import employment_label, plain_text, sections, stable_uuid

Json = dict[str, Any]
_LIST = re.compile(r"^<ul>\s*(?P<items>.*?)\s*</ul>$", re.S)
_WORKPLACE = {"remote": "remote", "hybrid": "hybrid", "onsite": "onsite"}
_INTERVAL = {"year": "per-year-salary", "month": "per-month-salary", "week": "per-week-wage",
             "day": "per-day-wage", "hour": "per-hour-wage"}  # fmt: skip


def posting_id(market: Market, posting: DemoPosting) -> str:
    return stable_uuid("lever", market.seed, posting.board, posting.job_id)


@lru_cache(maxsize=16_384)
def _text_parts(description_html: str) -> tuple[str, tuple[tuple[str, str], ...], str]:
    """``(description, ((heading, <li> items), ...), additional)`` of a description."""
    intro, parts = sections(description_html)
    description, lists, additional = [intro], [], []
    for title, body in parts:
        match = _LIST.match(body)
        if match:
            lists.append((title, match["items"]))
        elif lists:
            additional.append(f"<h3>{title}</h3>{body}")
        else:
            description.append(f"<h3>{title}</h3>{body}")
    return "\n".join(description), tuple(lists), "\n".join(additional)


def posting_json(market: Market, posting: DemoPosting) -> Json:
    """One entry of the postings array."""
    jid = posting_id(market, posting)
    description, spread, additional = _text_parts(posting.description_html)
    lists = [{"text": heading, "content": items} for heading, items in spread]
    locations = [loc.raw for loc in posting.locations]
    job: Json = {
        "additionalPlain": plain_text(additional),
        "additional": additional,
        "categories": {
            "commitment": employment_label(posting),
            "department": posting.department,
            "location": locations[0],
            "team": posting.department,
            "allLocations": locations,
        },
        "createdAt": int(posting.first_published.timestamp() * 1000),
        "descriptionPlain": plain_text(description),
        "description": description,
        "id": jid,
        "lists": lists,
        "text": posting.title,
        "country": posting.locations[0].country_code or None,
        "workplaceType": _WORKPLACE.get(posting.workplace_type, "unspecified"),
        "opening": "",
        "openingPlain": "",
        "descriptionBody": description,
        "descriptionBodyPlain": plain_text(description),
        "hostedUrl": f"https://jobs.lever.co/{posting.board}/{jid}",
        "applyUrl": f"https://jobs.lever.co/{posting.board}/{jid}/apply",
    }
    pay = posting.pay
    if posting.pay_structured and pay is not None and pay.min is not None:
        job["salaryRange"] = {
            "currency": pay.currency,
            "interval": _INTERVAL[pay.period],
            "min": round(pay.min),
            "max": round(pay.max if pay.max is not None else pay.min),
        }
        if posting.pay_text:
            job["salaryDescription"] = f"<div>Pay range: {posting.pay_text}</div>"
            job["salaryDescriptionPlain"] = f"Pay range: {posting.pay_text}"
    return job


def postings_page(market: Market, site: str, day: date, skip: int = 0, limit: int = 100) -> list:
    """Body of one page of ``GET /v0/postings/{site}?mode=json`` (KeyError: unknown site)."""
    postings = market.postings(site, day)
    return [posting_json(market, p) for p in postings[max(0, skip) : max(0, skip) + max(0, limit)]]
