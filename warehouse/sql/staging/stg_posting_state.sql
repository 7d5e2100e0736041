-- Open postings at the end of the latest published date (current version and episode so far),
-- plus postings closed within the repost window (is_open false). Newest posting_state partition.
select * exclude (signature)
from {{ latest('posting_state') }}
