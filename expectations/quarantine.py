"""The quarantine table's Arrow schema, derived from the one posting schema."""

from __future__ import annotations

import pyarrow as pa

from warehouse.schema import SCHEMA_VERSION, arrow_schema

QUARANTINE_EXTRA = (
    pa.field(
        "failed_expectations",
        pa.list_(pa.string()),
        metadata={"description": "Every check the row failed, e.g. expect_..._not_be_null(title)."},
    ),
    pa.field(
        "quarantine_reason",
        pa.string(),
        metadata={"description": "Readable sentence: what failed and the offending values."},
    ),
    pa.field(
        "offending_values",
        pa.list_(
            pa.struct(
                [
                    pa.field("expectation", pa.string()),
                    pa.field("column_name", pa.string()),
                    pa.field("value", pa.string()),
                ]
            )
        ),
        metadata={
            "description": "Per failed check and column: the value it objected to (as text; "
            "null when the value was null or the failure concerned the whole batch)."
        },
    ),
)


def quarantine_schema_for(schema: pa.Schema) -> pa.Schema:
    """``schema``'s columns, all nullable, followed by the failure columns."""
    fields = [f.with_nullable(True) for f in schema] + list(QUARANTINE_EXTRA)
    return pa.schema(fields, metadata={"jobpipe.schema_version": SCHEMA_VERSION})


def quarantine_schema() -> pa.Schema:
    """Every posting column (all nullable) followed by the failure columns."""
    return quarantine_schema_for(arrow_schema())
