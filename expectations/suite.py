"""The clean-postings expectation suite, generated from the one posting schema.

Schema rules (one block per :class:`warehouse.schema.Field`, no column names here): the column
exists; its values have the schema's type (as pandas represents it, see
:func:`pandas_type_name`); ``required`` → not null; ``enum`` → in set (nulls pass); ``unique`` →
unique; ``check`` → absolute http(s) URL regex, ISO 4217 or ISO 3166-1 alpha-2 set.

Hand-written rules (:func:`hand_written_expectations`, the only place that names columns):
``salary_min <= salary_max`` when both are present, both salaries ≥ 0, and every country code
inside ``locations`` is ISO 3166-1 alpha-2. ``locations`` is a list of structs, which GX cannot
look into, so validation adds a derived column (:data:`DERIVED_COLUMNS`): per row, the row's
non-null ``country_code`` values joined by ``","`` (null when there are none), and GX matches
it against a regex built from the ISO code list. The check still runs in GX and still names
the offending rows.

Every expectation carries ``meta`` saying where it came from (``origin`` schema/hand_written,
``rule``, ``field``), which :func:`suite_description` keeps for drift tests.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any

import great_expectations as gx
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pycountry
from great_expectations import expectations as gxe
from great_expectations.data_context import AbstractDataContext
from great_expectations.data_context.types.base import ProgressBarsConfig

from warehouse.schema import POSTING_FIELDS, Field

SUITE_NAME = "postings_silver"

_HOST_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
# Whitespace and control characters, spelled out rather than ``\s`` so that pandas 3 runs the
# regex in pyarrow (RE2) instead of falling back to Python's ``re`` row by row.
_SPACE = r"\x00-\x20\x7f" + "\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
URL_REGEX = (
    r"^https?://"  # absolute, http or https only
    rf"(?:{_HOST_LABEL}(?:\.{_HOST_LABEL})*|\[[0-9A-Fa-f:.]+\])"  # host name, IPv4 or [IPv6]
    r"(?::[0-9]{1,5})?"  # optional port
    rf"(?:[/?#][^{_SPACE}]*)?\Z"  # optional path, query, fragment, no whitespace; then the end
)
COUNTRY_CODES_COLUMN = "locations_country_codes"

Expectation = gxe.Expectation


# --------------------------------------------------------------------------- GX context


def quiet_gx_logging() -> None:
    """WARNING and up only, also for GX modules that pin their own logger to INFO."""
    for name in ["great_expectations", *logging.root.manager.loggerDict]:
        if name.partition(".")[0] == "great_expectations":
            logging.getLogger(name).setLevel(logging.WARNING)


@cache
def gx_context() -> AbstractDataContext:
    """The process's one ephemeral GX context: no progress bars, no usage statistics, quiet."""
    quiet_gx_logging()
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    context.config.analytics_enabled = False
    return context


# --------------------------------------------------------------------------- code lists


@cache
def currency_codes() -> tuple[str, ...]:
    """ISO 4217 alphabetic codes known to pycountry, sorted."""
    return tuple(sorted(c.alpha_3 for c in pycountry.currencies))


@cache
def country_codes() -> tuple[str, ...]:
    """ISO 3166-1 alpha-2 codes known to pycountry, sorted."""
    return tuple(sorted(c.alpha_2 for c in pycountry.countries))


def country_list_regex() -> str:
    """One or more ISO 3166-1 alpha-2 codes separated by commas, nothing else."""
    code = "(?:" + "|".join(country_codes()) + ")"
    return rf"^{code}(?:,{code})*\Z"


# --------------------------------------------------------------------------- schema rules


def pandas_type_name(arrow_type: pa.DataType) -> str:
    """GX ``type_`` for how a column of ``arrow_type`` looks in the validation frame.

    ``ExpectColumnValuesToBeOfType`` compares the pandas dtype's scalar ``.type`` (or, for an
    object column, each value's class) with the named type, so one name covers pandas 3's
    ``str`` dtype and object columns of Python strings alike. Dates are validated as naive
    ``datetime64`` (``date_as_object=False``); lists, structs, ints and bools as
    ``pd.ArrowDtype`` columns, whose ``.type`` is the Python class.
    """
    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return "str"
    if pa.types.is_floating(arrow_type):
        return "float"
    if pa.types.is_integer(arrow_type):
        return "int"
    if pa.types.is_boolean(arrow_type):
        return "bool"
    if pa.types.is_timestamp(arrow_type):
        return "Timestamp" if arrow_type.tz else "datetime64"
    if pa.types.is_date(arrow_type):
        return "datetime64"
    if pa.types.is_list(arrow_type) or pa.types.is_large_list(arrow_type):
        return "list"
    if pa.types.is_struct(arrow_type):
        return "dict"
    raise TypeError(f"no validation type for Arrow type {arrow_type}")


