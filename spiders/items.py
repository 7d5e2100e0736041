"""Typed crawl items: a posting as its platform shows it, and a crawl failure."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class JobPostingItem:
    """One job posting as parsed from a platform payload, raw payload kept beside it.

    Fields hold the platform's values lightly parsed (strings trimmed, HTML entity-decoded);
    typing and normalisation (dates, locations, pay, enums) happen in ``transforms``.
    """

    source: str  #: platform name, e.g. ``greenhouse``
    board: str  #: board token / site / tenant on the platform
    source_job_id: str  #: the platform's job id, as a string
    url: str | None  #: public posting page
    apply_url: str | None  #: where candidates apply
    company: str | None  #: company name as the board gives it
    title: str | None  #: job title as posted
    description_html: str | None  #: description HTML, entity-decoded
    location_raw: list[str] = field(default_factory=list)  #: location strings as posted
    department: str | None = None  #: department / team name
    posted_at_raw: str | None = None  #: first-published timestamp as posted
    updated_at_raw: str | None = None  #: last-updated timestamp as posted
    employment_type_raw: str | None = None  #: employment type label as posted
    workplace_type_raw: str | None = None  #: remote/hybrid/on-site label as posted
    salary_structured: list[dict[str, Any]] = field(default_factory=list)  #: platform pay ranges
    raw: dict[str, Any] = field(default_factory=dict)  #: the platform payload(s), unchanged
    request_url: str = ""  #: URL of the request that returned the payload
    http_status: int = 0  #: HTTP status of that response
    fetched_at: str = ""  #: ISO-8601 UTC time the payload was fetched
    #: the registry's company name for the board, for platforms whose payload names none
    company_hint: str | None = None

    def to_bronze(self) -> dict[str, Any]:
        """The raw-archive record: enough to replay extraction without crawling again."""
        record = {
            "record_type": "posting",
            "source": self.source,
            "board": self.board,
            "source_job_id": self.source_job_id,
            "request_url": self.request_url,
            "http_status": self.http_status,
            "fetched_at": self.fetched_at,
            "payload": self.raw,
        }
        if self.company_hint:
            record["company_hint"] = self.company_hint
        return record


@dataclass
class CrawlErrorItem:
    """A request or payload that could not be turned into postings, with the reason."""

    source: str
    board: str
    request_url: str
    reason: str  #: short machine-friendly kind, e.g. ``http_500``, ``invalid_json``
    detail: str  #: human-readable explanation
    http_status: int | None = None
    fetched_at: str = ""
    source_job_id: str | None = None
    excerpt: str | None = None  #: the first bytes of the offending body, for debugging
    payload: Any = None  #: the offending job object when one exists (e.g. a job without id)

    def to_bronze(self) -> dict[str, Any]:
        return {"record_type": "error", **asdict(self)}
