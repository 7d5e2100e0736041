"""The one posting schema: every clean posting column, defined once.

The Parquet schema (:func:`arrow_schema`), the Great Expectations column checks
(``expectations/``), the DuckDB staging view (``warehouse/``) and ``docs/schema.md``
are all derived from :data:`POSTING_FIELDS`; ``tests/test_schema_drift.py`` fails when
any of them disagrees with this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pyarrow as pa

SCHEMA_VERSION = "2"

Check = Literal["url", "iso_country", "iso_currency"]

WORKPLACE_TYPES = ("onsite", "hybrid", "remote")
EMPLOYMENT_TYPES = ("full_time", "part_time", "contract", "temporary", "internship", "other")
SALARY_PERIODS = ("hour", "day", "week", "month", "year")
SALARY_SOURCES = ("structured", "text")
SENIORITIES = (
    "intern",
    "entry",
    "mid",
    "senior",
    "staff",
    "principal",
    "manager",
    "director",
    "executive",
)
EDUCATION_LEVELS = ("none", "high_school", "associate", "bachelor", "master", "doctorate")
YES_NO = ("yes", "no")
SOURCES = (
    "greenhouse",
    "lever",
    "ashby",
    "smartrecruiters",
    "workable",
    "workday",
    "recruitee",
    "personio",
    "schemaorg",
)

LOCATION_TYPE = pa.struct(
    [
        pa.field("raw", pa.string()),
        pa.field("city", pa.string()),
        pa.field("region", pa.string()),
        pa.field("country_code", pa.string()),
    ]
)
TIMESTAMP = pa.timestamp("us", tz="UTC")


@dataclass(frozen=True)
class Field:
    """One column of the clean posting table and the rules that hold for it."""

    name: str
    type: pa.DataType
    description: str
    required: bool = False
    enum: tuple[str, ...] | None = None
    unique: bool = False
    check: Check | None = None

    @property
    def type_name(self) -> str:
        return str(self.type)


POSTING_FIELDS: tuple[Field, ...] = (
    Field(
        "posting_id",
        pa.string(),
        "Stable id: first 16 hex digits of sha256('source:board:source_job_id').",
        required=True,
        unique=True,
    ),
    Field("source", pa.string(), "Platform the posting came from.", required=True, enum=SOURCES),
    Field("board", pa.string(), "Board token / site / tenant on that platform.", required=True),
    Field("source_job_id", pa.string(), "The platform's own id of the job.", required=True),
    Field("url", pa.string(), "Public page of the posting.", required=True, check="url"),
    Field("apply_url", pa.string(), "Where candidates apply (often the url).", check="url"),
    Field("company", pa.string(), "Hiring company as the board names it.", required=True),
    Field("title", pa.string(), "Job title as posted, whitespace normalised.", required=True),
    Field("description_html", pa.string(), "Description HTML, entity-decoded, as posted."),
    Field("description_text", pa.string(), "Description as plain text (block-aware)."),
    Field(
        "locations",
        pa.list_(LOCATION_TYPE),
        "Every location named: raw text plus parsed city, region and ISO 3166-1 alpha-2 "
        "country code (null parts when unknown).",
    ),
    Field(
        "workplace_type",
        pa.string(),
        "Work arrangement; null when the posting does not say.",
        enum=WORKPLACE_TYPES,
    ),
    Field(
        "employment_type",
        pa.string(),
        "Contract kind; null when the posting does not say.",
        enum=EMPLOYMENT_TYPES,
    ),
    Field("department", pa.string(), "Department or team as the board names it."),
    Field("posted_at", TIMESTAMP, "When the posting was first published (UTC)."),
    Field("updated_at", TIMESTAMP, "When the board says the posting last changed (UTC)."),
    Field("scraped_at", TIMESTAMP, "When jobpipe fetched the payload (UTC).", required=True),
    Field("salary_min", pa.float64(), "Lowest pay, in salary_currency per salary_period."),
    Field("salary_max", pa.float64(), "Highest pay, in salary_currency per salary_period."),
    Field("salary_currency", pa.string(), "ISO 4217 code of the pay.", check="iso_currency"),
    Field("salary_period", pa.string(), "Unit of the pay figures.", enum=SALARY_PERIODS),
    Field(
        "salary_source",
        pa.string(),
        "Where the pay came from: the platform's structured field or the text.",
        enum=SALARY_SOURCES,
    ),
    Field("salary_raw", pa.string(), "The pay as found (structured value or matched text)."),
    Field(
        "salary_min_annual",
        pa.float64(),
        "salary_min per year (hour×2080, day×260, week×52, month×12).",
    ),
    Field("salary_max_annual", pa.float64(), "salary_max per year, same factors."),
    Field(
        "salary_is_ote",
        pa.bool_(),
        "True when the pay stated is on-target earnings / commission, not base pay.",
    ),
    Field("seniority", pa.string(), "Level of the role, mostly from the title.", enum=SENIORITIES),
    Field(
        "education_level",
        pa.string(),
        "Lowest education level the posting accepts.",
        enum=EDUCATION_LEVELS,
    ),
    Field("experience_years_min", pa.int64(), "Years of experience asked for (lower bound)."),
    Field("experience_years_max", pa.int64(), "Years of experience asked for (upper bound)."),
    Field(
        "skills",
        pa.list_(pa.string()),
        "Canonical skill names found (taxonomy in transforms/data/skills.tsv).",
    ),
    Field(
        "visa_sponsorship",
        pa.string(),
        "Whether the employer sponsors work visas; null when unstated.",
        enum=YES_NO,
    ),
    Field("language", pa.string(), "ISO 639-1 language of the description."),
    Field(
        "snapshot_date",
        pa.date32(),
        "Logical date of the crawl this row belongs to (the partition key).",
        required=True,
    ),
)

FIELDS_BY_NAME: dict[str, Field] = {f.name: f for f in POSTING_FIELDS}
COLUMN_NAMES: tuple[str, ...] = tuple(f.name for f in POSTING_FIELDS)


def arrow_schema(*, strict: bool = True) -> pa.Schema:
    """The Parquet/Arrow schema of clean postings, with per-field descriptions.

    ``strict=False`` makes every column nullable: the shape of rows before validation, which
    may still lack required values (validation quarantines those).
    """
    fields = [
        pa.field(
            f.name,
            f.type,
            nullable=not (strict and f.required),
            metadata={"description": f.description},
        )
        for f in POSTING_FIELDS
    ]
    return pa.schema(fields, metadata={"jobpipe.schema_version": SCHEMA_VERSION})


def duckdb_type(t: pa.DataType) -> str:
    """DuckDB SQL type for an Arrow type used in this schema."""
    if pa.types.is_string(t):
        return "VARCHAR"
    if pa.types.is_float64(t):
        return "DOUBLE"
    if pa.types.is_int64(t):
        return "BIGINT"
    if pa.types.is_boolean(t):
        return "BOOLEAN"
    if pa.types.is_date32(t):
        return "DATE"
    if pa.types.is_timestamp(t):
        return "TIMESTAMP WITH TIME ZONE" if t.tz else "TIMESTAMP"
    if pa.types.is_list(t):
        return f"{duckdb_type(t.value_type)}[]"
    if pa.types.is_struct(t):
        inner = ", ".join(f"{f.name} {duckdb_type(f.type)}" for f in t)
        return f"STRUCT({inner})"
    raise TypeError(f"no DuckDB mapping for Arrow type {t}")


CRAWL_ERROR_FIELDS: tuple[Field, ...] = (
    Field("source", pa.string(), "Platform of the failed request.", required=True),
    Field("board", pa.string(), "Board the request was for.", required=True),
    Field("request_url", pa.string(), "URL that failed."),
    Field(
        "reason", pa.string(), "Short kind: http_404, invalid_json, missing_id ...", required=True
    ),
    Field("detail", pa.string(), "Human-readable explanation."),
    Field("http_status", pa.int64(), "HTTP status, when a response arrived."),
    Field("source_job_id", pa.string(), "Job id, when the failure concerns one job."),
    Field("excerpt", pa.string(), "First bytes of the offending body."),
    Field("fetched_at", TIMESTAMP, "When the failure happened (UTC)."),
    Field("snapshot_date", pa.date32(), "Logical date of the crawl.", required=True),
)


def crawl_error_schema() -> pa.Schema:
    """Arrow schema of the crawl-errors table (one row per failed request or payload)."""
    return pa.schema(
        [
            pa.field(f.name, f.type, nullable=True, metadata={"description": f.description})
            for f in CRAWL_ERROR_FIELDS
        ],
        metadata={"jobpipe.schema_version": SCHEMA_VERSION},
    )
