"""docs/questions.md: analysts' example questions, their SQL and the answers on demo data.

    .venv/bin/python -m warehouse.questions           # rebuild demo data, rewrite the page
    .venv/bin/python -m warehouse.questions --check   # fail when the page is not what it says

The demo data is ``DEMO_DAYS`` days of the default demo market (seed 7, 6 boards, 20 postings
per board), built from the demo board's Greenhouse payloads through extraction, enrichment and
``publish`` (see :mod:`warehouse.demo_history`), so every answer below is reproducible.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

import duckdb

from jobpipe.demo import Market
from warehouse.build import build_warehouse
from warehouse.demo_history import write_demo_days
from warehouse.derived import publish_derived

DOC = Path(__file__).resolve().parent.parent / "docs" / "questions.md"
FIRST_DAY = date(2026, 11, 1)
DEMO_DAYS = 10
MAX_ROWS = 10

QUESTIONS: list[tuple[str, str]] = [
    (
        "How many postings and how many distinct jobs are open on the last day?",
        "select count(*) as open_postings, count(distinct duplicate_group_id) as distinct_jobs\n"
        "from posting_lifecycle\nwhere is_active",
    ),
    (
        "Which companies opened the most postings in the last 7 days?",
        "select company, sum(new_postings) as new_postings, sum(closed_postings) as closed\n"
        "from daily_activity_by_company\n"
        "where snapshot_date > (select max(snapshot_date) from daily_activity_by_company) - 7\n"
        "group by company\norder by new_postings desc, company",
    ),
    (
        "How many postings were active per country on each of the last 3 days?",
        "select snapshot_date, country_code, active_postings\n"
        "from daily_activity_by_country\n"
        "where snapshot_date > (select max(snapshot_date) from daily_activity_by_country) - 3\n"
        "order by snapshot_date, active_postings desc, country_code",
    ),
    (
        "What pay did open engineering postings advertise on 2026-11-05?",
        "select posting_id, title, salary_min, salary_max, salary_currency, salary_period\n"
        "from posting_history\n"
        "where valid_from <= date '2026-11-05'\n"
        "  and (valid_to > date '2026-11-05' or valid_to is null)\n"
        "  and title_family like '%engineer%'\n"
        "order by title, posting_id",
    ),
    (
        "Which postings changed their advertised pay, from what to what?",
        "select posting_id, title, valid_from as changed_on,\n"
        "       lag(salary_max) over w as max_before, salary_max as max_after, salary_currency\n"
        "from posting_history\n"
        "window w as (partition by posting_id order by valid_from)\n"
        "qualify lag(salary_max) over w is distinct from salary_max and version_no > 1\n"
        "order by changed_on, posting_id",
    ),
    (
        "What is the median annual pay per title family and seniority in the US (USD)?",
        "select title_family, seniority, postings, p25, p50, p75\n"
        "from salary_percentiles\n"
        "where country_code = 'US' and salary_currency = 'USD' and postings >= 2\n"
        "order by p50 desc",
    ),
    (
        "Which skills do the most new postings ask for, per week?",
        "select week, skill, postings, round(share, 3) as share\n"
        "from skills_demand_weekly\n"
        "qualify row_number() over (partition by week order by postings desc, skill) <= 3\n"
        "order by week, postings desc, skill",
    ),
    (
        "How long do postings stay open before they close?",
        "select title_family, closed_postings, median_days, p90_days, within_7_days,\n"
        "       within_8_30_days\n"
        "from time_to_close\n"
        "order by closed_postings desc, title_family\nlimit 5",
    ),
    (
        "What share of new postings states pay, per country?",
        "select country_code, sum(new_postings) as new_postings, sum(with_pay) as with_pay,\n"
        "       round(sum(with_pay) / sum(new_postings), 3) as share_with_pay\n"
        "from pay_transparency\ngroup by country_code\norder by new_postings desc, country_code",
    ),
    (
        "How many postings closed, and how long had the closed ones been open?",
        "select count(*) filter (where not is_active) as closed_postings,\n"
        "       round(avg(days_open) filter (where not is_active), 1) as mean_days_open,\n"
        "       count(*) filter (where is_reopened) as reopened_postings\n"
        "from posting_lifecycle",
    ),
]


def build_demo_warehouse(root: Path) -> Path:
    """Write the demo days' postings, publish each day in order, build the warehouse."""
    market = Market(seed=7, boards=6, jobs_per_board=20)
    days = [FIRST_DAY + timedelta(days=i) for i in range(DEMO_DAYS)]
    write_demo_days(root, market, days)
    for day in days:
        publish_derived(root, day)
    return build_warehouse(root)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.1f}" if abs(value) >= 1000 else f"{value:g}"
    return str(value).replace("|", "\\|")


def render(db: Path) -> str:
    last = FIRST_DAY + timedelta(days=DEMO_DAYS - 1)
    out = [
        "# Example questions",
        "",
        "Generated by `python -m warehouse.questions` (a test fails when this page is stale).",
        f"Data: {DEMO_DAYS} days ({FIRST_DAY} to {last}) of the demo market (seed 7, 6 boards,",
        "20 postings per board), built from the demo board's payloads through extraction,",
        "enrichment and publish. Run any query with `jobpipe query \"...\"` (add `--format csv`,",
        "`json` or `parquet --output FILE`) or save it with `jobpipe export \"...\" FILE`.",
    ]
    with duckdb.connect(str(db), read_only=True) as con:
        for number, (question, sql) in enumerate(QUESTIONS, start=1):
            cursor = con.execute(sql)
            names = [d[0] for d in cursor.description]
            rows = cursor.fetchall()
            out += ["", f"## {number}. {question}", "", "```sql", sql, "```", ""]
            out.append("| " + " | ".join(names) + " |")
            out.append("|" + "---|" * len(names))
            out += ["| " + " | ".join(_cell(v) for v in r) + " |" for r in rows[:MAX_ROWS]]
            if len(rows) > MAX_ROWS:
                out.append(f"\n({len(rows)} rows, first {MAX_ROWS} shown)")
    return "\n".join(out) + "\n"


def generate() -> str:
    with tempfile.TemporaryDirectory(prefix="jobpipe-questions-") as tmp:
        return render(build_demo_warehouse(Path(tmp)))


def main(argv: list[str]) -> int:
    text = generate()
    if "--check" in argv:
        if not DOC.exists() or DOC.read_text(encoding="utf-8") != text:
            print(f"{DOC} is stale: run `python -m warehouse.questions`")
            return 1
        print(f"{DOC} is up to date")
        return 0
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
