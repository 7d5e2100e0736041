-- The postings open now: for every board, its postings in the latest snapshot that
-- crawled it. One row per posting_id.
with latest_snapshot as (
    select source, board, max(snapshot_date) as snapshot_date
    from stg_postings
    group by source, board
)
select p.*
from stg_postings as p
join latest_snapshot as l
    on p.source = l.source and p.board = l.board and p.snapshot_date = l.snapshot_date