def _check_expectation(field: Field, meta: dict[str, Any]) -> Expectation:
    col = field.name
    if field.check == "url":
        return gxe.ExpectColumnValuesToMatchRegex(column=col, regex=URL_REGEX, meta=meta)
    if field.check == "iso_currency":
        codes = list(currency_codes())
        return gxe.ExpectColumnValuesToBeInSet(column=col, value_set=codes, meta=meta)
    if field.check == "iso_country":
        codes = list(country_codes())
        return gxe.ExpectColumnValuesToBeInSet(column=col, value_set=codes, meta=meta)
    raise ValueError(f"unknown check {field.check!r} on field {col}")


def field_expectations(field: Field) -> list[Expectation]:
    """The expectations one schema field implies, in a fixed order."""
    col = field.name

    def meta(rule: str) -> dict[str, Any]:
        return {"origin": "schema", "field": col, "rule": rule}

    out: list[Expectation] = [
        gxe.ExpectColumnToExist(column=col, meta=meta("exists")),
        gxe.ExpectColumnValuesToBeOfType(
            column=col, type_=pandas_type_name(field.type), meta=meta("type")
        ),
    ]
    if field.required:
        out.append(gxe.ExpectColumnValuesToNotBeNull(column=col, meta=meta("required")))
    if field.enum:
        values = list(field.enum)
        out.append(gxe.ExpectColumnValuesToBeInSet(column=col, value_set=values, meta=meta("enum")))
    if field.unique:
        out.append(gxe.ExpectColumnValuesToBeUnique(column=col, meta=meta("unique")))
    if field.check:
        out.append(_check_expectation(field, meta(f"check:{field.check}")))
    return out


# --------------------------------------------------------------------------- hand-written rules


def hand_written_expectations(columns: set[str]) -> list[Expectation]:
    """Cross-field and nested-value rules; each only when the columns it reads exist."""

    def meta(rule: str, **extra: str) -> dict[str, Any]:
        return {"origin": "hand_written", "rule": rule, **extra}

    out: list[Expectation] = []
    if {"salary_min", "salary_max"} <= columns:
        out.append(
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="salary_max",
                column_B="salary_min",
                or_equal=True,
                ignore_row_if="either_value_is_missing",
                meta=meta("salary_min <= salary_max"),
            )
        )
    for col in ("salary_min", "salary_max"):
        if col in columns:
            out.append(
                gxe.ExpectColumnValuesToBeBetween(column=col, min_value=0, meta=meta(f"{col} >= 0"))
            )
    if "locations" in columns:
        out.append(
            gxe.ExpectColumnValuesToMatchRegex(
                column=COUNTRY_CODES_COLUMN,
                regex=country_list_regex(),
                meta=meta("locations country codes are ISO 3166-1", derived_from="locations"),
            )
        )
    return out


def _has_country_codes(kind: pa.DataType | None) -> bool:
    return (
        kind is not None
        and pa.types.is_list(kind)
        and pa.types.is_struct(kind.value_type)
        and kind.value_type.get_field_index("country_code") >= 0
    )


def _joined_codes(locations: pa.ListArray) -> pa.Array:
    n = len(locations)
    codes = pc.struct_field(pc.list_flatten(locations), "country_code").cast(pa.string())
    # parent row of each flattened value (list_flatten skips null lists, whatever backs them)
    lengths = pc.fill_null(pc.list_value_length(locations), 0).to_numpy(zero_copy_only=False)
    parents = np.repeat(np.arange(n), lengths)
    keep = codes.is_valid().to_numpy(zero_copy_only=False)
    counts = np.bincount(parents[keep], minlength=n)
    offsets = pa.array(np.concatenate([[0], np.cumsum(counts)]), pa.int32())
    lists = pa.ListArray.from_arrays(offsets, codes.filter(pa.array(keep)))
    joined = pc.binary_join(lists, ",")
    return pc.if_else(pa.array(counts > 0), joined, pa.scalar(None, pa.string()))


