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
    is_ote: bool = False  #: only on-target earnings were given (flagged, never taken as base)


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


STRUCTURED_PERIODS = frozenset({"hour", "day", "week", "month", "year"})


def _amount(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if value > 0 else None


def structured_pay(entries: list[dict[str, Any]]) -> Salary | None:
    """Pay from the common structured shape every non-Greenhouse extractor emits.

    Each entry: ``{"min", "max", "currency", "period", "label", "kind"}`` with amounts in
    currency units. Base entries win; when several base tiers exist (Ashby pays per location
    zone) those sharing the first tier's currency and period are merged into one range
    (lowest minimum, highest maximum). Equity and bonus entries are ignored; when only OTE is
    given the result is flagged ``is_ote``. A missing period is read from the label, else from
    the size of the amount (under 500 → hour, otherwise year).
    """
    usable = [
        e
        for e in entries
        if isinstance(e, dict) and (_amount(e.get("min")) or _amount(e.get("max")))
    ]
    base = [e for e in usable if e.get("kind") in ("base", None)]
    ote = [e for e in usable if e.get("kind") == "ote"]
    if not base:
        if ote:
            first = ote[0]
            return Salary(None, None, _currency(first.get("currency")), None, "structured",
                          str(first.get("label") or "OTE"), is_ote=True)  # fmt: skip
        return None
    first = base[0]
    currency = _currency(first.get("currency"))
    period = _entry_period(first)
    same = [
        e for e in base if _currency(e.get("currency")) == currency and _entry_period(e) == period
    ]
    lows = [v for e in same if (v := _amount(e.get("min"))) is not None]
    highs = [v for e in same if (v := _amount(e.get("max"))) is not None]
    low, high = (min(lows) if lows else None), (max(highs) if highs else None)
    if low is not None and high is not None and low > high:
        low, high = high, low
    raw = "; ".join(str(e.get("label") or "") for e in same if e.get("label")) or (
        f"{low}-{high} {currency or ''} per {period}"
    )
    return Salary(low, high, currency, period, "structured", raw[:300])


def _entry_period(entry: dict[str, Any]) -> str | None:
    period = entry.get("period")
    if period in STRUCTURED_PERIODS:
        return str(period)
    found = _period(str(entry.get("label") or ""))
    if found:
        return found
    size = _amount(entry.get("max")) or _amount(entry.get("min")) or 0
    return "hour" if size < 500 else "year"
