"""The marts summed from publish's daily pre-aggregates equal their definitions over the
episodes (daily activity, time to close), on the demo history and on random histograms."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest
from warehouse_fixtures import publish, row, write_day

from warehouse.build import SQL_DIR
from warehouse.questions import build_demo_warehouse

# The definitions the pre-aggregates must reproduce, from the episodes and the change history:
# a posting counts under the company/country/title family of its version on that day.
ACTIVITY_FROM_HISTORY = """
with days as (
    select cast(range as date) as day
    from range((select min(first_seen_at) from stg_posting_episodes),
               (select max(last_seen_at) + 1 from stg_posting_episodes), interval 1 day)
),
ep as (select posting_id, first_seen_at, closed_at from stg_posting_episodes),
v as (select posting_id, valid_from, valid_to, {key} from posting_history),
events as (
    select d.day, v.{key}, 0 as opened, 0 as closed, 1 as active
    from days as d
    join ep on ep.first_seen_at <= d.day and (ep.closed_at is null or d.day < ep.closed_at)
    join v on v.posting_id = ep.posting_id and v.valid_from <= d.day
        and (v.valid_to is null or d.day < v.valid_to)
    union all
    select ep.first_seen_at, v.{key}, 1, 0, 0
    from ep join v on v.posting_id = ep.posting_id and v.valid_from <= ep.first_seen_at
        and (v.valid_to is null or ep.first_seen_at < v.valid_to)
    union all
    select ep.closed_at, v.{key}, 0, 1, 0
    from ep join v on v.posting_id = ep.posting_id and v.valid_to = ep.closed_at
)
select day, {key}, sum(opened), sum(closed), sum(active)
from events group by all order by 2, 1
"""
TIME_TO_CLOSE_FROM_VALUES = """
select
    case when grouping(title_family) = 1 then '(all)' else title_family end,
    count(*), quantile_cont(days, 0.25), quantile_cont(days, 0.5), quantile_cont(days, 0.75),
    quantile_cont(days, 0.9), avg(days),
    count(*) filter (where days <= 7), count(*) filter (where days between 8 and 30),
    count(*) filter (where days between 31 and 60), count(*) filter (where days > 60)
