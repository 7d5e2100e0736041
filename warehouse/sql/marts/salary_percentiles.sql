-- Annualised pay percentiles by title family × seniority × country × currency: one posting per
-- distinct job (the group's first posting, at its last version), base pay only (on-target
-- earnings excluded), mid-point of the range. Reads the pay publish keeps per closed episode
-- and the open postings' current pay, not the version history.
with pay as (
    select posting_id, title_family, seniority, country_code, salary_currency, annual_pay,
           snapshot_date as ended, is_reopen
    from stg_daily_closed_pay
    union all
    select posting_id, title_family, seniority, country_code, salary_currency,
           (coalesce(salary_min_annual, salary_max_annual)
            + coalesce(salary_max_annual, salary_min_annual)) / 2,
           date '9999-12-31', is_reopen
    from stg_posting_state
    where is_open
      and coalesce(salary_min_annual, salary_max_annual) is not null
      and not coalesce(salary_is_ote, false)
),
-- a posting that closed and came back (publish flags every later episode is_reopen) has one
-- row per episode with pay: its latest pay counts
repeated as (
    select distinct posting_id from pay where is_reopen
),
latest as (
    select * from pay anti join repeated using (posting_id)
    union all
    select * from (select * from pay semi join repeated using (posting_id))
    qualify row_number() over (partition by posting_id order by ended desc) = 1
)
select
    title_family, seniority, country_code, salary_currency, postings,
    q[1] as p10, q[2] as p25, q[3] as p50, q[4] as p75, q[5] as p90
from (
    -- one sort per group for all five percentiles
    select
        title_family, seniority, country_code, salary_currency,
        count(*) as postings,
        quantile_cont(annual_pay, [0.10, 0.25, 0.50, 0.75, 0.90]) as q
    from latest
    anti join stg_posting_duplicates using (posting_id)
    group by all
)
