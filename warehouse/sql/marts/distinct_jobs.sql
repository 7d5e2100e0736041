-- Distinct jobs: one row per duplicate group (same job on several boards/sources, or re-posted
-- by the employer), with how many postings, boards and reposts it had and whether it is open.
-- A posting in no group with others is its own job, read as it is; only groups are aggregated
-- (their company, family and country: the earliest posting's, the group's own first on a tie).
with group_map as (
    select posting_id, duplicate_group_id as group_key, match_kind, true as is_member
    from stg_posting_duplicates
    union all
    select distinct duplicate_group_id, duplicate_group_id, null, false
    from stg_posting_duplicates
    where duplicate_group_id not in (select posting_id from stg_posting_duplicates)
),
lifecycle as materialized (
    select l.*, m.group_key, m.match_kind, coalesce(m.is_member, false) as is_member
    from int_posting_lifecycle as l
    left join group_map as m using (posting_id)
)
select
    posting_id as duplicate_group_id,
    company,
    title_family,
    country_code,
    cast(1 as bigint) as postings,
    cast((source || ':' || board) is not null as bigint) as boards,
    cast(0 as bigint) as reposts,
    first_seen_at,
    last_seen_at,
    is_active
from lifecycle
where group_key is null
union all
select
    group_key,
    arg_min(company, (first_seen_at, is_member, posting_id)),
    arg_min(title_family, (first_seen_at, is_member, posting_id)),
    arg_min(country_code, (first_seen_at, is_member, posting_id)),
    count(*),
    count(distinct source || ':' || board),
    count(*) filter (where match_kind = 'repost'),
    min(first_seen_at),
    max(last_seen_at),
    bool_or(is_active)
from lifecycle
where group_key is not null
group by group_key
