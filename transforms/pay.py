"""Structured pay from platform fields → salary columns (text pay comes with enrichment)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pycountry

PERIOD_WORDS = (
    ("hour", ("hour", "hourly", "/hr", "per hr")),
    ("day", ("day", "daily")),
    ("week", ("week", "weekly")),
    ("month", ("month", "monthly")),
    ("year", ("year", "annual", "yearly", "salary", "ote")),
)


@dataclass(frozen=True)
class Salary:
    min: float | None
    max: float | None
    currency: str | None
    period: str | None
    source: str
    raw: str


def _period(label: str) -> str | None:
    text = label.lower()
    for period, words in PERIOD_WORDS:
        if any(w in text for w in words):
            return period
    return None


def _currency(code: Any) -> str | None:
    if not isinstance(code, str) or not code.strip():
        return None
    found = pycountry.currencies.get(alpha_3=code.strip().upper())
    return found.alpha_3 if found else None


def _cents(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number / 100 if number >= 0 else None


def greenhouse_pay(ranges: list[dict[str, Any]]) -> Salary | None:
    """Greenhouse ``pay_input_ranges`` (cents): the first range with a usable amount.

    The period comes from the range's title ("Hourly rate", "Annual base salary"); ranges
    whose title says OTE are skipped when a base range exists.
    """
    usable = [r for r in ranges if _cents(r.get("min_cents")) or _cents(r.get("max_cents"))]
    base = [r for r in usable if "ote" not in str(r.get("title", "")).lower().split()]
    for entry in base or usable:
        low, high = _cents(entry.get("min_cents")), _cents(entry.get("max_cents"))
        if low is not None and high is not None and low > high:
            low, high = high, low
        title = str(entry.get("title") or "")
        period = _period(title) or ("hour" if (high or low or 0) < 500 else "year")
        currency = _currency(entry.get("currency_type"))
        raw = f"{title}: {entry.get('min_cents')}-{entry.get('max_cents')} cents {currency or ''}"
        return Salary(low, high, currency, period, "structured", raw.strip())
    return None
