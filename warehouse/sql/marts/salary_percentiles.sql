-- Annualised pay percentiles by title family × seniority × country × currency: one posting per
-- distinct job (the group's first posting, at its last version), base pay only (on-target
-- earnings excluded), mid-point of the range.
with last_versions as (
    select v.*
    from stg_posting_versions as v
    semi join (
        select posting_id, closed_at as valid_to
        from stg_posting_episodes
        where closed_at is not null
    ) as e using (posting_id, valid_to)
    union all
    select * from stg_posting_versions where valid_to is null
),
pay as (
    select
        v.title_family, v.seniority, v.country_code, v.salary_currency,
        (coalesce(v.salary_min_annual, v.salary_max_annual)
         + coalesce(v.salary_max_annual, v.salary_min_annual)) / 2 as annual_pay,
        v.posting_id, v.valid_from
    from last_versions as v
    anti join stg_posting_duplicates as d using (posting_id)
    where coalesce(v.salary_min_annual, v.salary_max_annual) is not null
      and not coalesce(v.salary_is_ote, false)
)
select
    title_family, seniority, country_code, salary_currency,
    count(*) as postings,
    quantile_cont(annual_pay, 0.10) as p10,
    quantile_cont(annual_pay, 0.25) as p25,
    quantile_cont(annual_pay, 0.50) as p50,
    quantile_cont(annual_pay, 0.75) as p75,
    quantile_cont(annual_pay, 0.90) as p90
from (
    select * from pay
    qualify row_number() over (partition by posting_id order by valid_from desc) = 1
)
group by all