from {source}
group by grouping sets ((title_family), ())
order by 1 nulls first
"""
MART_COLUMNS = (
    "title_family, closed_postings, p25_days, median_days, p75_days, p90_days, mean_days, "
    "within_7_days, within_8_30_days, within_31_60_days, over_60_days"
)


def assert_rows_close(got: list[tuple], want: list[tuple]) -> None:
    """Equal rows; floats within rounding (interpolation order differs by an ulp at most)."""
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        assert len(g) == len(w)
        for a, b in zip(g, w, strict=True):
            if isinstance(a, float) or isinstance(b, float):
                assert a == pytest.approx(b, rel=1e-12, abs=1e-12), (g, w)
            else:
                assert a == b, (g, w)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    db = build_demo_warehouse(tmp_path_factory.mktemp("preagg"))
    with duckdb.connect(str(db), read_only=True) as con:
        yield con


@pytest.mark.slow
@pytest.mark.parametrize(
    ("mart", "key"),
    [("company", "company"), ("country", "country_code"), ("title_family", "title_family")],
)
def test_daily_activity_counts_each_posting_under_its_version_of_the_day(
    demo_db: duckdb.DuckDBPyConnection, mart: str, key: str
) -> None:
    got = demo_db.execute(
        f"select snapshot_date, {key}, new_postings, closed_postings, active_postings "
        f"from daily_activity_by_{mart} order by 2, 1"
    ).fetchall()
    want = demo_db.execute(ACTIVITY_FROM_HISTORY.format(key=key)).fetchall()
    assert len(got) >= 30
    assert got == want


@pytest.mark.slow
def test_time_to_close_equals_quantiles_over_the_episodes(
    demo_db: duckdb.DuckDBPyConnection,
) -> None:
    episodes = (
        "(select title_family, closed_at - first_seen_at as days from stg_posting_episodes "
        "where closed_at is not null)"
    )
    got = demo_db.execute(
        f"select {MART_COLUMNS} from time_to_close order by 1 nulls first"
    ).fetchall()
    want = demo_db.execute(TIME_TO_CLOSE_FROM_VALUES.format(source=episodes)).fetchall()
    assert got[0][0] == "(all)" and got[0][1] > 20
    assert_rows_close(got, want)


@pytest.mark.parametrize("seed", range(8))
def test_time_to_close_histogram_quantiles_are_exact(seed: int) -> None:
    rng = random.Random(seed)
    families = ["nurse", "driver", "data engineer", None][: rng.randint(1, 4)]
    values = [
        (rng.choice(families), rng.choice([rng.randint(1, 5), rng.randint(1, 120)]))
        for _ in range(rng.choice([1, 2, 3, 50, 700]))
    ]
    con = duckdb.connect()
    con.execute("create table v (snapshot_date date, title_family varchar, days integer)")
    con.executemany(
        "insert into v values (date '2026-01-01' + ?, ?, ?)",
        [(rng.randint(0, 9), fam, days) for fam, days in values],
    )
    con.execute(
        "create table stg_daily_closed_durations as select snapshot_date, title_family, days, "
        "count(*) as closed_postings from v group by all"
    )
    mart = (SQL_DIR / "marts" / "time_to_close.sql").read_text(encoding="utf-8")
    got = con.execute(f"select {MART_COLUMNS} from ({mart}) order by 1 nulls first").fetchall()
    want = con.execute(TIME_TO_CLOSE_FROM_VALUES.format(source="v")).fetchall()
    assert_rows_close(got, want)


# salary_percentiles as first defined, over the whole version history
SALARY_FROM_HISTORY = """
with last_versions as (
    select v.* from stg_posting_versions as v
    semi join (select posting_id, closed_at as valid_to from stg_posting_episodes
               where closed_at is not null) as e using (posting_id, valid_to)
    union all
    select * from stg_posting_versions where valid_to is null
),
pay as (
    select v.title_family, v.seniority, v.country_code, v.salary_currency,
        (coalesce(v.salary_min_annual, v.salary_max_annual)
         + coalesce(v.salary_max_annual, v.salary_min_annual)) / 2 as annual_pay,
        v.posting_id, v.valid_from
    from last_versions as v
    anti join stg_posting_duplicates as d using (posting_id)
    where coalesce(v.salary_min_annual, v.salary_max_annual) is not null
      and not coalesce(v.salary_is_ote, false)
)
select title_family, seniority, country_code, salary_currency, count(*),
    quantile_cont(annual_pay, 0.10), quantile_cont(annual_pay, 0.25),
    quantile_cont(annual_pay, 0.50), quantile_cont(annual_pay, 0.75),
    quantile_cont(annual_pay, 0.90)
from (select * from pay
      qualify row_number() over (partition by posting_id order by valid_from desc) = 1)
group by all order by all
"""


def _pay(pid: str, day: date, lo: float | None, hi: float | None, **over: object) -> dict:
    base = dict(
        seniority="mid", salary_min=lo, salary_max=hi, salary_currency="USD",
        salary_period="year", salary_min_annual=lo, salary_max_annual=hi,
        description_text=" ".join(f"{w}{pid}" for w in ("alpha", "bravo", "charlie", "delta",
                                                         "echo", "foxtrot", "golf", "hotel")),
    )  # fmt: skip
    base.update(over)
    return row(pid, day, **base)


@pytest.fixture(scope="module")
def history_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Pay edits, a close, a reopen within the repost window and one after it (same id), a
    posting whose last episode states no pay, on-target earnings and a cross-board duplicate."""
    root = tmp_path_factory.mktemp("history")
    d0 = date(2026, 9, 1)
    day = [d0 + timedelta(days=i) for i in range(50)]
    dup_text = _pay("p1", d0, 1, 1)["description_text"]

    def market(i: int) -> list[dict]:
        rows = []
        if i <= 4:  # p1: a pay edit on day 3, closes on day 5
            rows.append(_pay("p1", day[i], 100e3 if i < 3 else 110e3, 120e3 if i < 3 else 130e3))
            rows.append(_pay("p6", day[i], 90e3, 95e3, board="c", company="A",
                             description_text=dup_text))  # fmt: skip
        if i <= 1 or i >= 4:  # p2: closes on day 2, back on day 4 (a reopen) with new pay
            rows.append(_pay("p2", day[i], 80e3 if i <= 1 else 85e3, 90e3))
        if i <= 1 or i >= 40:  # p3: pay, then back after the repost window without pay
            rows.append(_pay("p3", day[i], *((70e3, 75e3) if i <= 1 else (None, None))))
        if i <= 1 or i >= 40:  # p4: back after the window with other pay
            rows.append(_pay("p4", day[i], 60e3 if i <= 1 else 66e3, None))
        rows.append(_pay("p5", day[i], 150e3, 200e3, salary_is_ote=True))
        rows.append(_pay("p7", day[i], None, 50e3, seniority="senior"))
        return rows

    published = [i for i in range(50) if i <= 6 or i in (20, 35) or i >= 40]  # state drops p3, p4
    for i in published:
        write_day(root, day[i], market(i))
    return publish(root, day[published[-1]])


