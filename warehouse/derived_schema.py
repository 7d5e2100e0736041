"""Arrow schemas of the derived Parquet layers (lifecycle, versions, duplicate groups).

Derived layers are rebuildable from the ``postings`` layer (the truth) and are written one
partition per logical date by ``jobpipe publish`` (:mod:`warehouse.derived`).
"""

from __future__ import annotations

import pyarrow as pa

from warehouse.schema import FIELDS_BY_NAME, SCHEMA_VERSION

DERIVED_SCHEMA_VERSION = "2"  #: part of every date's fingerprint
SIGNATURE_BYTES = 256  # 64 uint32 MinHash minima

# Posting columns a version carries (the analyst-relevant content, without the long texts).
VERSION_POSTING_COLUMNS = (
    "posting_id", "source", "board", "source_job_id", "company", "title", "seniority", "locations",
    "workplace_type", "employment_type", "department", "salary_min", "salary_max",
    "salary_currency", "salary_period", "salary_min_annual", "salary_max_annual",
    "salary_is_ote", "education_level", "experience_years_min", "experience_years_max",
    "skills", "visa_sponsorship", "url",
)  # fmt: skip
# What the content hash covers: every field an analyst would call "the posting changed".
HASHED_COLUMNS = (
    "title", "company", "locations", "workplace_type", "employment_type", "department",
    "salary_min", "salary_max", "salary_currency", "salary_period", "salary_is_ote",
    "seniority", "education_level", "experience_years_min", "experience_years_max", "skills",
    "visa_sponsorship", "description_text", "apply_url",
)  # fmt: skip

_DERIVED = (
    pa.field("title_family", pa.string()),
    pa.field("country_code", pa.string()),
    pa.field("content_hash", pa.string()),
    pa.field("valid_from", pa.date32()),
)
_EPISODE = (
    pa.field("first_seen_at", pa.date32()),
    pa.field("last_seen_at", pa.date32()),
    pa.field("closed_at", pa.date32()),
    pa.field("is_reopen", pa.bool_()),
)


def _meta(layer: str) -> dict[str, str]:
    return {
        "jobpipe.schema_version": SCHEMA_VERSION,
        "jobpipe.derived_schema_version": DERIVED_SCHEMA_VERSION,
        "jobpipe.layer": layer,
    }


def _posting_fields() -> list[pa.Field]:
    return [pa.field(n, FIELDS_BY_NAME[n].type) for n in VERSION_POSTING_COLUMNS]


def version_schema() -> pa.Schema:
    """``posting_versions``: one row per closed version, [valid_from, valid_to)."""
    fields = [*_posting_fields(), *_DERIVED, pa.field("valid_to", pa.date32())]
    return pa.schema(fields, metadata=_meta("posting_versions"))


def state_schema() -> pa.Schema:
    """``posting_state``: every open posting (current version, episode so far) at the end of a
    date, plus postings closed within the repost window (``is_open`` false)."""
    fields = [
        *_posting_fields(),
        *_DERIVED,
        *_EPISODE,
        pa.field("is_open", pa.bool_()),
        pa.field("employer_key", pa.string()),
        pa.field("canonical_url", pa.string()),
        pa.field("duplicate_group_id", pa.string()),
        pa.field("signature", pa.binary(SIGNATURE_BYTES)),
    ]
    return pa.schema(fields, metadata=_meta("posting_state"))


def episode_schema() -> pa.Schema:
    """``posting_episodes``: one row per closed episode (first seen → closed)."""
    fields = [
        pa.field("posting_id", pa.string()),
        pa.field("source", pa.string()),
        pa.field("board", pa.string()),
        pa.field("company", pa.string()),
        pa.field("title_family", pa.string()),
        pa.field("seniority", pa.string()),
        pa.field("country_code", pa.string()),
        *_EPISODE,
    ]
    return pa.schema(fields, metadata=_meta("posting_episodes"))


def group_schema() -> pa.Schema:
    """``posting_groups``: the duplicate group of each posting, assigned when first seen."""
    fields = [
        pa.field("posting_id", pa.string()),
        pa.field("duplicate_group_id", pa.string()),
        pa.field("match_kind", pa.string()),
        pa.field("matched_posting_id", pa.string()),
        pa.field("first_seen_at", pa.date32()),
    ]
    return pa.schema(fields, metadata=_meta("posting_groups"))


def duplicates_schema() -> pa.Schema:
    """``posting_duplicates``: the few ``posting_groups`` rows of the date whose group is an
    earlier posting (a duplicate or repost), so marts never scan every posting's group."""
    return group_schema().with_metadata(_meta("posting_duplicates"))


