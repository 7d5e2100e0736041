-- The duplicate group of each posting, as assigned on the day it was first seen (earliest wins).
select * exclude (rn)
from (
    select *, row_number() over (partition by posting_id order by first_seen_at) as rn
    from {{ parquet('posting_groups') }}
)
where rn = 1
