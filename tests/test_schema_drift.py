"""One schema, defined once: Parquet, GE suite, DuckDB views and docs all follow it."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from warehouse.build import build_warehouse, staging_postings_sql
from warehouse.docs import render_schema_docs
from warehouse.schema import POSTING_FIELDS, arrow_schema, duckdb_type

ROOT = Path(__file__).resolve().parent.parent


def test_docs_are_generated_from_the_schema() -> None:
    text = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert text == render_schema_docs(), "docs/schema.md is stale: run `jobpipe schema-docs`"
    for field in POSTING_FIELDS:
        assert f"| `{field.name}` |" in text


def test_every_field_is_documented_and_typed() -> None:
    schema = arrow_schema()
    assert schema.names == [f.name for f in POSTING_FIELDS]
    assert len(set(schema.names)) == len(schema.names)
    for field in schema:
        assert field.metadata[b"description"]
    for field in POSTING_FIELDS:
        assert field.description.endswith(".")
        assert schema.field(field.name).nullable != field.required


def test_staging_view_matches_schema(tmp_path: Path) -> None:
    db = build_warehouse(tmp_path)  # empty data root: views over typed empty relations
    with duckdb.connect(str(db), read_only=True) as con:
        described = con.execute("describe stg_postings").fetchall()
    assert [(name, typ) for name, typ, *_ in described] == [
        (f.name, duckdb_type(f.type)) for f in POSTING_FIELDS
    ]
    assert all(f.name in staging_postings_sql() for f in POSTING_FIELDS)


def test_suite_covers_every_schema_rule() -> None:
    from expectations.suite import suite_description

    described = suite_description()
    columns = {e["kwargs"].get("column") for e in described}
    assert {f.name for f in POSTING_FIELDS} <= columns
    by_kind: dict[str, set[str]] = {}
    for e in described:
        by_kind.setdefault(e["type"], set()).add(e["kwargs"].get("column"))
    required = {f.name for f in POSTING_FIELDS if f.required}
    assert required <= by_kind["expect_column_values_to_not_be_null"]
    enums = {f.name for f in POSTING_FIELDS if f.enum}
    assert enums <= by_kind["expect_column_values_to_be_in_set"]
    assert {f.name for f in POSTING_FIELDS if f.unique} <= by_kind[
        "expect_column_values_to_be_unique"
    ]


def test_quarantine_schema_extends_the_posting_schema() -> None:
    from expectations.quarantine import quarantine_schema

    q = quarantine_schema()
    assert q.names[: len(POSTING_FIELDS)] == arrow_schema().names
    assert {"failed_expectations", "quarantine_reason"} <= set(q.names)
    assert all(f.nullable for f in q)
    assert q.field("failed_expectations").type == pa.list_(pa.string())
