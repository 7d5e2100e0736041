-- Per date and dimension value (company, country_code or title_family): postings first seen,
-- closed, and open at the end of the date (pre-aggregated by publish, one partition per date).
select * from {{ parquet('daily_activity') }}
