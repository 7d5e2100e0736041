-- Postings first seen per date and country, and how many of them state pay (pre-aggregated
-- by publish, one partition per date).
select * from {{ parquet('daily_new_facts') }}
