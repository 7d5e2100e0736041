-- Pay-transparency share: per month and country, the share of newly seen postings that state
-- pay (first version of each posting; country of its first location; daily pre-aggregates).
select
    cast(date_trunc('month', snapshot_date) as date) as month,
    country_code,
    sum(new_postings) as new_postings,
    sum(with_pay) as with_pay,
    sum(with_pay) / sum(new_postings) as share_with_pay
from stg_daily_new_facts
group by all
