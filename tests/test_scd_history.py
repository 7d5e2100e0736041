"""Change history (SCD2): one version per distinct content, valid_from/valid_to, pay on a date."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from warehouse_fixtures import publish, query, row, write_day

D = [date(2026, 11, 1) + timedelta(days=i) for i in range(5)]
PAY_ON = (
    "select posting_id, salary_min, salary_max from posting_history "
    "where valid_from <= ? and (valid_to > ? or valid_to is null) order by 1"
)


def _pay(pid: str, day: date, lo: float, hi: float, **over: object) -> dict:
    return row(
        pid, day, salary_min=lo, salary_max=hi, salary_currency="USD", salary_period="year", **over
    )


def test_versions_change_only_when_content_changes(tmp_path: Path) -> None:
    later = datetime(2026, 11, 3, tzinfo=UTC)
    write_day(tmp_path, D[0], [_pay("a1", D[0], 50, 60), _pay("a2", D[0], 70, 80)])
    # D1: a1 re-scraped (new scraped_at/updated_at only): no new version; a2 pay raised
    write_day(
        tmp_path,
        D[1],
        [_pay("a1", D[1], 50, 60, scraped_at=later, updated_at=later), _pay("a2", D[1], 75, 85)],
    )
    write_day(tmp_path, D[2], [_pay("a1", D[2], 50, 60), _pay("a2", D[2], 75, 85)])
    write_day(tmp_path, D[3], [_pay("a2", D[3], 75, 85, title="Senior Nurse")])  # a1 closes
    db = publish(tmp_path, D[3])
    history = query(
        db,
        "select posting_id, version_no, title, salary_min, valid_from, valid_to, is_current "
        "from posting_history order by posting_id, version_no",
    )
    assert history == [
        ("a1", 1, "Nurse", 50.0, D[0], D[3], False),
        ("a2", 1, "Nurse", 70.0, D[0], D[1], False),
        ("a2", 2, "Nurse", 75.0, D[1], D[3], False),
        ("a2", 3, "Senior Nurse", 75.0, D[3], None, True),
    ]
    hashes = query(db, "select count(distinct content_hash) from posting_history")
    assert hashes == [(4,)]


def test_advertised_pay_on_a_date_is_one_query(tmp_path: Path) -> None:
    write_day(tmp_path, D[0], [_pay("a1", D[0], 50, 60)])
    write_day(tmp_path, D[1], [_pay("a1", D[1], 55, 65)])
    write_day(tmp_path, D[2], [_pay("a1", D[2], 55, 65), _pay("a2", D[2], 10, 20)])
    db = publish(tmp_path, D[2])
    assert query(db, PAY_ON, [D[0], D[0]]) == [("a1", 50.0, 60.0)]
    assert query(db, PAY_ON, [D[1], D[1]]) == [("a1", 55.0, 65.0)]
    assert query(db, PAY_ON, [D[2], D[2]]) == [("a1", 55.0, 65.0), ("a2", 10.0, 20.0)]


def test_versions_are_not_cut_by_a_failed_crawl(tmp_path: Path) -> None:
    write_day(tmp_path, D[0], [_pay("a1", D[0], 50, 60)])
    write_day(tmp_path, D[1], [], failed_boards=("a",))
    write_day(tmp_path, D[2], [_pay("a1", D[2], 50, 60)])
    db = publish(tmp_path, D[2])
    assert query(db, "select valid_from, valid_to from posting_history") == [(D[0], None)]
