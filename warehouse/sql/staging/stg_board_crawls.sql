-- Board crawl log: one row per registry board per logical date, whether its list was crawled
-- successfully, how many job ids it listed and, if not, why. Rename/cast only.
select
    cast(source as varchar) as source,
    cast(board as varchar) as board,
    cast(company as varchar) as company,
    cast(snapshot_date as date) as snapshot_date,
    cast(success as boolean) as success,
    cast(listed_ids as bigint) as listed_ids,
    cast(postings as bigint) as postings,
    cast(details_reused as bigint) as details_reused,
    cast(errors as bigint) as errors,
    cast(error_reason as varchar) as error_reason
from {{ parquet('board_crawls') }}
