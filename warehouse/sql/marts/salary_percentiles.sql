-- Annualised pay percentiles by title family × seniority × country × currency: one posting per
-- distinct job (its latest version), base pay only (on-target earnings excluded), mid-point of the range.
with latest as (
    select
        posting_id,
        arg_max_null(
            {
                'title_family': title_family, 'seniority': seniority,
                'country_code': country_code, 'currency': salary_currency,
                'lo': coalesce(salary_min_annual, salary_max_annual),
                'hi': coalesce(salary_max_annual, salary_min_annual),
                'ote': coalesce(salary_is_ote, false)
            },
            valid_from
        ) as v,
        max(valid_from) as valid_from
    from stg_posting_versions
    group by posting_id
),
jobs as (
    select arg_max(l.v, l.valid_from) as v
    from latest as l
    left join stg_posting_groups as g using (posting_id)
    where l.v.lo is not null and not l.v.ote
    group by coalesce(g.duplicate_group_id, l.posting_id)
)
select
    v.title_family, v.seniority, v.country_code, v.currency as salary_currency,
    count(*) as postings,
    quantile_cont((v.lo + v.hi) / 2, 0.10) as p10,
    quantile_cont((v.lo + v.hi) / 2, 0.25) as p25,
    quantile_cont((v.lo + v.hi) / 2, 0.50) as p50,
    quantile_cont((v.lo + v.hi) / 2, 0.75) as p75,
    quantile_cont((v.lo + v.hi) / 2, 0.90) as p90
from jobs
group by all
