-- The duplicate group of each posting, as assigned on the day it was first seen (earliest wins).
select
    posting_id,
    arg_min(duplicate_group_id, first_seen_at) as duplicate_group_id,
    arg_min(match_kind, first_seen_at) as match_kind,
    arg_min(matched_posting_id, first_seen_at) as matched_posting_id,
    min(first_seen_at) as first_seen_at
from {{ parquet('posting_groups') }}
group by posting_id
