-- Validation history: one row per check per suite run (bronze, silver, batch) per logical date.
-- Rename/cast only; re-running a date replaces that date's rows of the suite.
select
    cast(snapshot_date as date) as snapshot_date,
    cast(suite as varchar) as suite,
    cast(batch as varchar) as batch,
    cast(run_success as boolean) as run_success,
    cast(expectation as varchar) as expectation,
    cast(expectation_type as varchar) as expectation_type,
    cast(columns as varchar) as columns,
    cast(severity as varchar) as severity,
    cast(success as boolean) as success,
    cast(evaluated as bigint) as evaluated,
    cast(failed as bigint) as failed,
    cast(observed_value as varchar) as observed_value,
    cast(validated_at as timestamptz) as validated_at
from {{ parquet('validation_runs') }}
