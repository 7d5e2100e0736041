-- Whether each board was crawled successfully on each logical date: the one rule deciding when
-- a missing posting counts as closed. A list-level crawl error (source_job_id null) or a failed
-- row in the board crawl log (stg_board_crawls: e.g. its crawl process or Airflow shard failed)
-- means failed; otherwise the board counts as crawled when it listed postings or its source's
-- bronze exists for the date.
with sources_crawled as (
    select distinct source, snapshot_date from stg_bronze_files
),
failed as (
    select distinct source, board, snapshot_date
    from stg_crawl_errors
    where source_job_id is null
    union
    select source, board, snapshot_date from stg_board_crawls where not success
),
listed as (
    select distinct source, board, snapshot_date from stg_postings
),
candidates as (
    select k.source, k.board, s.snapshot_date
    from stg_known_boards as k
    join sources_crawled as s using (source)
    union
    select source, board, snapshot_date from listed
    union
    select source, board, snapshot_date from failed
)
select
    c.snapshot_date,
    c.source,
    c.board,
    f.board is null as crawl_ok,
    case
        when f.board is not null then 'list_failed'
        when l.board is not null then 'listed'
        else 'bronze_present'
    end as evidence
from candidates as c
left join failed as f using (source, board, snapshot_date)
left join listed as l using (source, board, snapshot_date)