def test_salary_percentiles_equal_the_definition_over_the_history(history_db: Path) -> None:
    with duckdb.connect(str(history_db), read_only=True) as con:
        got = con.execute("select * from salary_percentiles order by all").fetchall()
        want = con.execute(SALARY_FROM_HISTORY).fetchall()
    assert got == want
    # nurse/mid/US: p1 at its last pay, p2 after the reopen, p3's first episode (its return
    # states none), p4 once (its return's pay); p5 is on-target earnings, p6 p1's duplicate
    assert got[0][:5] == ("nurse", "mid", "US", "USD", 4)
    assert got[0][7] == 80_000.0  # median of 66,000, 72,500, 87,500 and 120,000


def test_every_later_episode_is_flagged_a_reopen(history_db: Path) -> None:
    """Back within the repost window (from the state) or after it (from the closed episodes)."""
    with duckdb.connect(str(history_db), read_only=True) as con:
        rows = con.execute(
            "select posting_id, first_seen_at, is_reopen from stg_posting_episodes "
            "where posting_id in ('p2', 'p3', 'p4') order by 1, 2"
        ).fetchall()
    assert [(pid, flag) for pid, _, flag in rows] == [
        ("p2", False), ("p2", True), ("p3", False), ("p3", True), ("p4", False), ("p4", True),
    ]  # fmt: skip


LIFECYCLE_BY_GROUPING = """
select posting_id, arg_max(source, first_seen_at), arg_max(board, first_seen_at),
    arg_max(company, first_seen_at), arg_max_null(title_family, first_seen_at),
    arg_max_null(seniority, first_seen_at), arg_max_null(country_code, first_seen_at),
    min(first_seen_at), max(last_seen_at), arg_max_null(closed_at, first_seen_at),
    bool_or(closed_at is null),
    cast(sum(coalesce(closed_at, last_seen_at + 1) - first_seen_at) as bigint),
    count(*) - 1, count(*) > 1
from stg_posting_episodes group by posting_id order by posting_id
"""


def test_lifecycle_equals_grouping_every_posting(history_db: Path) -> None:
    with duckdb.connect(str(history_db), read_only=True) as con:
        got = con.execute("select * from int_posting_lifecycle order by posting_id").fetchall()
        want = con.execute(LIFECYCLE_BY_GROUPING).fetchall()
    assert got == want
    assert [r[12] for r in got] == [0, 1, 1, 1, 0, 0, 0]  # p2, p3, p4 came back once


def test_distinct_jobs_equal_grouping_every_posting(history_db: Path) -> None:
    sql = """
    select coalesce(g.duplicate_group_id, l.posting_id),
        arg_min(l.company, (l.first_seen_at, g.posting_id is not null, l.posting_id)),
        count(*), count(distinct l.source || ':' || l.board),
        count(*) filter (where g.match_kind = 'repost'), min(l.first_seen_at),
        max(l.last_seen_at), bool_or(l.is_active)
    from int_posting_lifecycle as l left join stg_posting_duplicates as g using (posting_id)
    group by all order by 1"""
    with duckdb.connect(str(history_db), read_only=True) as con:
        got = con.execute(
            "select duplicate_group_id, company, postings, boards, reposts, first_seen_at, "
            "last_seen_at, is_active from distinct_jobs order by 1"
        ).fetchall()
        want = con.execute(sql).fetchall()
    assert got == want
    assert [r[2] for r in got] == [2, 1, 1, 1, 1, 1]  # p1 and its duplicate p6 are one job
