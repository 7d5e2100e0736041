-- The latest version of every posting (the one still advertised, or the last one before it
-- closed), with its duplicate group.
select v.*, coalesce(g.duplicate_group_id, v.posting_id) as duplicate_group_id
from stg_posting_versions as v
left join stg_posting_groups as g using (posting_id)
qualify row_number() over (partition by v.posting_id order by v.valid_from desc) = 1