def new_facts_schema() -> pa.Schema:
    """``daily_new_facts``: postings first seen on the date, per country, and how many state pay
    (pre-aggregated so pay-transparency marts never scan the history)."""
    fields = [
        pa.field("snapshot_date", pa.date32()),
        pa.field("country_code", pa.string()),
        pa.field("new_postings", pa.int64()),
        pa.field("with_pay", pa.int64()),
    ]
    return pa.schema(fields, metadata=_meta("daily_new_facts"))


def new_skills_schema() -> pa.Schema:
    """``daily_new_skills``: per skill, the postings first seen on the date that ask for it."""
    fields = [
        pa.field("snapshot_date", pa.date32()),
        pa.field("skill", pa.string()),
        pa.field("new_postings", pa.int64()),
    ]
    return pa.schema(fields, metadata=_meta("daily_new_skills"))


#: The dimensions ``daily_activity`` is pre-aggregated by (each a column of the posting state).
ACTIVITY_DIMENSIONS = ("company", "country_code", "title_family")
#: Annualised base pay of a posting version: the mid-point of its range, one side when only one
#: is stated (the salary marts; null without pay).
ANNUAL_PAY_SQL = (
    "(coalesce(salary_min_annual, salary_max_annual)"
    " + coalesce(salary_max_annual, salary_min_annual)) / 2"
)


def activity_schema() -> pa.Schema:
    """``daily_activity``: per dimension (company, country_code, title_family) and value, the
    postings first seen on the date, closed on it, and open at its end (pre-aggregated so the
    daily activity marts never scan the history)."""
    fields = [
        pa.field("snapshot_date", pa.date32()),
        pa.field("dimension", pa.string()),
        pa.field("key", pa.string()),
        pa.field("new_postings", pa.int64()),
        pa.field("closed_postings", pa.int64()),
        pa.field("active_postings", pa.int64()),
    ]
    return pa.schema(fields, metadata=_meta("daily_activity"))


def closed_durations_schema() -> pa.Schema:
    """``daily_closed_durations``: episodes closed on the date per title family and whole days
    open (first seen to closed): the time-to-close histogram, summed by the mart."""
    fields = [
        pa.field("snapshot_date", pa.date32()),
        pa.field("title_family", pa.string()),
        pa.field("days", pa.int64()),
        pa.field("closed_postings", pa.int64()),
    ]
    return pa.schema(fields, metadata=_meta("daily_closed_durations"))


def closed_pay_schema() -> pa.Schema:
    """``daily_closed_pay``: the annualised base pay (mid-point of the range, on-target earnings
    excluded) of the postings whose episode closed on the date, at their last version: with the
    open postings' pay from the state, what the salary marts read instead of the history."""
    fields = [
        pa.field("snapshot_date", pa.date32()),
        pa.field("posting_id", pa.string()),
        pa.field("title_family", pa.string()),
        pa.field("seniority", pa.string()),
        pa.field("country_code", pa.string()),
        pa.field("salary_currency", pa.string()),
        pa.field("annual_pay", pa.float64()),
        pa.field("is_reopen", pa.bool_()),
    ]
    return pa.schema(fields, metadata=_meta("daily_closed_pay"))


DERIVED_LAYERS = {
    "posting_state": state_schema,
    "posting_versions": version_schema,
    "posting_episodes": episode_schema,
    "posting_groups": group_schema,
    "posting_duplicates": duplicates_schema,
    "daily_new_facts": new_facts_schema,
    "daily_new_skills": new_skills_schema,
    "daily_activity": activity_schema,
    "daily_closed_durations": closed_durations_schema,
    "daily_closed_pay": closed_pay_schema,
}

#: The date column each derived layer is partitioned by: a ``dt=D`` partition holds exactly the
#: rows whose column equals D (what monthly compaction orders by and splits on).
PARTITION_DATE = {
    "posting_state": "snapshot_date",  # not a column: one whole open market per date
    "posting_versions": "valid_to",
    "posting_episodes": "closed_at",
    "posting_groups": "first_seen_at",
    "posting_duplicates": "first_seen_at",
    "daily_new_facts": "snapshot_date",
    "daily_new_skills": "snapshot_date",
    "daily_activity": "snapshot_date",
    "daily_closed_durations": "snapshot_date",
    "daily_closed_pay": "snapshot_date",
}
#: Layers whose old months ``jobpipe compact`` merges into one file each. Not ``posting_state``:
#: each of its partitions is the whole open market of its date and is read one at a time.
COMPACTED_LAYERS = tuple(layer for layer in DERIVED_LAYERS if layer != "posting_state")
