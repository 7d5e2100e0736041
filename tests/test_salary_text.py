"""Pay found in posting text → structured salary (transforms.salary_text)."""

from __future__ import annotations

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.salary_text import ANNUAL_FACTORS, PERIODS, SalaryFinding, annualize, parse_salary

NBSP, NNBSP = "\u00a0", "\u202f"

# text, country, (min, max, currency, period)
FOUND = [
    ("$95,000–$110,000", None, (95_000, 110_000, "USD", "year")),
    ("$130K-$160K", None, (130_000, 160_000, "USD", "year")),
    ("$38/hr", None, (38, 38, "USD", "hour")),
    ("from $27.50 an hour", None, (27.5, None, "USD", "hour")),
    ("£40,000 to £48,000 a year", None, (40_000, 48_000, "GBP", "year")),
    ("€55.000 – €65.000", None, (55_000, 65_000, "EUR", "year")),
    ("€70k-€85k", None, (70_000, 85_000, "EUR", "year")),
    ("CHF 120'000", None, (120_000, 120_000, "CHF", "year")),
    ("CHF 120’000 brutto jährlich", None, (120_000, 120_000, "CHF", "year")),
    ("C$70,000", None, (70_000, 70_000, "CAD", "year")),
    ("CA$85,000", None, (85_000, 85_000, "CAD", "year")),
    ("AU$90k", None, (90_000, 90_000, "AUD", "year")),
    ("A$120,000", None, (120_000, 120_000, "AUD", "year")),
    ("R$ 9.500,00 mensais", None, (9_500, 9_500, "BRL", "month")),
    ("7 500 zł brutto", None, (7_500, 7_500, "PLN", "month")),
    (f"7{NBSP}500 zł brutto", None, (7_500, 7_500, "PLN", "month")),
    (f"7{NNBSP}500{NBSP}złotych", None, (7_500, 7_500, "PLN", "month")),
    ("od 7000 do 9000 zł", None, (7_000, 9_000, "PLN", "month")),
    ("12-16 LPA", None, (1_200_000, 1_600_000, "INR", "year")),
    ("₹12-16 lakhs", None, (1_200_000, 1_600_000, "INR", "year")),
    ("INR 1.2 crore", None, (12_000_000, 12_000_000, "INR", "year")),
    ("₹12,00,000 per annum", None, (1_200_000, 1_200_000, "INR", "year")),
    ("EUR 50,000 - 60,000", None, (50_000, 60_000, "EUR", "year")),
    ("USD 120k–150k", None, (120_000, 150_000, "USD", "year")),
    ("50.000 € - 60.000 € brutto jährlich", None, (50_000, 60_000, "EUR", "year")),
    ("¥6,000,000", None, (6_000_000, 6_000_000, "JPY", "year")),
    ("S$5,000 per month", None, (5_000, 5_000, "SGD", "month")),
    ("MXN 25,000 mensuales", None, (25_000, 25_000, "MXN", "month")),
    ("starting at $65,000", None, (65_000, None, "USD", "year")),
    ("ab 50.000 € im Jahr", None, (50_000, None, "EUR", "year")),
    ("à partir de 45 000 € par an", None, (45_000, None, "EUR", "year")),
    ("$95,000+", None, (95_000, None, "USD", "year")),
    ("up to £55,000", None, (None, 55_000, "GBP", "year")),
    ("bis zu 70.000 € brutto jährlich", None, (None, 70_000, "EUR", "year")),
    ("jusqu'à 60 000 €", None, (None, 60_000, "EUR", "year")),
    ("$8000$9000 monthly", None, (8_000, 9_000, "USD", "month")),
    ("$95000 $110000", None, (95_000, 110_000, "USD", "year")),
    ("$110,000 - $95,000", None, (95_000, 110_000, "USD", "year")),
    ("between $50 and $60 per hour", None, (50, 60, "USD", "hour")),
    ("Pay: $38/hr to $45/hr", None, (38, 45, "USD", "hour")),
    ("EUR 500 - 600 per day", None, (500, 600, "EUR", "day")),
    ("$1,200 per week", None, (1_200, 1_200, "USD", "week")),
    ("Stundenlohn 18,50 €", None, (18.5, 18.5, "EUR", "hour")),
    ("Gehalt: 4.500 € pro Monat", None, (4_500, 4_500, "EUR", "month")),
    ("600万円", None, (6_000_000, 6_000_000, "JPY", "year")),
    ("Salary: 50,000 - 60,000 per year", "GB", (50_000, 60_000, "GBP", "year")),
    ("$120,000.00 - $140,000.00 annually", None, (120_000, 140_000, "USD", "year")),
    # country-dependent "$"
    ("$70,000", "CA", (70_000, 70_000, "CAD", "year")),
    ("$70,000", "AU", (70_000, 70_000, "AUD", "year")),
    ("$70,000", "NZ", (70_000, 70_000, "NZD", "year")),
    ("$5,000 a month", "SG", (5_000, 5_000, "SGD", "month")),
    ("$25,000 al mes", "MX", (25_000, 25_000, "MXN", "month")),
    ("$40,000 per month", "HK", (40_000, 40_000, "HKD", "month")),
    ("$70,000", "DE", (70_000, 70_000, "USD", "year")),
    ("$70,000", None, (70_000, 70_000, "USD", "year")),
    ("CA$85,000", "US", (85_000, 85_000, "CAD", "year")),
    ("45 000 kr i månaden", "SE", (45_000, 45_000, "SEK", "month")),
    # a note after the first figure of a range
    ("1.150 € (1. Jahr) bis 1.350 € (4. Jahr) brutto", "DE", (1_150, 1_350, "EUR", "month")),
    ("$52,000 (Level 1) to $61,000 (Level 3) per year", "US", (52_000, 61_000, "USD", "year")),
    # a bonus joined by a conjunction does not make the base pay a bonus
    ("un salaire de CHF 140'000 – 160'000 et un bonus", "CH", (140_000, 160_000, "CHF", "year")),
    ("Gehalt 60.000 € und ein Bonus", "DE", (60_000, 60_000, "EUR", "year")),
]

