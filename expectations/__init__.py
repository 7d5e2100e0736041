"""Great Expectations checks for clean postings, generated from ``warehouse.schema``.

- :mod:`expectations.suite`: ``build_posting_suite()`` and ``suite_description()``;
- :mod:`expectations.validate`: ``validate_postings()`` → valid rows + quarantine;
- :mod:`expectations.quarantine`: the quarantine table's Arrow schema (no GX import).

Importing this package does not import GX (slow); it only switches GX usage statistics off
and GX's info logging down for the process, before any submodule imports GX.
"""

from __future__ import annotations

import logging
import os

os.environ["GX_ANALYTICS_ENABLED"] = "False"
logging.getLogger("great_expectations").setLevel(logging.WARNING)
