"""Synthetic posting history at scale, from the demo market, written straight to Parquet.

    .venv/bin/python benchmarks/synthetic_history.py --versions 10000000 --root /tmp/synth

Templates are real demo-board postings (titles, seniority, locations, pay, skills and text,
through extraction and enrichment); DuckDB then draws a market with the demo's dynamics
(each posting open 5-90 days, mean ~22, edited ~3% of its days) over ``--days`` days, with
``--companies`` employers, sized so the history holds ``--versions`` posting versions. It
writes what daily publishing would have produced (``posting_versions``, ``posting_episodes``,
``posting_groups`` per date and the ``posting_state`` of the last day) plus the ``postings``
partition of the next day, so one incremental publish can be timed. DuckDB streams the
writes with a memory limit (default 3 GB).
"""

from __future__ import annotations

import argparse
import shutil
import time
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pyarrow as pa

from jobpipe import paths
from jobpipe.atomic import write_parquet_partition
from jobpipe.demo import Market
from warehouse.demo_history import demo_day_rows
from warehouse.derived import _COUNTRY_SQL, _HASH_SQL
from warehouse.derived_schema import (
    ACTIVITY_DIMENSIONS,
    ANNUAL_PAY_SQL,
    state_schema,
    version_schema,
)
from warehouse.keys import title_family
from warehouse.schema import arrow_schema

MEAN_VERSIONS = 1.47  # measured: versions per posting of this market (edits ~3% of days)


def templates(n_boards: int = 60) -> pa.Table:
    market = Market(seed=7, boards=n_boards, jobs_per_board=20)
    rows = demo_day_rows(market, date(2026, 1, 1))
    for r in rows:
        r["title_family"] = title_family(r["title"])
    schema = arrow_schema().append(pa.field("title_family", pa.string()))
    return pa.Table.from_pylist(rows, schema=schema)


def _copy(con: duckdb.DuckDBPyConnection, sql: str, target: Path, by: str) -> None:
    """Write ``sql`` hive-partitioned as ``target/dt=<by>/part-0.parquet``, sorted."""
    con.execute(
        f"copy (select *, {by} as dt from ({sql}) order by dt, source, board, posting_id) "
        f"to '{target}' (format parquet, partition_by (dt), compression zstd, "
        "row_group_size 131072, filename_pattern 'part-{i}', overwrite_or_ignore true)"
    )


