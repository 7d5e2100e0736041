-- One row per posting: first and last day listed, when it closed (latest episode; null while
-- open), whether it is open, days open over all episodes, and how often it came back. Most
-- postings have one episode and are read as they are; only the ones that came back (publish
-- flags every later episode is_reopen) are grouped.
with repeated as (
    select distinct posting_id from stg_posting_episodes where is_reopen
)
select
    posting_id, source, board, company, title_family, seniority, country_code,
    first_seen_at, last_seen_at, closed_at,
    closed_at is null as is_active,
    cast(coalesce(closed_at, last_seen_at + 1) - first_seen_at as bigint) as days_open,
    cast(0 as bigint) as reopen_count,
    false as is_reopened
from stg_posting_episodes
anti join repeated using (posting_id)
union all
select
    posting_id,
    arg_max(source, first_seen_at) as source,
    arg_max(board, first_seen_at) as board,
    arg_max(company, first_seen_at) as company,
    arg_max_null(title_family, first_seen_at) as title_family,
    arg_max_null(seniority, first_seen_at) as seniority,
    arg_max_null(country_code, first_seen_at) as country_code,
    min(first_seen_at) as first_seen_at,
    max(last_seen_at) as last_seen_at,
    arg_max_null(closed_at, first_seen_at) as closed_at,
    bool_or(closed_at is null) as is_active,
    cast(sum(coalesce(closed_at, last_seen_at + 1) - first_seen_at) as bigint) as days_open,
    count(*) - 1 as reopen_count,
    true as is_reopened
from stg_posting_episodes
semi join repeated using (posting_id)
group by posting_id
