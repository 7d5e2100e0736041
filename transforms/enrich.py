"""Enrichment: the analyst fields derived from a posting's text and platform values.

One entry point, :func:`enrich`, used by normalize on every posting and by
``jobpipe enrich`` (JSON lines in, JSON lines out). Platform (structured) values win over
what the text says; text is read once, as plain text.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from transforms import classify
from transforms.html_text import html_to_text
from transforms.locations import Location, parse_locations
from transforms.pay import Salary
from transforms.salary_text import annualize, parse_salary
from transforms.skills import extract_skills

TEXT_LIMIT = 60_000  # characters of description text read by the text extractors
LOCATION_LINE = re.compile(
    r"^\s*(?:locations?|job location|work location|based in|standort|arbeitsort|lieu|"
    r"localisation|ubicación|ubicacion|localização|local de trabalho|lokalizacja|"
    r"miejsce pracy)\s*[:\-–]\s*(?P<place>[^\n]{2,120})$",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass
class Enrichment:
    """Every enrichment field; None (or empty) when the posting does not say."""

    salary_min: float | None = None
    salary_max: float | None = None
    salary_currency: str | None = None
    salary_period: str | None = None
    salary_min_annual: float | None = None
    salary_max_annual: float | None = None
    salary_source: str | None = None
    salary_raw: str | None = None
    salary_is_ote: bool | None = None
    locations: list[dict[str, str | None]] = field(default_factory=list)
    workplace_type: str | None = None
    employment_type: str | None = None
    seniority: str | None = None
    education_level: str | None = None
    experience_years_min: int | None = None
    experience_years_max: int | None = None
    skills: list[str] = field(default_factory=list)
    visa_sponsorship: str | None = None
    language: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def as_text(description: str | None) -> str | None:
    """Plain text of a description that may be HTML or already plain."""
    if not description:
        return None
    if "<" in description and ">" in description:
        return html_to_text(description)
    return description.strip() or None


def _locations(raws: list[str], text: str | None) -> tuple[list[Location], bool]:
    found, remote = parse_locations(raws)
    if any(loc.country_code for loc in found) or not text:
        return found, remote
    # Nothing placeable in the location field: look for a "Location: ..." line in the text.
    extra = [m.group("place") for m in LOCATION_LINE.finditer(text[:TEXT_LIMIT])]
    more, remote_in_text = parse_locations(extra[:5])
    return found + [loc for loc in more if loc.country_code], remote or remote_in_text


def _pick_salary(
    structured: Salary | None, salary_label: str | None, text: str | None, country: str | None
) -> tuple[Any, str] | None:
    """Platform pay first, then a raw pay label, then the description text."""
    if structured is not None and (structured.min is not None or structured.max is not None):
        return structured, "structured"
    if salary_label and (found := parse_salary(salary_label, country=country)):
        return found, "structured"
    if text and (found := parse_salary(text, country=country)):
        return found, "text"
    if structured is not None and structured.is_ote:  # only OTE given: flag it
        return structured, "structured"
    return None


def _salary(
    structured: Salary | None, salary_label: str | None, text: str | None, country: str | None
) -> dict[str, Any]:
    picked = _pick_salary(structured, salary_label, text, country)
    if picked is None:
        return {}
    pay, source = picked
    if getattr(pay, "is_ote", False):  # flagged, never taken as base pay
        return {"salary_raw": pay.raw, "salary_is_ote": True, "salary_source": source}
    return {
        "salary_min": pay.min,
        "salary_max": pay.max,
        "salary_currency": pay.currency,
        "salary_period": pay.period,
        "salary_min_annual": annualize(pay.min, pay.period),
        "salary_max_annual": annualize(pay.max, pay.period),
        "salary_source": source,
        "salary_raw": pay.raw,
        "salary_is_ote": False,
    }


def enrich(
    *,
    title: str | None,
    description: str | None,
    location_raw: list[str] | None = None,
    salary_structured: Salary | None = None,
    salary_label: str | None = None,
    employment_label: str | None = None,
    workplace_label: str | None = None,
    text: str | None = None,
) -> Enrichment:
    """All enrichment fields for one posting. Pass ``text`` when the plain text is known."""
    text = text if text is not None else as_text(description)
    body = text[:TEXT_LIMIT] if text else None
    locations, remote_said = _locations(location_raw or [], body)
    country = next((loc.country_code for loc in locations if loc.country_code), None)
    years_min, years_max = classify.experience_years(body)
    location_hint = "Remote" if remote_said else ", ".join(location_raw or []) or None
    return Enrichment(
        **_salary(salary_structured, salary_label, body, country),
        locations=[loc.as_dict() for loc in locations],
        workplace_type=classify.workplace_type(body, label=workplace_label, location=location_hint),
        employment_type=classify.employment_type(body, label=employment_label, title=title),
        seniority=classify.seniority(title, body),
        education_level=classify.education_level(body),
        experience_years_min=years_min,
        experience_years_max=years_max,
        skills=extract_skills(" ".join(p for p in (title, body) if p)),
        visa_sponsorship=classify.visa_sponsorship(body),
        language=classify.language(body),
    )
