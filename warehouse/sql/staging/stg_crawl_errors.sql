-- Crawl failures, one row per failed request or unusable payload, by logical date.
-- Rename/cast only.
select
    cast(source as varchar) as source,
    cast(board as varchar) as board,
    cast(request_url as varchar) as request_url,
    cast(reason as varchar) as reason,
    cast(detail as varchar) as detail,
    cast(http_status as bigint) as http_status,
    cast(source_job_id as varchar) as source_job_id,
    cast(excerpt as varchar) as excerpt,
    cast(fetched_at as timestamptz) as fetched_at,
    cast(snapshot_date as date) as snapshot_date
from {{ parquet('crawl_errors') }}
