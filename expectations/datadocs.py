"""Great Expectations Data Docs under ``<root>/quality/data_docs/``.

Rendered by GX's own ``SiteBuilder`` from every stored suite result
(``quality/results/dt=*/<suite>.json``, written by :func:`expectations.history.record_run`):
a throw-away ephemeral context gets those results in its validation-results store and one
local site, and builds it into a temp folder that then replaces the old site, so the docs
always show exactly the stored results (re-running a date replaces its page).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import great_expectations as gx
import orjson
from great_expectations.core.expectation_validation_result import (
    expectationSuiteValidationResultSchema,
)
from great_expectations.core.run_identifier import RunIdentifier
from great_expectations.data_context.types.resource_identifiers import (
    ExpectationSuiteIdentifier,
    ValidationResultIdentifier,
)

from expectations.suite import quiet_gx_logging
from jobpipe import paths

SITE = "jobpipe"


def stored_results(root: Path) -> list[Path]:
    """Every stored suite result, oldest date first."""
    return sorted((root / "quality" / "results").glob("dt=*/*.json"))


def build_data_docs(root: Path) -> Path:
    """(Re)build the Data Docs site from the stored results; returns its ``index.html``."""
    quiet_gx_logging()
    target = paths.data_docs_dir(root)
    tmp = target.with_name(f".{target.name}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    context = gx.get_context(mode="ephemeral")
    context.config.analytics_enabled = False
    context.add_data_docs_site(
        SITE,
        {
            "class_name": "SiteBuilder",
            "store_backend": {
                "class_name": "TupleFilesystemStoreBackend",
                "base_directory": str(tmp),
            },
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )
    for file in stored_results(root):
        doc = orjson.loads(file.read_bytes())
        info = (doc.get("meta") or {}).get("jobpipe", {})
        day = info.get("snapshot_date") or file.parent.name.removeprefix("dt=")
        result = expectationSuiteValidationResultSchema.load(doc)
        key = ValidationResultIdentifier(
            ExpectationSuiteIdentifier(result.suite_name),
            RunIdentifier(run_name=day, run_time=info.get("validated_at")),
            info.get("batch") or f"{result.suite_name}-{day}",
        )
        context.validation_results_store.set(key, result)
    context.build_data_docs(site_names=[SITE])
    if not (tmp / "index.html").exists():
        raise RuntimeError(f"GX did not write {tmp / 'index.html'}")
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    tmp.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return target / "index.html"