def generate(root: Path, versions: int, days: int, companies: int, last: date) -> dict:
    start = time.perf_counter()
    first = last - timedelta(days=days - 1)
    per_day = max(1, round(versions / days / MEAN_VERSIONS))
    n = per_day * (days + 1)  # the next day's new postings too
    con = duckdb.connect()
    con.execute("set memory_limit = '3GB'; set threads = 2; set preserve_insertion_order = false")
    tpl = templates()
    con.register("tpl_arrow", tpl)
    con.execute("create table tpl as select row_number() over () - 1 as tpl, * from tpl_arrow")
    t_count = tpl.num_rows
    names = [
        Market(seed=7, boards=min(companies, 10_000)).company_name(t)
        for t in Market(seed=7, boards=min(companies, 10_000)).board_tokens()
    ]
    con.register("comp_arrow", pa.table({"company": names}))
    con.execute(
        "create table comp as select row_number() over () - 1 as comp, company || case when "
        f"row_number() over () > {len(names)} then ' ' || row_number() over () else '' end "
        "as company, regexp_replace(lower(company), '[^a-z0-9]+', '-', 'g') as board "
        "from comp_arrow"
    )
    con.execute(
        f"""create table p as
        select i as n,
            date '{first}' + cast(floor(i / {per_day}) as int) as opened,
            5 + least(85, cast(floor(-18 * ln(1 - random())) as int)) as dur,
            cast(floor(random() * {t_count}) as int) as tpl,
            cast(floor(random() * (select count(*) from comp)) as int) as comp,
            left(md5(cast(i as varchar)), 16) as posting_id
        from range({n}) t(i)"""
    )
    con.execute(
        "create table pk as select *, opened + dur as closes, "
        "cast(floor(dur * 0.03 + random()) as int) as k from p"
    )
    con.execute(
        """create table v as
        select pk.*, j as version_no,
            opened + cast(floor(dur * j / (k + 1)) as int) as valid_from,
            opened + cast(floor(dur * (j + 1) / (k + 1)) as int) as valid_to_raw
        from pk, unnest(range(k + 1)) as r(j)"""
    )
    body = f"""
        select v.posting_id, 'greenhouse' as source, c.board, cast(v.n as varchar) as source_job_id,
            c.company, t.title, t.seniority, t.locations, t.workplace_type, t.employment_type,
            t.department,
            t.salary_min * (1 + 0.02 * v.version_no) as salary_min,
            t.salary_max * (1 + 0.02 * v.version_no) as salary_max,
            t.salary_currency, t.salary_period,
            t.salary_min_annual * (1 + 0.02 * v.version_no) as salary_min_annual,
            t.salary_max_annual * (1 + 0.02 * v.version_no) as salary_max_annual,
            t.salary_is_ote, t.education_level, t.experience_years_min, t.experience_years_max,
            t.skills, t.visa_sponsorship,
            'https://job-boards.greenhouse.io/' || c.board || '/jobs/' || v.n as url,
            t.title_family, {_COUNTRY_SQL.replace("locations", "t.locations")} as country_code,
            md5(v.posting_id || ':' || v.version_no) as content_hash, v.valid_from,
            v.valid_to_raw as valid_to, v.opened, v.closes, v.version_no, v.k, v.n,
            t.description_html,
            t.description_text || ' ' || v.posting_id as description_text,
            t.posted_at, t.updated_at, t.scraped_at, t.salary_source, t.salary_raw, t.language
        from v join tpl t using (tpl) join comp c using (comp)"""
    con.execute(f"create view vrows as {body}")
    vcols = ", ".join(version_schema().names)
    root.mkdir(parents=True, exist_ok=True)
    _copy(
        con,
        f"select {vcols} from vrows where valid_to <= date '{last}'",
        root / "posting_versions",
        "valid_to",
    )
    _copy(
        con,
        f"""select posting_id, source, board, company, title_family, seniority, country_code,
               opened as first_seen_at, closes - 1 as last_seen_at, closes as closed_at,
               false as is_reopen
        from vrows where version_no = k and closes <= date '{last}'""",
        root / "posting_episodes",
        "closed_at",
    )
    _copy(
        con,
        f"""select posting_id,
               case when n % 33 = 0 and n > {per_day}
                    then left(md5(cast(n - 7 as varchar)), 16) else posting_id end
                   as duplicate_group_id,
               case when n % 33 = 0 and n > {per_day} then 'near' end as match_kind,
               case when n % 33 = 0 and n > {per_day}
                    then left(md5(cast(n - 7 as varchar)), 16) end as matched_posting_id,
               opened as first_seen_at, source, board
        from vrows where version_no = 0 and opened <= date '{last}'""",
        root / "posting_groups",
        "first_seen_at",
    )
    stats = {"per_day": per_day, "written_history_s": round(time.perf_counter() - start, 1)}
    _state_and_next_day(con, root, last)
    write_new_facts(root, last)
    write_activity(root, last)
    stats["versions"] = con.execute(
        f"select count(*) from vrows where valid_from <= date '{last}'"
    ).fetchone()[0]
    stats["postings"] = con.execute(
        f"select count(*) from pk where opened <= date '{last}'"
    ).fetchone()[0]
    stats["seconds"] = round(time.perf_counter() - start, 1)
    con.close()
    return stats


