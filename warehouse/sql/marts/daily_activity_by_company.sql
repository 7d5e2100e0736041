-- New, closed and active postings per day per company (active: open at the end of the day,
-- i.e. first_seen_at <= day < closed_at), on each published day with any (summed by publish).
select
    snapshot_date,
    key as company,
    new_postings,
    closed_postings,
    active_postings
from stg_daily_activity
where dimension = 'company'
