-- New, closed and active postings per day per company (active: open at the end of the day,
-- i.e. first_seen_at <= day < closed_at), one row per day from the company's first posting.
with daily as (
    select day, company, sum(opened) as new_postings, sum(closed) as closed_postings
    from int_posting_events
    group by all
),
keys as (
    select company, min(day) as first_day from daily group by all
),
calendar as (
    select cast(range as date) as day
    from range(
        (select min(day) from daily),
        (select max(last_seen_at) + 1 from stg_posting_episodes),
        interval 1 day
    )
)
select
    c.day as snapshot_date,
    k.company,
    coalesce(d.new_postings, 0) as new_postings,
    coalesce(d.closed_postings, 0) as closed_postings,
    sum(coalesce(d.new_postings, 0) - coalesce(d.closed_postings, 0))
        over (partition by k.company order by c.day) as active_postings
from keys as k
join calendar as c on c.day >= k.first_day
left join daily as d on d.company is not distinct from k.company and d.day = c.day
qualify active_postings > 0 or new_postings > 0 or closed_postings > 0
