"""The silver suite: the schema-generated posting suite plus plausibility rules.

On top of :func:`expectations.suite.build_posting_suite` (types, not-null, enums,
``posting_id`` unique, URLs, ISO 4217 currencies, ISO 3166-1 country codes in locations,
``salary_min <= salary_max``, non-negative pay) this adds, with every number taken from
:class:`expectations.thresholds.Thresholds`:

- ``posted_at`` between ``earliest_posted_at`` and the logical date + ``posted_at_future_days``;
- the description text is not empty (derived column ``description_text_chars``);
- the title is neither a URL nor boilerplate (``Untitled``, ``N/A``, ``Apply now`` ...);
- annual pay (``salary_min_annual``, ``salary_max_annual``) within plausible bounds for the
  period the pay was stated in, for postings paid in ``pay_bounds_currencies``.

The suite depends on the logical date, so it is built per run (about 20 ms).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import great_expectations as gx
from great_expectations import expectations as gxe
from great_expectations.expectations.row_conditions import Column

from expectations.suite import (
    DESCRIPTION_CHARS_COLUMN,
    SUITE_NAME,
    URL_REGEX,
    Expectation,
    build_posting_suite,
)
from expectations.thresholds import Thresholds, load_thresholds

URL_TITLE_REGEX = r"(?i)^[^A-Za-z0-9]*(?:https?://|www\.)"
PAY_COLUMNS = ("salary_min_annual", "salary_max_annual")


def _meta(rule: str, **extra: Any) -> dict[str, Any]:
    return {"origin": "silver", "rule": rule, **extra}


def posted_at_window(day: date, thresholds: Thresholds) -> tuple[datetime, datetime]:
    """Earliest and latest plausible ``posted_at`` for a batch of logical date ``day``."""
    earliest = datetime.combine(thresholds.earliest_posted_at, time(), UTC)
    latest = datetime.combine(day + timedelta(days=thresholds.posted_at_future_days), time(), UTC)
    return earliest, latest


def silver_expectations(day: date, thresholds: Thresholds) -> list[Expectation]:
    """The plausibility rules for the batch of logical date ``day``."""
    earliest, latest = posted_at_window(day, thresholds)
    out: list[Expectation] = [
        gxe.ExpectColumnValuesToBeBetween(
            column="posted_at",
            min_value=earliest,
            max_value=latest,
            meta=_meta(
                "posted_at not before earliest_posted_at nor after the logical date",
                earliest=earliest.isoformat(),
                latest=latest.isoformat(),
            ),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column=DESCRIPTION_CHARS_COLUMN,
            min_value=thresholds.min_description_chars,
            meta=_meta("description not empty", derived_from="description_text"),
        ),
        gxe.ExpectColumnValuesToNotMatchRegexList(
            column="title",
            regex_list=[URL_TITLE_REGEX, *thresholds.boilerplate_title_patterns],
            meta=_meta("title is not a URL or boilerplate"),
        ),
    ]
    currencies = Column("salary_currency").is_in(list(thresholds.pay_bounds_currencies))
    for period, (low, high) in thresholds.annual_pay_bounds.items():
        for col in PAY_COLUMNS:
            out.append(
                gxe.ExpectColumnValuesToBeBetween(
                    column=col,
                    min_value=low,
                    max_value=high,
                    row_condition=(Column("salary_period") == period) & currencies,
                    meta=_meta("annual pay within plausible bounds per period", period=period),
                )
            )
    return out


def build_silver_suite(
    day: date, thresholds: Thresholds | None = None, *, name: str = SUITE_NAME
) -> gx.ExpectationSuite:
    """The posting suite (generated from the schema) extended by :func:`silver_expectations`."""
    thresholds = thresholds or load_thresholds()
    suite = build_posting_suite(name)
    for expectation in silver_expectations(day, thresholds):
        suite.add_expectation(expectation)
    return suite


__all__ = ["URL_REGEX", "build_silver_suite", "posted_at_window", "silver_expectations"]
