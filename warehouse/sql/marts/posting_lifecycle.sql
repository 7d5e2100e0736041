-- Lifecycle of every posting: first_seen_at, last_seen_at, closed_at (first successful crawl
-- that no longer listed it), is_active, days_open, reopen_count, and its duplicate group.
select l.*, coalesce(g.duplicate_group_id, l.posting_id) as duplicate_group_id
from int_posting_lifecycle as l
left join stg_posting_duplicates as g using (posting_id)
