-- Every version of every posting (SCD type 2): valid on [valid_from, valid_to), valid_to null
-- for the version still advertised. Closed versions from posting_versions, open ones from the
-- latest posting state.
select * from {{ parquet('posting_versions') }}
union all by name
select * exclude (first_seen_at, last_seen_at, closed_at, is_reopen, is_open, employer_key,
                  canonical_url, duplicate_group_id, signature),
       cast(null as date) as valid_to
from {{ latest('posting_state') }}
where is_open
