-- Pay-transparency share: per month and country, the share of newly seen postings that state pay
-- (first version of each posting; country of its first location).
with firsts as (
    select
        cast(date_trunc('month', valid_from) as date) as month,
        country_code,
        salary_min is not null or salary_max is not null as states_pay
    from stg_posting_versions
    qualify row_number() over (partition by posting_id order by valid_from) = 1
)
select
    month,
    country_code,
    count(*) as new_postings,
    count(*) filter (where states_pay) as with_pay,
    count(*) filter (where states_pay) / count(*) as share_with_pay
from firsts
group by all
