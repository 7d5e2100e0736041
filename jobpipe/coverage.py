"""Field coverage per source: how often each posting field is filled, over real recorded payloads
(``../shared/fixtures/recorded/<ats>/``) and the demo board.

Every recorded file is a list or a detail response of one platform; it goes through that
platform's pure extractor and then through the same ``row_from_item`` normalize uses, so the
figures are exactly what the pipeline would store. A file that cannot be parsed is counted as
an error with its reason, never skipped silently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from jobpipe.demo import Market
from jobpipe.demo import greenhouse as demo_gh
from spiders.extract import (
    PayloadError,
    ashby,
    lever,
    personio,
    recruitee,
    smartrecruiters,
    workable,
    workday,
)
from spiders.extract import greenhouse as gh
from transforms.normalize import EXTRACTORS, row_from_item

# (label, predicate on a normalized row): "filled" means what an analyst would count as known.
FIELDS: tuple[tuple[str, Callable[[dict[str, Any]], bool]], ...] = (
    ("title", lambda r: bool(r["title"])),
    ("company", lambda r: bool(r["company"])),
    ("location", lambda r: bool(r["locations"])),
    ("country", lambda r: any(loc.get("country_code") for loc in r["locations"])),
    ("posted_at", lambda r: r["posted_at"] is not None),
    ("description", lambda r: bool(r["description_text"])),
    ("salary", lambda r: r["salary_min"] is not None or r["salary_max"] is not None),
    ("workplace", lambda r: r["workplace_type"] is not None),
    ("employment", lambda r: r["employment_type"] is not None),
    ("seniority", lambda r: r["seniority"] is not None),
    ("education", lambda r: r["education_level"] is not None),
    ("experience", lambda r: r["experience_years_min"] is not None),
    ("skills", lambda r: bool(r["skills"])),
    ("visa", lambda r: r["visa_sponsorship"] is not None),
    ("language", lambda r: r["language"] is not None),
)
DETAIL_MARKERS = {"greenhouse": "job-detail", "smartrecruiters": "posting-detail",
                  "workday": "job-detail"}  # fmt: skip
LIST_PARSERS: dict[str, Callable[[bytes], list[Any]]] = {
    "lever": lever.payloads_from_list,
    "ashby": ashby.payloads_from_list,
    "recruitee": recruitee.payloads_from_list,
    "personio": personio.payloads_from_list,
    "workable": workable.payloads_from_list,
    "smartrecruiters": smartrecruiters.payloads_from_list,
    "workday": workday.payloads_from_list,
}
DETAIL_PARSERS: dict[str, Callable[[bytes], Any]] = {
    "greenhouse": gh.parse_job_detail,
    "smartrecruiters": smartrecruiters.parse_detail,
    "workday": workday.parse_detail,
}


@dataclass
class SourceCoverage:
    """Counts for one source: postings, how many have each field, files and parse errors."""

    source: str
    postings: int = 0
    filled: dict[str, int] = field(default_factory=dict)
    files: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, row: dict[str, Any]) -> None:
        self.postings += 1
        for name, known in FIELDS:
            self.filled[name] = self.filled.get(name, 0) + int(known(row))

    def share(self, name: str) -> float | None:
        return self.filled.get(name, 0) / self.postings if self.postings else None


def _board(path: Path) -> str:
    return path.stem.rsplit("-", 1)[-1]


def payloads_from_file(source: str, path: Path) -> list[Any]:
    """The archived-payload form of every posting in one recorded response file."""
    body = path.read_bytes()
    if source in DETAIL_PARSERS and path.name.startswith(DETAIL_MARKERS[source]):
        return [{"list": None, "detail": DETAIL_PARSERS[source](body)}]
    if source == "greenhouse":
        return [{"list": job, "detail": None} for job in gh.parse_jobs_list(body)]
    return LIST_PARSERS[source](body)


def recorded_coverage(root: Path, snapshot: date) -> dict[str, SourceCoverage]:
    """Coverage per platform over every recorded file under ``root/<platform>/``."""
    out: dict[str, SourceCoverage] = {}
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        source = folder.name
        if source not in EXTRACTORS:
            continue
        cov = out.setdefault(source, SourceCoverage(source))
        for path in sorted(folder.iterdir()):
            if not path.is_file():
                continue
            cov.files += 1
            try:
                payloads = payloads_from_file(source, path)
            except PayloadError as exc:
                cov.errors.append(f"{path.name}: {exc.reason}")
                continue
            for payload in payloads:
                try:
                    item = EXTRACTORS[source](payload, _board(path))
                except PayloadError as exc:
                    cov.errors.append(f"{path.name}: {exc.reason}")
                    continue
                cov.add(row_from_item(item, snapshot))
    return out


def demo_rows(day: date, boards: int = 20, seed: int = 7) -> Iterator[dict[str, Any]]:
    """Normalized rows of the demo board for ``day`` (Greenhouse wire format, in process)."""
    market = Market(seed=seed, boards=boards)
    for token in market.board_tokens():
        for posting in market.postings(token, day):
            detail = demo_gh.job_detail(market, token, posting.job_id, day, pay_transparency=True)
            item = gh.posting_from_payload({"list": None, "detail": detail}, token)
            yield row_from_item(item, day)


def demo_coverage(day: date, boards: int = 20) -> SourceCoverage:
    cov = SourceCoverage("demo board (greenhouse format)", files=boards)
    for row in demo_rows(day, boards):
        cov.add(row)
    return cov


def demo_format_coverages(
    day: date, boards: int = 20, sources: tuple[str, ...] | None = None
) -> list[SourceCoverage]:
    """Coverage of the demo board served in each wire format (rendered in process).

    Every board is rendered in every format, parsed by that platform's extraction functions
    as its spider parses it, and normalized: differences between rows are what each format
    carries (Personio has no pay fields, Lever and Ashby name no company, ...).
    """
    from jobpipe.demo.archive import RENDERERS, archived_payloads, board_token

    market = Market(seed=7, boards=boards)
    out = []
    for source in sources or tuple(RENDERERS):
        cov = SourceCoverage(f"demo board ({source} format)", files=boards)
        for token in market.board_tokens():
            board = board_token(source, token)
            for payload, url in archived_payloads(market, source, token, day):
                try:
                    item = EXTRACTORS[source](payload, board, request_url=url)
                except PayloadError as exc:
                    cov.errors.append(f"{token}: {exc.reason}")
                    continue
                cov.add(row_from_item(item, day))
        out.append(cov)
    return out


def markdown_table(coverages: list[SourceCoverage]) -> str:
    """A Markdown table: one row per source, one column per field (share of postings)."""
    names = [name for name, _ in FIELDS]
    lines = [
        "| source | files | postings | " + " | ".join(names) + " |",
        "|---|---:|---:|" + "---:|" * len(names),
    ]
    for cov in coverages:
        cells = [f"{cov.share(n):.0%}" if cov.postings else "–" for n in names]
        lines.append(f"| {cov.source} | {cov.files} | {cov.postings} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