def _state_and_next_day(con: duckdb.DuckDBPyConnection, root: Path, last: date) -> None:
    """The open postings' state on ``last`` and the postings partition of the next day."""
    nxt = last + timedelta(days=1)
    con.execute("create view rows as select *, url as apply_url, url as canonical_url from vrows")
    con.execute(
        f"""create table cur as select * from rows
        where valid_from <= date '{last}' and valid_to > date '{last}'"""
    )
    names = state_schema().names
    exprs = {
        "content_hash": _HASH_SQL,
        "first_seen_at": "opened",
        "last_seen_at": f"date '{last}'",
        "closed_at": "cast(null as date)",
        "is_reopen": "false",
        "is_open": "true",
        "employer_key": "lower(company)",
        "duplicate_group_id": "posting_id",
        "signature": "cast(repeat(md5(posting_id), 8) as blob)",
    }
    select = ", ".join(f"{exprs.get(c, c)} as {c}" for c in names)
    state = con.sql(f"select {select} from cur order by source, board, posting_id")
    write_parquet_partition(
        state.to_arrow_table().cast(state_schema()),
        paths.parquet_file(root, "posting_state", last),
    )
    # next day: open postings that do not close (1 in 100 with a pay edit) and the new ones
    cols = [c for c in arrow_schema().names if c != "snapshot_date"]
    edited = {"salary_max": "salary_max * (1 + (hash(posting_id) % 100 = 0)::int * 0.05)"}
    keep = ", ".join(f"{edited.get(c, c)} as {c}" for c in cols)
    new = ", ".join(cols)
    nxt_rows = con.sql(
        f"""select {keep}, date '{nxt}' as snapshot_date from cur where closes > date '{nxt}'
        union all
        select {new}, date '{nxt}' from rows where opened = date '{nxt}' and version_no = 0"""
    ).to_arrow_table()
    write_parquet_partition(
        nxt_rows.cast(arrow_schema()), paths.parquet_file(root, "postings", nxt)
    )


def write_new_facts(root: Path, last: date) -> None:
    """``daily_new_facts`` / ``daily_new_skills`` up to ``last`` from the written layers: each
    posting's first version (``valid_from`` = the day its group was assigned)."""
    con = duckdb.connect()
    con.execute("set memory_limit = '3GB'; set threads = 2; set enable_progress_bar = false")
    glob = {
        layer: f"'{paths.parquet_glob(root, layer)}'"
        for layer in ("posting_versions", "posting_groups")
    }
    state = paths.parquet_file(root, "posting_state", last)
    con.execute(
        f"""create table firsts as
        with v as (
            select posting_id, valid_from, country_code, salary_min, salary_max, skills
            from read_parquet({glob["posting_versions"]})
            union all
            select posting_id, valid_from, country_code, salary_min, salary_max, skills
            from read_parquet('{state}') where is_open
        )
        select v.* from v
        join read_parquet({glob["posting_groups"]}) as g
            on g.posting_id = v.posting_id and g.first_seen_at = v.valid_from"""
    )
    opts = (
        "format parquet, partition_by (dt), compression zstd, "
        "filename_pattern 'part-{i}', overwrite_or_ignore true"
    )
    con.execute(
        f"""copy (select valid_from as snapshot_date, country_code, count(*) as new_postings,
                  count(*) filter (where salary_min is not null or salary_max is not null)
                      as with_pay, valid_from as dt
            from firsts group by all order by dt, country_code)
        to '{root / "daily_new_facts"}' ({opts})"""
    )
    con.execute(
        f"""copy (select f.valid_from as snapshot_date, s.skill, count(*) as new_postings,
                  f.valid_from as dt
            from firsts as f cross join unnest(f.skills) as s(skill)
            group by all order by dt, skill)
        to '{root / "daily_new_skills"}' ({opts})"""
    )
    con.close()


#: the layers :func:`write_activity` writes (``--aggregates-only`` rewrites them)
AGGREGATES = ("daily_activity", "daily_closed_durations", "daily_closed_pay", "posting_duplicates")


