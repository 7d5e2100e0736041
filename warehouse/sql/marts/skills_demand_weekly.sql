-- Skills demand over time: per ISO week (Monday), how many newly seen postings ask for each
-- skill, and their share of that week's new postings (first version of each posting).
with firsts as (
    select posting_id, cast(date_trunc('week', valid_from) as date) as week, skills
    from stg_posting_versions
    qualify row_number() over (partition by posting_id order by valid_from) = 1
),
weekly as (
    select week, count(*) as new_postings from firsts group by week
)
select f.week, s.skill, count(*) as postings, count(*) / any_value(w.new_postings) as share
from firsts as f
cross join unnest(f.skills) as s(skill)
join weekly as w on w.week = f.week
group by f.week, s.skill
