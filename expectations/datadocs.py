"""Great Expectations Data Docs under ``<root>/quality/data_docs/``.

Rendered by GX's own ``SiteBuilder`` from every stored suite result
(``quality/results/dt=*/<suite>.json``, written by :func:`expectations.history.record_run`):
a throw-away ephemeral context gets those results in its validation-results store and one
local site, and builds it into a temp folder that then replaces the old site, so the docs
always show exactly the stored results (re-running a date replaces its page).
"""

from __future__ import annotations

import html
import re
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


def stored_results(root: Path, days: int | None = None) -> list[Path]:
    """Stored suite results of the latest ``days`` logical dates (all if None), oldest first."""
    files = sorted((root / "quality" / "results").glob("dt=*/*.json"))
    if days is None:
        return files
    keep = sorted({f.parent.name for f in files})[-days:] if days > 0 else []
    return [f for f in files if f.parent.name in keep]


def build_data_docs(root: Path, days: int | None = None) -> Path:
    """(Re)build the Data Docs site from the stored results; returns its ``index.html``.

    Only the latest ``days`` logical dates are rendered (default: ``data_docs_days`` of the
    thresholds; rendering costs about 0.25 s a page); older runs stay in the history table.
    """
    if days is None:
        from expectations.thresholds import load_thresholds

        days = load_thresholds().data_docs_days
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
    outcomes: dict[tuple[str, str], bool] = {}
    for file in stored_results(root, days):
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
        outcomes[(result.suite_name, day)] = bool(result.success)
    context.build_data_docs(site_names=[SITE])
    if not (tmp / "index.html").exists():
        raise RuntimeError(f"GX did not write {tmp / 'index.html'}")
    _add_static_run_list(tmp, outcomes)
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    tmp.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return target / "index.html"


def _add_static_run_list(site: Path, outcomes: dict[tuple[str, str], bool]) -> None:
    """Put a plain-HTML list of the validation pages at the top of ``index.html``.

    GX's own index draws its table with JavaScript from public CDNs, so it is empty on a
    machine without internet access; this list needs neither.
    """
    rows = []
    pages = sorted(site.glob("validations/*/*/*/*.html"), key=lambda p: (p.parts[-3], p.parts[-4]))
    for page in reversed(pages):
        rel = page.relative_to(site)
        suite, day = rel.parts[1], rel.parts[2]
        ok = outcomes.get((suite, day))
        status = "passed" if ok else "failed" if ok is not None else "?"
        href = html.escape(rel.as_posix().replace(" ", "%20"), quote=True)
        rows.append(
            f"<tr><td>{html.escape(day)}</td><td>{html.escape(suite)}</td>"
            f'<td class="jobpipe-{status}">{status}</td>'
            f'<td><a href="{href}">{html.escape(page.stem)}</a></td></tr>'
        )
    section = (
        '<section id="jobpipe-runs" style="margin:1em">'
        "<h2>jobpipe validation runs</h2>"
        "<table><tr><th>date</th><th>suite</th><th>result</th><th>page</th></tr>"
        + "".join(rows)
        + "</table></section>"
    )
    index = site / "index.html"
    text = index.read_text(encoding="utf-8")
    text = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + section, text, count=1)
    index.write_text(text, encoding="utf-8")
