-- Sources whose bronze file exists for a logical date (the crawl ran for that source).
select distinct
    regexp_extract(file, 'source=([^/]+)/', 1) as source,
    cast(regexp_extract(file, 'dt=([0-9]{4}-[0-9]{2}-[0-9]{2})/', 1) as date) as snapshot_date
from {{ bronze_files() }}
