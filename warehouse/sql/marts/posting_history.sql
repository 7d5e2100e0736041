-- Change history (SCD type 2): one row per version of a posting, valid on [valid_from,
-- valid_to); "pay advertised on D" is: where valid_from <= D and (valid_to > D or valid_to is null).
select
    *,
    row_number() over (partition by posting_id order by valid_from) as version_no,
    valid_to is null as is_current
from stg_posting_versions
