"""The clean-postings expectation suite, generated from the one posting schema.

Per field (``warehouse.schema.POSTING_FIELDS``): the column exists; its values have the
schema's type; ``required`` → not null; ``enum`` → in set; ``unique`` → unique;
``check`` → URL regex or ISO 4217 set. Then a few hand-written cross-field rules
(:data:`HAND_WRITTEN`). Nested values are checked through derived columns
(:data:`DERIVED_COLUMNS`) added to the validation frame, so every rule still runs in GX.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pycountry

from warehouse.schema import POSTING_FIELDS, Field

SUITE_NAME = "postings_silver"
URL_REGEX = r"^https?://[^\s/?#.]+(?:\.[^\s/?#.]+)*(?::\d+)?(?:[/?#]\S*)?$"
COUNTRY_CODES_COLUMN = "locations_country_codes"


def _gx() -> Any:
    """GX, with the process's context created (suites need one to exist)."""
    from expectations.context import context, gx_module

    context()
    return gx_module()


def type_names(t: pa.DataType) -> list[str]:
    """GX type names for how a column of Arrow type ``t`` appears in the validation frame."""
    if pa.types.is_string(t):
        return ["str"]
    if pa.types.is_floating(t):
        return ["float64", "float"]
    if pa.types.is_integer(t):
        return ["Int64Dtype"]  # pandas nullable integer (see validate.validation_frame)
    if pa.types.is_boolean(t):
        return ["bool"]
    if pa.types.is_timestamp(t) or pa.types.is_date(t):
        return ["Timestamp"]
    if pa.types.is_list(t):
        return ["list"]
    raise TypeError(f"no validation type mapping for Arrow type {t}")


@cache
def currency_codes() -> tuple[str, ...]:
    return tuple(sorted(c.alpha_3 for c in pycountry.currencies))


@cache
def country_codes() -> tuple[str, ...]:
    return tuple(sorted(c.alpha_2 for c in pycountry.countries))


def country_list_regex() -> str:
    """Comma-separated list of valid ISO 3166-1 alpha-2 codes (or empty)."""
    code = "(?:" + "|".join(country_codes()) + ")"
    return f"^(?:{code}(?:,{code})*)?$"


def _joined_country_codes(table: pa.Table) -> pa.Array:
    """``locations`` → "US,DE" (codes of the locations that have one), "" when none."""
    if "locations" not in table.column_names or not pa.types.is_list(
        table.schema.field("locations").type
    ):  # absent or mistyped: the existence and type checks report it
        return pa.nulls(table.num_rows, pa.string())
    rows = table.column("locations").to_pylist()
    return pa.array(
        [
            ",".join(loc["country_code"] for loc in locs or [] if loc.get("country_code"))
            for locs in rows
        ],
        pa.string(),
    )


DERIVED_COLUMNS: dict[str, Callable[[pa.Table], pa.Array]] = {
    COUNTRY_CODES_COLUMN: _joined_country_codes,
}


def field_expectations(field: Field) -> list[Any]:
    """The expectations one schema field implies."""
    E = _gx().expectations
    col = field.name
    out: list[Any] = [
        E.ExpectColumnToExist(column=col),
        E.ExpectColumnValuesToBeInTypeList(column=col, type_list=type_names(field.type)),
    ]
    if field.required:
        out.append(E.ExpectColumnValuesToNotBeNull(column=col))
    if field.enum:
        out.append(E.ExpectColumnValuesToBeInSet(column=col, value_set=list(field.enum)))
    if field.unique:
        out.append(E.ExpectColumnValuesToBeUnique(column=col))
    if field.check == "url":
        out.append(E.ExpectColumnValuesToMatchRegex(column=col, regex=URL_REGEX))
    elif field.check == "iso_currency":
        out.append(E.ExpectColumnValuesToBeInSet(column=col, value_set=list(currency_codes())))
    elif field.check == "iso_country":
        out.append(E.ExpectColumnValuesToBeInSet(column=col, value_set=list(country_codes())))
    return out


def hand_written_expectations(fields: Sequence[Field]) -> list[Any]:
    """Rules across fields or inside nested values; each only when its columns exist."""
    E = _gx().expectations
    names = {f.name for f in fields}
    out: list[Any] = []
    if {"salary_min", "salary_max"} <= names:
        out.append(
            E.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="salary_max",
                column_B="salary_min",
                or_equal=True,
                ignore_row_if="either_value_is_missing",
            )
        )
    for col in ("salary_min", "salary_max"):
        if col in names:
            out.append(E.ExpectColumnValuesToBeBetween(column=col, min_value=0))
    if "locations" in names:
        out.append(
            E.ExpectColumnValuesToMatchRegex(
                column=COUNTRY_CODES_COLUMN, regex=country_list_regex()
            )
        )
    return out


def build_posting_suite(name: str = SUITE_NAME, fields: Sequence[Field] = POSTING_FIELDS) -> Any:
    """A fresh ``gx.ExpectationSuite`` for clean postings with ``fields``."""
    gx = _gx()
    expectations = [e for f in fields for e in field_expectations(f)]
    expectations += hand_written_expectations(fields)
    # Passing the list at construction avoids GX re-serialising the suite per expectation.
    return gx.ExpectationSuite(name=name, expectations=expectations)


def expectation_label(kind: str, kwargs: dict[str, Any]) -> str:
    """``expect_column_values_to_not_be_null(title)``: how a failure is named in quarantine."""
    cols = [kwargs[k] for k in ("column", "column_A", "column_B") if kwargs.get(k)]
    return f"{kind}({', '.join(cols)})"


def suite_description(fields: Sequence[Field] = POSTING_FIELDS) -> list[dict[str, Any]]:
    """The suite as plain dicts (type + kwargs), for drift tests and reports."""
    suite = build_posting_suite(fields=fields)
    out = []
    for exp in suite.expectations:
        config = exp.configuration
        kwargs = {k: v for k, v in config.kwargs.items() if k not in ("value_set", "regex")}
        if "value_set" in config.kwargs:
            kwargs["value_set_size"] = len(config.kwargs["value_set"])
        if "regex" in config.kwargs:
            kwargs["regex"] = re.sub(r"\(\?:[A-Z|]{40,}\)", "(?:ISO codes)", config.kwargs["regex"])
        out.append({"type": config.type, "kwargs": kwargs})
    return out


def truncate_text_column(table: pa.Table, name: str, chars: int = 64) -> pa.Array:
    """Cheap stand-in for a big text column: same nulls and type, first ``chars`` characters."""
    return pc.utf8_slice_codeunits(table.column(name), 0, chars)
