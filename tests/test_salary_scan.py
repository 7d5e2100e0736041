"""The salary parser's digit scan must not lose pay anywhere in a long text.

``parse_salary`` only reads numbers that its byte-level scan hints as currency-like (a symbol
or code before or after them); these properties embed a pay statement of many shapes in
random filler, ASCII and not, and check that it is always found with its exact amount.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.salary_text import parse_salary

FILLER_WORDS = [
    "we", "build", "tools", "for", "teams", "in", "Zürich", "and", "München", "café", "–", "•",
    "the", "role", "is", "onsite", "señor", "naïve", "日本語", "über", "ça", "a", "of", "—",
    "growth", "Kraków", "São", "Paulo", "team", "(hybrid)", "benefits:", "health;", "vision.",
]  # fmt: skip


def _grouped(value: int, sep: str) -> str:
    return f"{value:,}".replace(",", sep)


# (text of the amount, currency, country): prefixed and suffixed currencies, locale grouping
def pay_shapes(value: int) -> list[tuple[str, str, str | None]]:
    return [
        (f"${_grouped(value, ',')}", "USD", "US"),
        (f"US${_grouped(value, ',')}", "USD", None),
        (f"€{_grouped(value, '.')}", "EUR", "DE"),
        (f"{_grouped(value, '.')} €", "EUR", "DE"),
        (f"{_grouped(value, '.')}\u00a0€", "EUR", "FR"),
        (f"EUR {_grouped(value, ',')}", "EUR", None),
        (f"£{_grouped(value, ',')}", "GBP", "GB"),
        (f"CHF {_grouped(value, chr(39))}", "CHF", "CH"),
        (f"{_grouped(value, ' ')} zł", "PLN", "PL"),
        (f"{_grouped(value, ' ')} kr", "SEK", "SE"),
        (f"C${_grouped(value, ',')}", "CAD", None),
        (f"{value // 1000}k €", "EUR", "DE") if value % 1000 == 0 else (f"€{value}", "EUR", "DE"),
    ]


filler = st.lists(st.sampled_from(FILLER_WORDS), max_size=60).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(
    before=filler,
    after=filler,
    value=st.integers(min_value=20, max_value=400).map(lambda k: k * 1000),
    shape=st.integers(min_value=0, max_value=11),
)
def test_pay_in_filler_is_found_exactly(before: str, after: str, value: int, shape: int) -> None:
    amount, currency, country = pay_shapes(value)[shape]
    text = f"{before}. Salary: {amount} per year. {after}"
    found = parse_salary(text, country=country)
    assert found is not None, text
    assert (found.min, found.max, found.currency, found.period) == (
        value,
        value,
        currency,
        "year",
    ), text
    assert found.raw in text


@settings(max_examples=150, deadline=None)
@given(
    before=filler,
    low=st.integers(min_value=30, max_value=150).map(lambda k: k * 1000),
    spread=st.integers(min_value=5, max_value=60).map(lambda k: k * 1000),
    joiner=st.sampled_from([" - ", "–", " to ", " – ", " bis "]),
)
def test_ranges_in_filler_are_found(before: str, low: int, spread: int, joiner: str) -> None:
    high = low + spread
    text = f"{before}\nPay range: ${low:,}{joiner}${high:,} a year.\n{before}"
    found = parse_salary(text, country="US")
    assert found is not None, text
    assert (found.min, found.max, found.currency, found.period) == (low, high, "USD", "year")


@settings(max_examples=150, deadline=None)
@given(before=filler, after=filler, number=st.integers(min_value=1, max_value=999_999))
def test_bare_numbers_in_filler_are_not_pay(before: str, after: str, number: int) -> None:
    """A number without currency, pay word or period is never pay, wherever it stands."""
    text = f"{before} {number} {after}"
    assert parse_salary(text, country="US") is None, text