NOT_SALARY = [
    "We offer equity and stock options.",
    "$50k in equity",
    "Competitive salary and great benefits!",
    "401(k) with 4% match",
    "5+ years of experience",
    "3-5 years of Python",
    "Join a team of 12 engineers",
    "Call +1 (555) 123-4567",
    "Tel. 030 1234 5678",
    "Apply by 31 March 2026",
    "Start in Q3 2025",
    "10% bonus",
    "San Francisco, CA 94105",
    "10115 Berlin",
    "up to 20% travel",
    "We are 250 people in 14 countries",
    "$500 home-office stipend",
    "$2,000 learning budget",
    "a $1,000 signing bonus",
    "We raised $50M in our Series B",
    "a $5 million fund",
    "",
    "no numbers at all",
]


@pytest.mark.parametrize(("text", "country", "expected"), FOUND)
def test_formats(text: str, country: str | None, expected: tuple) -> None:
    found = parse_salary(text, country=country)
    assert found is not None, text
    assert (found.min, found.max, found.currency, found.period) == expected
    assert found.raw and found.raw in text
    assert not found.is_ote


@pytest.mark.parametrize("text", NOT_SALARY)
def test_not_salary(text: str) -> None:
    assert parse_salary(text) is None
    assert parse_salary(text, country="US") is None


def test_raw_is_the_matched_text() -> None:
    found = parse_salary("The range is $95,000 - $110,000 per year, plus equity.")
    assert found is not None
    assert found.raw == "$95,000 - $110,000 per year"


def test_ote_flag_and_base_preferred() -> None:
    ote_only = parse_salary("OTE $200k with uncapped commission")
    assert ote_only is not None and ote_only.is_ote and ote_only.max == 200_000
    assert parse_salary("$150k OTE").is_ote  # type: ignore[union-attr]
    both = parse_salary("Base salary $80,000–$100,000, OTE $160,000–$200,000")
    assert both == SalaryFinding(80_000, 100_000, "USD", "year", "$80,000–$100,000", False)
    later_base = parse_salary("OTE of $160,000. Base salary: $90,000 - $100,000")
    assert later_base is not None and not later_base.is_ote and later_base.min == 90_000


def test_base_pay_beats_perks_in_a_description() -> None:
    text = (
        "We offer a $1,000 signing bonus and a $500 home-office stipend. "
        "5+ years of experience required; team of 12.\n\n"
        "Compensation: the salary range is $120,000 - $140,000 per year. 401(k) match."
    )
    found = parse_salary(text)
    assert found is not None and (found.min, found.max) == (120_000, 140_000)


def test_huge_and_odd_input() -> None:
    filler = "lorem ipsum 12345678901234567890 " * 10_000
    assert parse_salary(filler) is None
    assert parse_salary(filler + " $95,000 per year") is None  # beyond the scanned prefix
    assert parse_salary("$95,000 per year " + filler).min == 95_000  # type: ignore[union-attr]
    assert parse_salary(None) is None  # type: ignore[arg-type]
    assert parse_salary("$95,000", country=42) is not None  # type: ignore[arg-type]


def test_annualize() -> None:
    assert annualize(38, "hour") == 38 * 2080
    assert annualize(5_000, "month") == 60_000
    assert annualize(None, "year") is None
    assert annualize(1.0, None) is None
    assert annualize(1.0, "fortnight") is None


CURRENCIES = {c.alpha_3 for c in pycountry.currencies}
MONEYISH = st.text(
    alphabet=st.sampled_from([*"0123456789 .,'’-–$€£¥₹kKLzł/hryaUSDEPLNCH\n", NBSP]),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(st.text(max_size=300), MONEYISH),
    country=st.sampled_from([None, "US", "CA", "IN", "DE", "SE", "CN", "ZA", "xx"]),
)
def test_properties(text: str, country: str | None) -> None:
    found = parse_salary(text, country=country)
    if found is None:
        return
    assert found.min is not None or found.max is not None
    if found.min is not None and found.max is not None:
        assert found.min <= found.max
    assert all(v > 0 for v in (found.min, found.max) if v is not None)
    assert found.currency in CURRENCIES
    assert found.period in PERIODS
    assert found.raw


@given(
    value=st.one_of(st.none(), st.floats(min_value=0, max_value=1e9)),
    period=st.one_of(st.none(), st.sampled_from([*PERIODS, "fortnight"])),
)
def test_annualize_consistent(value: float | None, period: str | None) -> None:
    result = annualize(value, period)
    if value is None or period not in ANNUAL_FACTORS:
        assert result is None
    else:
        assert result == value * ANNUAL_FACTORS[period]


@settings(max_examples=200, deadline=None)
@given(lead=st.text(alphabet="aéü日本語ł€ \n.😀", max_size=80))
def test_offsets_survive_non_ascii_text(lead: str) -> None:
    found = parse_salary(f"{lead}. Salary: $95,000 - $110,000 per year. 5 days")
    assert found is not None
    assert (found.min, found.max, found.raw) == (95_000, 110_000, "$95,000 - $110,000 per year")
