-- Annualised pay percentiles by title family × seniority × country × currency: one posting per
-- distinct job (the group's first posting, at its last version), base pay only (on-target
-- earnings excluded), mid-point of the range. Reads the pay publish keeps per closed episode
-- and the open postings' current pay, not the version history.
with pay as (
    select posting_id, title_family, seniority, country_code, salary_currency, annual_pay,
           snapshot_date as ended
    from stg_daily_closed_pay
    union all
    select posting_id, title_family, seniority, country_code, salary_currency,
           (coalesce(salary_min_annual, salary_max_annual)
            + coalesce(salary_max_annual, salary_min_annual)) / 2,
           date '9999-12-31'
    from stg_posting_state
    where is_open
      and coalesce(salary_min_annual, salary_max_annual) is not null
      and not coalesce(salary_is_ote, false)
),
-- a posting that closed and came back has one row per episode: its latest pay counts
repeated as (
    select posting_id from pay group by posting_id having count(*) > 1
),
latest as (
    select * from pay anti join repeated using (posting_id)
    union all
    select * from (select * from pay semi join repeated using (posting_id))
    qualify row_number() over (partition by posting_id order by ended desc) = 1
)
select
    title_family, seniority, country_code, salary_currency,
    count(*) as postings,
    quantile_cont(annual_pay, 0.10) as p10,
    quantile_cont(annual_pay, 0.25) as p25,
    quantile_cont(annual_pay, 0.50) as p50,
    quantile_cont(annual_pay, 0.75) as p75,
    quantile_cont(annual_pay, 0.90) as p90
from latest
anti join stg_posting_duplicates using (posting_id)
group by all
