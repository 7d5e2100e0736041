"""Structured pay in the common extractor shape → one Salary (transforms.pay.structured_pay)."""

from __future__ import annotations

from transforms.enrich import enrich
from transforms.pay import structured_pay


def entry(**kw: object) -> dict[str, object]:
    base = {"min": None, "max": None, "currency": None, "period": None, "label": "", "kind": "base"}
    return {**base, **kw}


def test_base_range_with_period_and_currency() -> None:
    pay = structured_pay([entry(min=90000.0, max=120000.0, currency="usd", period="year")])
    assert pay is not None
    assert (pay.min, pay.max, pay.currency, pay.period, pay.source) == (
        90000.0, 120000.0, "USD", "year", "structured",
    )  # fmt: skip


def test_tiers_with_the_same_currency_and_period_merge_into_one_range() -> None:
    pay = structured_pay(
        [
            entry(min=150000.0, max=180000.0, currency="USD", period="year", label="SF/NY"),
            entry(min=130000.0, max=160000.0, currency="USD", period="year", label="Remote"),
            entry(min=90000.0, max=100000.0, currency="EUR", period="year", label="Berlin"),
        ]
    )
    assert pay is not None and (pay.min, pay.max, pay.currency) == (130000.0, 180000.0, "USD")
    assert pay.raw == "SF/NY; Remote"


def test_equity_and_bonus_are_ignored_and_base_wins_over_ote() -> None:
    pay = structured_pay(
        [
            entry(min=0.1, max=0.2, kind="equity"),
            entry(min=200000.0, max=250000.0, currency="USD", period="year", kind="ote"),
            entry(min=100000.0, max=110000.0, currency="USD", period="year"),
            entry(min=10000.0, kind="bonus", currency="USD"),
        ]
    )
    assert pay is not None and (pay.min, pay.max, pay.is_ote) == (100000.0, 110000.0, False)


def test_only_ote_is_flagged_not_taken_as_base() -> None:
    pay = structured_pay([entry(min=200000.0, max=250000.0, currency="USD", kind="ote")])
    assert pay is not None and pay.is_ote and pay.min is None and pay.max is None
    got = enrich(title="AE", description="<p>Sell things.</p>", salary_structured=pay)
    assert got.salary_is_ote is True and got.salary_min is None


def test_missing_period_comes_from_label_then_size() -> None:
    hourly = structured_pay([entry(min=25.0, max=30.0, currency="USD", label="per hour")])
    small = structured_pay([entry(min=25.0, max=30.0, currency="USD")])
    big = structured_pay([entry(min=60000.0, currency="EUR")])
    assert hourly is not None and hourly.period == "hour"
    assert small is not None and small.period == "hour"
    assert big is not None and (big.period, big.min, big.max) == ("year", 60000.0, None)


def test_unusable_entries_give_none() -> None:
    assert structured_pay([]) is None
    assert structured_pay([entry(min=0, max=-5), "junk", entry(min=True)]) is None  # type: ignore[list-item]


def test_reversed_range_is_swapped_and_unknown_currency_dropped() -> None:
    pay = structured_pay([entry(min=120.0, max=100.0, currency="ZZZ", period="day")])
    assert pay is not None and (pay.min, pay.max, pay.currency) == (100.0, 120.0, None)
