"""HTML to text, timestamps, structured pay and label vocabularies."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from transforms.html_text import html_to_text
from transforms.labels import employment_type, workplace_type
from transforms.pay import greenhouse_pay
from transforms.timestamps import parse_timestamp


def test_html_to_text_is_block_aware() -> None:
    html = "<h2>About</h2><p>We <strong>build</strong> things.</p><ul><li>Go</li><li>SQL</li></ul>"
    assert html_to_text(html) == "About\nWe build things.\nGo\nSQL"


def test_html_to_text_drops_scripts_and_decodes_entities() -> None:
    html = "<p>R&amp;D&nbsp;team</p><script>alert(1)</script><style>p{}</style>"
    assert html_to_text(html) == "R&D team"


@pytest.mark.parametrize("value", [None, "", "   ", "<p> </p>"])
def test_html_to_text_empty(value: str | None) -> None:
    assert html_to_text(value) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-07-14T18:35:00-04:00", datetime(2026, 7, 14, 22, 35, tzinfo=UTC)),
        ("2026-07-14T22:35:00Z", datetime(2026, 7, 14, 22, 35, tzinfo=UTC)),
        ("2026-07-14 22:35:00 UTC", datetime(2026, 7, 14, 22, 35, tzinfo=UTC)),
        ("2026-07-14T22:35:00", datetime(2026, 7, 14, 22, 35, tzinfo=UTC)),
        (1784068500000, datetime(2026, 7, 14, 22, 35, tzinfo=UTC)),
        (1784068500, datetime(2026, 7, 14, 22, 35, tzinfo=UTC)),
        ("yesterday", None),
        ("", None),
        (None, None),
        (True, None),
        (10**30, None),
    ],
)
def test_parse_timestamp(value: object, expected: datetime | None) -> None:
    assert parse_timestamp(value) == expected


def test_greenhouse_pay_cents_and_period() -> None:
    pay = greenhouse_pay(
        [{"min_cents": 3800, "max_cents": 4500, "currency_type": "usd", "title": "Hourly rate"}]
    )
    assert pay is not None
    assert (pay.min, pay.max, pay.currency, pay.period, pay.source) == (
        38.0,
        45.0,
        "USD",
        "hour",
        "structured",
    )


def test_greenhouse_pay_prefers_base_over_ote_and_swaps_reversed() -> None:
    pay = greenhouse_pay(
        [
            {"min_cents": 20000000, "max_cents": 25000000, "currency_type": "USD", "title": "OTE"},
            {
                "min_cents": 12000000,
                "max_cents": 10000000,
                "currency_type": "USD",
                "title": "Annual base salary",
            },
        ]
    )
    assert pay is not None and (pay.min, pay.max, pay.period) == (100000.0, 120000.0, "year")


@pytest.mark.parametrize(
    "ranges",
    [[], [{"min_cents": None, "max_cents": None}], [{"min_cents": "x"}], [{"min_cents": -5}]],
)
def test_greenhouse_pay_unusable(ranges: list) -> None:
    assert greenhouse_pay(ranges) is None


def test_unknown_currency_is_null() -> None:
    pay = greenhouse_pay([{"min_cents": 100000, "currency_type": "XYZ", "title": "Annual"}])
    assert pay is not None and pay.currency is None


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Full time", "full_time"),
        ("Regular", "full_time"),
        ("Part-time", "part_time"),
        ("Contractor", "contract"),
        ("Internship", "internship"),
        ("Temporary", "temporary"),
        ("Something else", "other"),
        ("", None),
        (None, None),
    ],
)
def test_employment_type(label: str | None, expected: str | None) -> None:
    assert employment_type(label) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("On-Site", "onsite"),
        ("Remote", "remote"),
        ("Hybrid", "hybrid"),
        ("Flexible", None),
        (None, None),
    ],
)
def test_workplace_type(label: str | None, expected: str | None) -> None:
    assert workplace_type(label) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Tiempo completo", "full_time"),
        ("Tempo pieno, indeterminato", "full_time"),
        ("Heltid", "full_time"),
        ("CLT - Efetivo", "full_time"),
        ("正社員", "full_time"),
        ("Vast contract, voltijds", "full_time"),
        ("Umowa o pracę, pełny etat", "full_time"),
        ("Umowa o pracę, pół etatu", "part_time"),
        ("Teilzeit (Werkstudent)", "part_time"),
        ("Uitzendbaan", "temporary"),
        ("Tempo determinato", "temporary"),
        ("Temporal", "temporary"),
        ("B2B", "contract"),
        ("Freelance contract", "contract"),
        ("Prácticas", "internship"),
        ("Part-time or full-time", None),
        ("Vollzeit / Teilzeit 80-100%", None),
        ("Per diem", "other"),
    ],
)
def test_employment_labels_in_many_languages(label: str, expected: str | None) -> None:
    assert employment_type(label) == expected


def test_a_label_offering_both_hours_stops_the_text_from_deciding() -> None:
    from transforms.classify import employment_type as classify_employment

    text = "This is a full-time role."
    assert classify_employment(text, label="Part-time or full-time") is None
    assert classify_employment(text, label="Per diem") == "full_time"  # "other" only as fallback
