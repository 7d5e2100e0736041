-- Distinct jobs: one row per duplicate group (same job on several boards/sources, or re-posted
-- by the employer), with how many postings, boards and reposts it had and whether it is open.
select
    coalesce(g.duplicate_group_id, l.posting_id) as duplicate_group_id,
    arg_min(l.company, l.first_seen_at) as company,
    arg_min(l.title_family, l.first_seen_at) as title_family,
    arg_min(l.country_code, l.first_seen_at) as country_code,
    count(*) as postings,
    count(distinct l.source || ':' || l.board) as boards,
    count(*) filter (where g.match_kind = 'repost') as reposts,
    min(l.first_seen_at) as first_seen_at,
    max(l.last_seen_at) as last_seen_at,
    bool_or(l.is_active) as is_active
from int_posting_lifecycle as l
left join stg_posting_duplicates as g using (posting_id)
group by all
