"""Property tests: enrichment never raises and its numbers are consistent."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import htmlish

from transforms.enrich import enrich
from transforms.salary_text import ANNUAL_FACTORS
from warehouse.schema import (
    EDUCATION_LEVELS,
    EMPLOYMENT_TYPES,
    SALARY_PERIODS,
    SENIORITIES,
    WORKPLACE_TYPES,
)

HTMLISH = htmlish(
    [
        "<p>",
        "</p>",
        "<li>",
        "<br>",
        "&amp;",
        "&nbsp;",
        "$",
        "€",
        "£",
        "k",
        "/hr",
        " to ",
        "-",
        "Remote",
        "Senior ",
        "5+ years",
        "Python",
        "BSc",
        "a year",
        "Berlin, Germany",
        "Boston, MA",
        "LPA",
        "zł",
        "CHF",
    ],
    max_size=40,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.one_of(st.none(), HTMLISH),
    description=st.one_of(st.none(), HTMLISH),
    location=st.lists(HTMLISH, max_size=3),
)
def test_enrich_never_raises_and_is_consistent(title, description, location) -> None:  # type: ignore[no-untyped-def]
    e = enrich(title=title, description=description, location_raw=location)
    if e.salary_min is not None and e.salary_max is not None:
        assert e.salary_min <= e.salary_max
    for value, annual in ((e.salary_min, e.salary_min_annual), (e.salary_max, e.salary_max_annual)):
        if value is not None and e.salary_period:
            assert annual == value * ANNUAL_FACTORS[e.salary_period]
    assert e.salary_period in (None, *SALARY_PERIODS)
    assert e.workplace_type in (None, *WORKPLACE_TYPES)
    assert e.employment_type in (None, *EMPLOYMENT_TYPES)
    assert e.seniority in (None, *SENIORITIES)
    assert e.education_level in (None, *EDUCATION_LEVELS)
    lo, hi = e.experience_years_min, e.experience_years_max
    assert lo is None or hi is None or lo <= hi
    assert e.skills == sorted(set(e.skills))
