-- Crawl problems per board and day: boards that failed or logged errors, with the error count
-- per reason (e.g. {'http_404': 1}), whether the board itself was crawled and its postings.
with errors as (
    select snapshot_date, source, board, reason, count(*) as n
    from stg_crawl_errors
    group by all
),
per_board as (
    select
        snapshot_date,
        source,
        board,
        sum(n) as errors,
        map_from_entries(list(struct_pack(k := reason, v := n) order by reason)) as errors_by_reason
    from errors
    group by all
)
select
    coalesce(b.snapshot_date, e.snapshot_date) as snapshot_date,
    coalesce(b.source, e.source) as source,
    coalesce(b.board, e.board) as board,
    b.company,
    coalesce(b.success, false) as board_crawled,
    b.error_reason,
    coalesce(e.errors, 0) as errors,
    e.errors_by_reason,
    coalesce(b.postings, 0) as postings
from stg_board_crawls as b
full join per_board as e
    on b.snapshot_date = e.snapshot_date and b.source = e.source and b.board = e.board
where not coalesce(b.success, false) or coalesce(e.errors, 0) > 0
