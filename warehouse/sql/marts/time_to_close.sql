-- Time-to-close distribution of closed episodes (days from first seen to closed), per title
-- family and overall (title_family '(all)'): percentiles, mean and counts per duration bucket.
with closed as (
    select title_family, closed_at - first_seen_at as days
    from stg_posting_episodes
    where closed_at is not null
)
select
    coalesce(title_family, '(all)') as title_family,
    count(*) as closed_postings,
    quantile_cont(days, 0.25) as p25_days,
    quantile_cont(days, 0.50) as median_days,
    quantile_cont(days, 0.75) as p75_days,
    quantile_cont(days, 0.90) as p90_days,
    avg(days) as mean_days,
    count(*) filter (where days <= 7) as within_7_days,
    count(*) filter (where days between 8 and 30) as within_8_30_days,
    count(*) filter (where days between 31 and 60) as within_31_60_days,
    count(*) filter (where days > 60) as over_60_days
from closed
group by grouping sets ((title_family), ())
