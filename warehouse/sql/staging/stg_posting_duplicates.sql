-- Postings that joined an earlier posting's duplicate group (the few rows of posting_groups
-- whose group is not the posting itself, kept apart by publish), with how they matched.
select
    posting_id,
    arg_min(duplicate_group_id, first_seen_at) as duplicate_group_id,
    arg_min(match_kind, first_seen_at) as match_kind
from {{ parquet('posting_duplicates') }}
group by posting_id
