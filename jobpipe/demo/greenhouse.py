"""Render market state in the Greenhouse Job Board API wire format (pure functions).

Shapes follow real recorded responses of ``boards-api.greenhouse.io``:

- ``GET /v1/boards/{board}/jobs``: ``{"jobs": [...], "meta": {"total": N}}``, each job without
  ``content``/``departments``/``offices``;
- ``?content=true`` adds those three plus the ``ai_*`` keys; ``content`` is the description HTML
  entity-escaped once more (``&lt;p&gt;``), exactly as Greenhouse serves it;
- ``GET /v1/boards/{board}/jobs/{id}[?pay_transparency=true]``: one job object with content,
  and ``pay_input_ranges`` (amounts in cents) when pay transparency is requested.

Board-level quirks (time zone, metadata fields, location joiner...) are drawn from a hash of the
board token, so they are stable without being stored in the market.
"""

from __future__ import annotations

import hashlib
import random
import threading
import weakref
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from jobpipe.demo import vocab as V
from jobpipe.demo.market import DemoLocation, DemoPosting, Market

Json = dict[str, Any]

_US_ZONES = ("America/New_York", "America/New_York", "America/Chicago", "America/Denver",
             "America/Los_Angeles", "America/Los_Angeles")  # fmt: skip
_JOINERS = (" | ", "; ", ", ", " | ")
_WORKPLACE_VALUE = {"remote": "Remote", "hybrid": "Hybrid", "onsite": "On-Site"}
_EMPLOYMENT_VALUE = {
    "full_time": "Regular", "part_time": "Part-Time", "contract": "Contractor",
    "temporary": "Temporary", "internship": "Intern",
}  # fmt: skip
_TIME_TYPE_VALUE = {
    "full_time": "Full time", "part_time": "Part time", "contract": "Full time",
    "temporary": "Part time", "internship": "Full time",
}  # fmt: skip


def _id(*parts: object, digits: int = 10) -> int:
    """A stable pseudo-random id of ``digits`` digits (Greenhouse ids look like 4001234006)."""
    raw = hashlib.blake2b(":".join(map(str, parts)).encode(), digest_size=8).digest()
    low = 10 ** (digits - 1)
    return low * 4 + int.from_bytes(raw, "big") % (low * 5)


class _Style:
    """Per-board wire quirks, derived from the board token."""

    def __init__(self, market: Market, board: str) -> None:
        rng = random.Random(f"greenhouse:{market.seed}:{board}")
        home = market.board(board).home_country
        zone = rng.choice(_US_ZONES) if home == "US" else V.COUNTRIES[home].tz
        self.tz = ZoneInfo(zone)
        self.joiner = rng.choice(_JOINERS)
        self.metadata = rng.choice(("none", "location_type", "employment_type", "gong", "mixed"))
        self.null_rate = rng.choice((0.0, 0.3, 0.7))
        self.company_suffix = " " if rng.random() < 0.05 else ""  # real boards have "Amplitude "
        self.consent = rng.random() < 0.4
        self.ai_flag: bool | None = rng.choice((None, None, False))
        self.parent_dept = rng.random() < 0.4
        self.parent_office = rng.random() < 0.3
        self.seed = f"{market.seed}:{board}"


_STYLES: weakref.WeakKeyDictionary[Market, dict[str, _Style]] = weakref.WeakKeyDictionary()
_STYLES_LOCK = threading.Lock()


def _style(market: Market, board: str) -> _Style:
    with _STYLES_LOCK:
        styles = _STYLES.setdefault(market, {})
        style = styles.get(board)
        if style is None:
            style = styles[board] = _Style(market, board)
        return style


def _iso(moment: datetime, style: _Style) -> str:
    """ISO timestamp in the board's zone with offset, e.g. '2026-07-14T18:35:00-04:00'."""
    return moment.astimezone(style.tz).isoformat(timespec="seconds")


def escape_content(html_text: str) -> str:
    """Entity-escape description HTML the way Greenhouse's ``content`` field does."""
    return (
        html_text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace('"', "&quot;").replace("'", "&#39;")
    )  # fmt: skip


def location_name(locations: tuple[DemoLocation, ...], joiner: str = " | ") -> str:
    """Join a posting's locations the way boards do ('Chicago, IL or Remote', 'A | B')."""
    raws = [loc.raw for loc in locations]
    if len(raws) == 2 and raws[1] == "Remote":
        return f"{raws[0]} or Remote"
    if joiner == ", " and any("," in r for r in raws):
        joiner = "; "
    return joiner.join(raws)


