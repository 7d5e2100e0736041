-- Data quality over time, for charts: per logical date and suite, checks run and failed,
-- critical failures, rows evaluated and failing values (a row failing two checks counts twice).
select
    snapshot_date,
    suite,
    bool_and(success) as success,
    count(*) as checks,
    count(*) filter (where not success) as failed_checks,
    count(*) filter (where not success and severity = 'critical') as critical_failures,
    max(evaluated) as rows_evaluated,
    coalesce(sum(failed), 0) as failed_values
from stg_validation_runs
group by snapshot_date, suite
