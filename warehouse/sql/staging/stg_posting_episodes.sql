-- Every episode of every posting (first seen → closed; a reopened posting has several):
-- closed episodes from posting_episodes, open ones from the latest posting state.
select * from {{ parquet('posting_episodes') }}
union all by name
select posting_id, source, board, company, title_family, seniority, country_code,
       first_seen_at, last_seen_at, closed_at, is_reopen
from {{ latest('posting_state') }}
where is_open
