-- Time-to-close distribution of closed episodes (days from first seen to closed), per title
-- family and overall (title_family '(all)'): percentiles (as quantile_cont, exact), mean and
-- counts per duration bucket, from the daily histograms publish writes.
with hist as (
    select
        case when grouping(title_family) = 1 then '(all)' else title_family end as title_family,
        days,
        cast(sum(closed_postings) as bigint) as n
    from stg_daily_closed_durations
    group by grouping sets ((title_family, days), (days))
),
ranked as (
    select
        title_family, days, n,
        sum(n) over (partition by title_family order by days) - n as below,
        sum(n) over (partition by title_family) as total
    from hist
),
positions as (
    select r.*, q.q, (r.total - 1) * q.q as h
    from ranked as r
    cross join (values (0.25::double), (0.50), (0.75), (0.90)) as q (q)
),
quantiles as (
    select
        title_family, q,
        any_value(h) as h,
        max(days) filter (where below <= floor(h) and floor(h) < below + n) as lo,
        max(days) filter (where below <= ceil(h) and ceil(h) < below + n) as hi
    from positions
    group by all
),
interpolated as (
    select title_family, q, lo * (1 - (h - floor(h))) + hi * (h - floor(h)) as days
    from quantiles
),
summary as (
    select
        title_family,
        cast(sum(n) as bigint) as closed_postings,
        sum(days * n) / sum(n) as mean_days,
        cast(coalesce(sum(n) filter (where days <= 7), 0) as bigint) as within_7_days,
        cast(coalesce(sum(n) filter (where days between 8 and 30), 0) as bigint)
            as within_8_30_days,
        cast(coalesce(sum(n) filter (where days between 31 and 60), 0) as bigint)
            as within_31_60_days,
        cast(coalesce(sum(n) filter (where days > 60), 0) as bigint) as over_60_days
    from hist
    group by all
)
select
    s.title_family as title_family,
    s.closed_postings,
    max(i.days) filter (where i.q = 0.25) as p25_days,
    max(i.days) filter (where i.q = 0.50) as median_days,
    max(i.days) filter (where i.q = 0.75) as p75_days,
    max(i.days) filter (where i.q = 0.90) as p90_days,
    s.mean_days,
    s.within_7_days,
    s.within_8_30_days,
    s.within_31_60_days,
    s.over_60_days
from summary as s
join interpolated as i on i.title_family is not distinct from s.title_family
group by all
