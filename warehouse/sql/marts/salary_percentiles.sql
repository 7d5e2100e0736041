-- Annualised pay percentiles by title family × seniority × country × currency: one posting per
-- distinct job (latest version), base pay only (on-target earnings excluded), mid-point of the range.
with pay as (
    select
        title_family, seniority, country_code, salary_currency,
        (coalesce(salary_min_annual, salary_max_annual)
         + coalesce(salary_max_annual, salary_min_annual)) / 2 as annual_pay
    from int_posting_latest_version
    where coalesce(salary_min_annual, salary_max_annual) is not null
      and not coalesce(salary_is_ote, false)
    qualify row_number() over (partition by duplicate_group_id order by valid_from desc, posting_id) = 1
)
select
    title_family, seniority, country_code, salary_currency,
    count(*) as postings,
    quantile_cont(annual_pay, 0.10) as p10,
    quantile_cont(annual_pay, 0.25) as p25,
    quantile_cont(annual_pay, 0.50) as p50,
    quantile_cont(annual_pay, 0.75) as p75,
    quantile_cont(annual_pay, 0.90) as p90
from pay
group by all
