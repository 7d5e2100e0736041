-- Skills demand over time: per ISO week (Monday), how many newly seen postings ask for each
-- skill, and their share of that week's new postings (from the daily pre-aggregates).
with weekly as (
    select cast(date_trunc('week', snapshot_date) as date) as week, sum(new_postings) as n
    from stg_daily_new_facts
    group by 1
)
select
    cast(date_trunc('week', s.snapshot_date) as date) as week,
    s.skill,
    sum(s.new_postings) as postings,
    sum(s.new_postings) / any_value(w.n) as share
from stg_daily_new_skills as s
join weekly as w on w.week = cast(date_trunc('week', s.snapshot_date) as date)
group by all
