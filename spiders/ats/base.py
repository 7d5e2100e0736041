"""Shared spider plumbing: board arguments, base-URL override and error items."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from spiders.extract.jsonpayload import excerpt
from spiders.items import CrawlErrorItem


def utc_now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def split_arg(value: str | list[str] | None) -> list[str]:
    """``"a, b,,c"`` → ``["a", "b", "c"]`` (Scrapy ``-a`` arguments arrive as strings)."""
    if value is None:
        return []
    items = value if isinstance(value, list) else value.split(",")
    return [s.strip() for s in items if s and s.strip()]


class BoardSpider(scrapy.Spider):
    """A spider over a list of boards on one platform.

    Arguments: ``boards`` (comma-separated tokens, required) and ``base_url`` (API root;
    defaults to the platform's public host, override it to crawl a local server).
    """

    source: str = ""
    default_base_url: str = ""

    def __init__(
        self, boards: str | list[str] | None = None, base_url: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.boards = split_arg(boards)
        if not self.boards:
            raise ValueError(f"{self.name}: pass the boards to crawl, e.g. -a boards=acme,globex")
        self.base_url = (base_url or self.default_base_url).rstrip("/")
        self.discovered = 0

    def error_item(
        self,
        board: str,
        request_url: str,
        reason: str,
        detail: str,
        *,
        status: int | None = None,
        body: bytes | None = None,
        source_job_id: str | None = None,
        payload: Any = None,
    ) -> CrawlErrorItem:
        self.logger.warning("%s %s: %s (%s)", board, reason, detail, request_url)
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"jobpipe/errors/{reason}")
        return CrawlErrorItem(
            source=self.source,
            board=board,
            request_url=request_url,
            reason=reason,
            detail=detail,
            http_status=status,
            fetched_at=utc_now_iso(),
            source_job_id=source_job_id,
            excerpt=excerpt(body) if body else None,
            payload=payload,
        )

    def failure_item(self, failure: Failure, board: str, **kwargs: Any) -> CrawlErrorItem:
        """Turn a request failure (HTTP error, timeout, robots, size limit...) into an item."""
        request = failure.request  # type: ignore[attr-defined]
        if failure.check(HttpError):
            response = failure.value.response
            return self.error_item(
                board,
                request.url,
                f"http_{response.status}",
                f"HTTP {response.status}"
                + (f" after {n} retries" if (n := request.meta.get("retry_times")) else ""),
                status=response.status,
                body=response.body,
                **kwargs,
            )
        if failure.check(IgnoreRequest):
            detail = str(failure.value) or "request ignored (robots.txt or size limit)"
            reason = "robots_disallowed" if "robots" in detail.lower() else "ignored"
            return self.error_item(board, request.url, reason, detail, **kwargs)
        reason = type(failure.value).__name__
        return self.error_item(board, request.url, reason, str(failure.value)[:300], **kwargs)
