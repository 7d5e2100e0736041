-- Episodes closed per date, title family and whole days open: the time-to-close histogram
-- (pre-aggregated by publish, one partition per date).
select * from {{ parquet('daily_closed_durations') }}