def joined_country_codes(table: pa.Table) -> pa.ChunkedArray:
    """Per row: the non-null ``locations[].country_code`` joined by ","; null when none.

    Pure Arrow, chunk by chunk (no Python loop, no 2 GB concatenation). A missing or
    mistyped ``locations`` column gives all nulls (its own expectations report that).
    """
    names = table.column_names
    kind = table.schema.field("locations").type if "locations" in names else None
    if not _has_country_codes(kind):
        return pa.chunked_array([pa.nulls(table.num_rows, pa.string())])
    chunks = [_joined_codes(chunk) for chunk in table.column("locations").chunks]
    return pa.chunked_array(chunks, pa.string())


def description_chars(table: pa.Table) -> pa.ChunkedArray:
    """Per row: characters of ``description_text``; 0 when null or only whitespace.

    No copy of the text (a trim would copy gigabytes at a million postings): the length of
    the text when it holds any non-space character, else 0.
    """
    if "description_text" not in table.column_names:
        return pa.chunked_array([pa.nulls(table.num_rows, pa.int64())])
    text = table.column("description_text")
    if not pa.types.is_string(text.type):
        return pa.chunked_array([pa.nulls(table.num_rows, pa.int64())])
    visible = pc.fill_null(pc.match_substring_regex(text, rf"[^{_SPACE}]"), False)
    length = pc.cast(pc.utf8_length(text), pa.int64())
    return pc.if_else(visible, length, pa.scalar(0, pa.int64()))


DESCRIPTION_CHARS_COLUMN = "description_text_chars"

DERIVED_COLUMNS: Mapping[str, Callable[[pa.Table], pa.ChunkedArray]] = {
    COUNTRY_CODES_COLUMN: joined_country_codes,
    DESCRIPTION_CHARS_COLUMN: description_chars,
}


# --------------------------------------------------------------------------- the suite


def build_posting_suite(
    name: str = SUITE_NAME, *, fields: Sequence[Field] = POSTING_FIELDS
) -> gx.ExpectationSuite:
    """A new ``gx.ExpectationSuite``: the rules of ``fields`` then the hand-written ones."""
    gx_context()  # GX 1.x needs an active context to create a suite
    suite = gx.ExpectationSuite(name=name)
    expectations = [e for f in fields for e in field_expectations(f)]
    expectations += hand_written_expectations({f.name for f in fields})
    for expectation in expectations:
        suite.add_expectation(expectation)
    return suite


def expectation_columns(kwargs: Mapping[str, Any]) -> list[str]:
    """The column(s) an expectation reads, in kwargs order (column, column_A, column_B)."""
    return [kwargs[k] for k in ("column", "column_A", "column_B") if kwargs.get(k)]


def _condition_text(condition: Any) -> str:
    """Short text of a GX row condition: its ``==`` comparisons, e.g. ``salary_period=hour``."""
    if hasattr(condition, "dict"):
        condition = condition.dict()
    if not isinstance(condition, Mapping):
        return str(condition)
    if "conditions" in condition:
        parts = [_condition_text(c) for c in condition["conditions"]]
        return " & ".join(p for p in parts if p)
    if condition.get("operator") == "==":
        return f"{condition['column']['name']}={condition['parameter']}"
    return ""


def expectation_label(kind: str, kwargs: Mapping[str, Any]) -> str:
    """How a failure is named in quarantine: ``expect_column_values_to_not_be_null(title)``.

    A row-conditioned expectation names its condition after a ``|``:
    ``expect_column_values_to_be_between(salary_min_annual | salary_period=hour)``.
    """
    inner = ", ".join(expectation_columns(kwargs))
    condition = kwargs.get("row_condition")
    if condition:
        inner += f" | {_condition_text(condition)}"
    return f"{kind}({inner})"


def _plain(value: Any) -> Any:
    """JSON-ready copy of a kwarg value; sets become sorted lists."""
    if isinstance(value, set | frozenset | tuple | list):
        items = [_plain(v) for v in value]
        return sorted(items) if isinstance(value, set | frozenset) else items
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in sorted(value.items())}
    return value


def describe_expectation(expectation: Expectation) -> dict[str, Any]:
    """``{"type", "label", "kwargs", "meta"}`` of one expectation, as plain JSON data."""
    config = expectation.configuration
    kwargs = {k: _plain(v) for k, v in sorted(config.kwargs.items()) if k != "batch_id"}
    return {
        "type": config.type,
        "label": expectation_label(config.type, config.kwargs),
        "kwargs": kwargs,
        "meta": _plain(expectation.meta or {}),
    }


def suite_description(suite: gx.ExpectationSuite | None = None) -> list[dict[str, Any]]:
    """The suite (default: the posting suite) as plain dicts, in suite order, for drift tests."""
    suite = suite if suite is not None else build_posting_suite()
    return [describe_expectation(e) for e in suite.expectations]