def _metadata(posting: DemoPosting, style: _Style) -> list[Json]:
    rng = random.Random(f"{style.seed}:meta:{posting.job_id}")

    def value(v: str) -> str | None:
        return None if rng.random() < style.null_rate else v

    def field(name: str, val: object, kind: str = "single_select") -> Json:
        return {"id": _id(style.seed, "meta", name), "name": name, "value": val, "value_type": kind}

    if style.metadata == "none":
        return []
    if style.metadata == "location_type":
        return [field("Location Type", value(_WORKPLACE_VALUE[posting.workplace_type]))]
    if style.metadata == "employment_type":
        return [field("Employment Type", value(_EMPLOYMENT_VALUE[posting.employment_type]))]
    if style.metadata == "gong":
        return [
            field("Job Level", value(str(20 + 10 * _level(posting.seniority)))),
            field("Time Type", value(_TIME_TYPE_VALUE[posting.employment_type])),
            field("Cost Center Hierarchy", value(posting.department), "short_text"),
            field("Segment", None),
        ]
    return [
        field("Featured on Website", [], "multi_select"),
        field("Careers Site Department", value(posting.department)),
        field("Location Type", value(_WORKPLACE_VALUE[posting.workplace_type])),
    ]


def _level(seniority: str) -> int:
    return V.SENIORITIES.index(seniority) if seniority in V.SENIORITIES else 2


def _departments(posting: DemoPosting, style: _Style) -> list[Json]:
    parent = _id(style.seed, "dept-root") if style.parent_dept else None
    return [{
        "id": _id(style.seed, "dept", posting.department), "name": posting.department,
        "child_ids": [], "parent_id": parent,
    }]  # fmt: skip


def _office_address(loc: DemoLocation) -> str | None:
    if not loc.city:
        return None
    city = V.CITY_INDEX.get((loc.country_code, loc.city))
    country = V.COUNTRIES[loc.country_code].name
    if city is None or not city.region_name or city.region_name == loc.city:
        return f"{loc.city}, {country}"
    return f"{loc.city}, {city.region_name}, {country}"


def _offices(posting: DemoPosting, style: _Style) -> list[Json]:
    seen: dict[str, Json] = {}
    for loc in posting.locations:
        name = loc.raw if loc.raw != "Remote" else f"Remote - {loc.country_code}"
        parent = _id(style.seed, "office-root", loc.country_code) if style.parent_office else None
        seen.setdefault(name, {
            "id": _id(style.seed, "office", name), "name": name,
            "location": _office_address(loc), "child_ids": [], "parent_id": parent,
        })  # fmt: skip
    return sorted(seen.values(), key=lambda o: o["name"])


def job_json(market: Market, posting: DemoPosting, content: bool) -> Json:
    """One job object as it appears in a list (and, with content, in the detail endpoint)."""
    style = _style(market, posting.board)
    job: Json = {
        "absolute_url": f"https://job-boards.greenhouse.io/{posting.board}/jobs/{posting.job_id}",
        "data_compliance": [{
            "type": "gdpr", "requires_consent": False, "requires_processing_consent": False,
            "requires_retention_consent": False, "retention_period": None,
            "demographic_data_consent_applies": style.consent,
        }],
        "internal_job_id": posting.job_id - 1_137_000_000,
        "location": {"name": location_name(posting.locations, style.joiner)},
        "metadata": _metadata(posting, style),
        "id": posting.job_id,
        "updated_at": _iso(posting.updated_at, style),
        "requisition_id": posting.requisition_id,
        "title": posting.title,
        "company_name": posting.company + style.company_suffix,
        "first_published": _iso(posting.first_published, style),
        "language": posting.language,
        "application_deadline": None,
    }  # fmt: skip
    if content:
        job["content"] = escape_content(posting.description_html)
        job["departments"] = _departments(posting, style)
        job["offices"] = _offices(posting, style)
        job["ai_disclaimer"] = None
        job["include_ai_disclaimer"] = style.ai_flag
        job["ai_opt_out_request_url"] = None
    return job


def jobs_list(market: Market, board: str, day: date, content: bool = False) -> Json:
    """Body of ``GET /v1/boards/{board}/jobs[?content=true]`` (KeyError for unknown boards)."""
    jobs = [job_json(market, p, content) for p in market.postings(board, day)]
    return {"jobs": jobs, "meta": {"total": len(jobs)}}


def pay_input_ranges(posting: DemoPosting, style_seed: str = "") -> list[Json]:
    """Structured pay (``pay_input_ranges``) for a posting; [] when it exposes none."""
    pay = posting.pay
    if not posting.pay_structured or pay is None or pay.min is None or pay.max is None:
        return []
    rng = random.Random(f"{style_seed}:pay:{posting.job_id}")
    return [{
        "min_cents": round(pay.min * 100),
        "max_cents": round(pay.max * 100),
        "currency_type": pay.currency,
        "title": rng.choice(V.PAY_RANGE_TITLES[pay.period]),
        "blurb": rng.choice(V.PAY_RANGE_BLURBS),
    }]  # fmt: skip


def job_detail(
    market: Market, board: str, job_id: int, day: date, pay_transparency: bool = False
) -> Json | None:
    """Body of ``GET /v1/boards/{board}/jobs/{id}``; None if the job is not live that day."""
    posting = market.posting(board, job_id, day)
    if posting is None:
        return None
    job = job_json(market, posting, content=True)
    if pay_transparency:
        job["pay_input_ranges"] = pay_input_ranges(posting, _style(market, board).seed)
    return job
