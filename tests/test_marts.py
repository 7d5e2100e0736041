"""Marts on given rows: daily activity, salary percentiles, skills, time to close, pay share."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from warehouse_fixtures import publish, query, row, write_day

D = [date(2026, 11, 2) + timedelta(days=i) for i in range(3)]  # Monday, Tuesday, Wednesday
BERLIN = [{"raw": "Berlin", "city": "Berlin", "region": None, "country_code": "DE"}]
WORDS = [
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliet",
    "kilo",
    "lima",
    "mike",
]


def _text(pid: str) -> str:  # a description of its own: no two test postings are duplicates
    return " ".join(f"{w}{pid}" for w in WORDS)


def _nurse(pid: str, day: date, lo: float, hi: float, **over: object) -> dict:
    base = dict(
        seniority="mid",
        salary_min=lo,
        salary_max=hi,
        salary_currency="USD",
        salary_period="year",
        salary_min_annual=lo,
        salary_max_annual=hi,
        description_text=_text(pid),
    )
    base.update(over)
    return row(pid, day, **base)


def _accountant(pid: str, day: date, **over: object) -> dict:
    base = dict(
        board="b",
        title="Accountant",
        seniority="mid",
        locations=BERLIN,
        description_text=_text(pid),
        skills=["excel"],
    )
    base.update(over)
    return row(pid, day, **base)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("marts")
    a1 = {"skills": ["python"]}
    a2 = dict(
        title="Senior Nurse",
        seniority="senior",
        salary_period="hour",
        salary_min=50.0,
        salary_max=50.0,
        salary_min_annual=104000.0,
        salary_max_annual=104000.0,
    )
    b2 = dict(
        salary_min=60000.0,
        salary_max=60000.0,
        salary_currency="EUR",
        salary_period="year",
        salary_min_annual=60000.0,
        salary_max_annual=60000.0,
        skills=["excel", "sap"],
    )
    write_day(
        root,
        D[0],
        [
            _nurse("a1", D[0], 100e3, 120e3, **a1),
            _nurse("a2", D[0], 0, 0, **a2),
            _accountant("b1", D[0]),
        ],
    )
    write_day(
        root,
        D[1],
        [
            _nurse("a1", D[1], 100e3, 120e3, **a1),
            _accountant("b1", D[1]),
            _accountant("b2", D[1], **b2),
        ],
    )
    write_day(
        root,
        D[2],
        [
            _nurse("a1", D[2], 100e3, 120e3, **a1),
            _accountant("b2", D[2], **b2),
            _nurse("a3", D[2], 110e3, 130e3),
        ],
    )
    return publish(root, D[2])


def test_daily_activity_by_company(db: Path) -> None:
    rows = query(db, "select * from daily_activity_by_company order by company, snapshot_date")
    assert rows == [
        (D[0], "A", 2, 0, 2),
        (D[1], "A", 0, 1, 1),
        (D[2], "A", 1, 0, 2),
        (D[0], "B", 1, 0, 1),
        (D[1], "B", 1, 0, 2),
        (D[2], "B", 0, 1, 1),
    ]


def test_daily_activity_by_country_and_title_family(db: Path) -> None:
    by_country = query(
        db,
        "select snapshot_date, country_code, active_postings "
        "from daily_activity_by_country order by 2, 1",
    )
    assert by_country == [
        (D[0], "DE", 1),
        (D[1], "DE", 2),
        (D[2], "DE", 1),
        (D[0], "US", 2),
        (D[1], "US", 1),
        (D[2], "US", 2),
    ]
    by_family = query(
        db,
        "select snapshot_date, title_family, new_postings, active_postings "
        "from daily_activity_by_title_family where title_family = 'nurse' "
        "order by 1",
    )
    assert by_family == [(D[0], "nurse", 2, 2), (D[1], "nurse", 0, 1), (D[2], "nurse", 1, 2)]


def test_salary_percentiles_are_annualised_per_family_seniority_country(db: Path) -> None:
    rows = query(db, "select * from salary_percentiles order by 1, 2")
    assert rows == [
        ("accountant", "mid", "DE", "EUR", 1, 60000.0, 60000.0, 60000.0, 60000.0, 60000.0),
        ("nurse", "mid", "US", "USD", 2, 111000.0, 112500.0, 115000.0, 117500.0, 119000.0),
        ("nurse", "senior", "US", "USD", 1, 104000.0, 104000.0, 104000.0, 104000.0, 104000.0),
    ]


def test_skills_demand_weekly(db: Path) -> None:
    rows = query(db, "select week, skill, postings, share from skills_demand_weekly order by 2")
    assert rows == [(D[0], "excel", 2, 0.4), (D[0], "python", 1, 0.2), (D[0], "sap", 1, 0.2)]


def test_time_to_close_distribution(db: Path) -> None:
    rows = query(
        db,
        "select title_family, closed_postings, median_days, mean_days, "
        "within_7_days, over_60_days from time_to_close order by 1",
    )
    assert rows == [
        ("(all)", 2, 1.5, 1.5, 2, 0),
        ("accountant", 1, 2.0, 2.0, 1, 0),
        ("nurse", 1, 1.0, 1.0, 1, 0),
    ]


def test_pay_transparency_share(db: Path) -> None:
    rows = query(db, "select * from pay_transparency order by country_code")
    month = date(2026, 11, 1)
    assert rows == [(month, "DE", 2, 1, 0.5), (month, "US", 3, 3, 1.0)]


def test_postings_current_and_distinct_jobs(db: Path) -> None:
    assert query(db, "select posting_id from postings_current order by 1") == [
        ("a1",),
        ("a3",),
        ("b2",),
    ]
    assert query(db, "select count(*), count(*) filter (where is_active) from distinct_jobs") == [
        (5, 3)
    ]
