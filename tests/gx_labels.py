"""Labels of every expectation in a suite, as the reports and quarantine name them."""

from __future__ import annotations

import great_expectations as gx

from expectations.batch import check_label
from expectations.suite import expectation_label


def suite_labels(suite: gx.ExpectationSuite) -> list[str]:
    """Batch checks are named by ``meta.check``; row-level checks by type and columns."""
    out = []
    for e in suite.expectations:
        meta = e.meta or {}
        if "check" in meta:
            out.append(check_label(meta))
        else:
            out.append(expectation_label(e.configuration.type, e.configuration.kwargs))
    return out
