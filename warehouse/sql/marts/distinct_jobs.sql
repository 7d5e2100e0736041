-- Distinct jobs: one row per duplicate group (same job on several boards/sources, or re-posted
-- by the employer), with how many postings, boards and reposts it had and whether it is open.
-- A posting in no group with others is its own job, read as it is; only groups are aggregated
-- (their company, family and country: the earliest posting's, the group's own first on a tie).
with grouped as (
    select posting_id from stg_posting_duplicates
    union
    select duplicate_group_id from stg_posting_duplicates
)
select
    l.posting_id as duplicate_group_id,
    l.company,
    l.title_family,
    l.country_code,
    cast(1 as bigint) as postings,
    cast((l.source || ':' || l.board) is not null as bigint) as boards,
    cast(0 as bigint) as reposts,
    l.first_seen_at,
    l.last_seen_at,
    l.is_active
from int_posting_lifecycle as l
anti join grouped using (posting_id)
union all
select
    coalesce(g.duplicate_group_id, l.posting_id) as duplicate_group_id,
    arg_min(l.company, (l.first_seen_at, g.posting_id is not null, l.posting_id))
        as company,
    arg_min(l.title_family, (l.first_seen_at, g.posting_id is not null, l.posting_id))
        as title_family,
    arg_min(l.country_code, (l.first_seen_at, g.posting_id is not null, l.posting_id))
        as country_code,
    count(*) as postings,
    count(distinct l.source || ':' || l.board) as boards,
    count(*) filter (where g.match_kind = 'repost') as reposts,
    min(l.first_seen_at) as first_seen_at,
    max(l.last_seen_at) as last_seen_at,
    bool_or(l.is_active) as is_active
from int_posting_lifecycle as l
semi join grouped using (posting_id)
left join stg_posting_duplicates as g using (posting_id)
group by all
