-- Every (source, board) that has ever listed a posting: the boards whose absences can close postings.
select distinct source, board
from stg_postings
