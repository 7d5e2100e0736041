-- Rows held back by validation or normalisation, with the checks they failed and why.
-- Rename/cast only: every posting column (nullable) plus failed_expectations and the reason.
select *
from {{ parquet('quarantine') }}
