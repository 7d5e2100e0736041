-- Per date and skill, the postings first seen that day that ask for the skill (pre-aggregated
-- by publish, one partition per date).
select * from {{ parquet('daily_new_skills') }}
