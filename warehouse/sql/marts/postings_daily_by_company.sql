-- Postings per company per snapshot day: open, newly seen, with pay, remote.
with firsts as (
    select posting_id, min(snapshot_date) as first_seen
    from stg_postings
    group by posting_id
)
select
    p.snapshot_date,
    p.company,
    count(*) as postings,
    count(*) filter (where f.first_seen = p.snapshot_date) as new_postings,
    count(*) filter (where p.salary_min is not null or p.salary_max is not null)
        as postings_with_salary,
    count(*) filter (where p.workplace_type = 'remote') as remote_postings
from stg_postings as p
join firsts as f using (posting_id)
group by p.snapshot_date, p.company
