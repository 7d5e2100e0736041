-- Annualised base pay of the postings whose episode closed on the date, at their last version
-- (pre-selected by publish, one partition per date; ANNUAL_PAY_SQL in warehouse/derived_schema.py).
select * from {{ parquet('daily_closed_pay') }}
