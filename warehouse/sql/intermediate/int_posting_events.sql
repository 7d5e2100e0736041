-- Opening and closing events of posting episodes: one row per (day, posting, kind), with the
-- dimensions the daily marts group by.
select first_seen_at as day, posting_id, company, country_code, title_family,
       1 as opened, 0 as closed
from stg_posting_episodes
union all
select closed_at, posting_id, company, country_code, title_family, 0, 1
from stg_posting_episodes
where closed_at is not null