def write_activity(root: Path, last: date) -> None:
    """:data:`AGGREGATES` up to ``last`` from the episodes (closed ones and the open ones in
    the state), the closing versions and the duplicate groups; the
    generator never changes a posting's company, country or title family, so the episode's
    values are each day's values."""
    con = duckdb.connect()
    con.execute("set memory_limit = '3GB'; set threads = 2; set enable_progress_bar = false")
    state = paths.parquet_file(root, "posting_state", last)
    con.execute(
        f"""create table ep_ids as select posting_id, closed_at
        from read_parquet('{paths.parquet_glob(root, "posting_episodes")}')"""
    )
    con.execute(
        f"""create table ep as
        select company, country_code, title_family, first_seen_at, closed_at
        from read_parquet('{paths.parquet_glob(root, "posting_episodes")}')
        union all
        select company, country_code, title_family, first_seen_at, null
        from read_parquet('{state}') where is_open"""
    )
    opts = (
        "format parquet, partition_by (dt), compression zstd, "
        "filename_pattern 'part-{i}', overwrite_or_ignore true"
    )
    parts = []
    for dim in ACTIVITY_DIMENSIONS:
        parts.append(
            f"""select c.day as snapshot_date, '{dim}' as dimension, k.key,
                   cast(coalesce(d.opened, 0) as bigint) as new_postings,
                   cast(coalesce(d.closed, 0) as bigint) as closed_postings,
                   cast(sum(coalesce(d.opened, 0) - coalesce(d.closed, 0))
                       over (partition by k.key order by c.day) as bigint) as active_postings
            from (select {dim} as key, min(first_seen_at) as first from ep group by 1) as k
            join calendar as c on c.day >= k.first
            left join (
                select day, key, sum(opened) as opened, sum(closed) as closed from (
                    select first_seen_at as day, {dim} as key, 1 as opened, 0 as closed from ep
                    union all
                    select closed_at, {dim}, 0, 1 from ep where closed_at is not null
                ) group by all
            ) as d on d.key is not distinct from k.key and d.day = c.day
            qualify active_postings > 0 or new_postings > 0 or closed_postings > 0"""
        )
    con.execute(
        f"""create table calendar as select cast(range as date) as day
        from range((select min(first_seen_at) from ep), date '{last}' + 1, interval 1 day)"""
    )
    con.execute(
        f"""copy (select *, snapshot_date as dt from ({" union all ".join(parts)})
                  order by dt, dimension, key)
        to '{root / "daily_activity"}' ({opts})"""
    )
    con.execute(
        f"""copy (select closed_at as snapshot_date, title_family,
                  cast(closed_at - first_seen_at as bigint) as days,
                  count(*) as closed_postings, closed_at as dt
            from ep where closed_at is not null group by all order by dt, title_family, days)
        to '{root / "daily_closed_durations"}' ({opts})"""
    )
    con.execute(
        f"""copy (select valid_to as snapshot_date, posting_id, title_family, seniority,
                  country_code, salary_currency, {ANNUAL_PAY_SQL} as annual_pay,
                  false as is_reopen, valid_to as dt
            from read_parquet('{paths.parquet_glob(root, "posting_versions")}') as v
            semi join (select posting_id, closed_at as valid_to from ep_ids)
                using (posting_id, valid_to)
            where {ANNUAL_PAY_SQL} is not null and not coalesce(salary_is_ote, false)
            order by dt, posting_id)
        to '{root / "daily_closed_pay"}' ({opts})"""
    )
    con.execute(
        f"""copy (select posting_id, duplicate_group_id, match_kind, matched_posting_id,
                  first_seen_at, first_seen_at as dt
            from read_parquet('{paths.parquet_glob(root, "posting_groups")}')
            where duplicate_group_id <> posting_id order by dt, posting_id)
        to '{root / "posting_duplicates"}' ({opts})"""
    )
    con.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, required=True, help="Data root to write (a new folder).")
    ap.add_argument("--versions", type=int, default=10_000_000, help="Posting versions to write.")
    ap.add_argument("--days", type=int, default=730, help="Days of history.")
    ap.add_argument("--companies", type=int, default=2000, help="Employers in the market.")
    ap.add_argument(
        "--last",
        type=date.fromisoformat,
        default=date(2026, 11, 30),
        help="Last day of the history (the next day's postings are written too).",
    )
    ap.add_argument(
        "--aggregates-only",
        action="store_true",
        help="Only (re)write the daily aggregates of an existing root (after a layer change).",
    )
    args = ap.parse_args()
    if args.aggregates_only:
        for layer in AGGREGATES:
            shutil.rmtree(args.root / layer, ignore_errors=True)
        write_activity(args.root, args.last)
        print(f"rewrote the daily aggregates of {args.root}")
        return
    stats = generate(args.root, args.versions, args.days, args.companies, args.last)
    print(stats)


if __name__ == "__main__":
    main()
