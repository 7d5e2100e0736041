"""Shared spider plumbing: board arguments, base-URL override and error items."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from types import ModuleType
from typing import Any

import orjson
import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from spiders.extract import PayloadError
from spiders.extract.jsonpayload import excerpt
from spiders.items import CrawlErrorItem, JobPostingItem

Item = JobPostingItem | CrawlErrorItem


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
    Setting ``JOBPIPE_COMPANIES`` (JSON ``{board: company}``, from the registry) names the
    company of boards whose payloads do not (Lever, Ashby): it is archived as
    ``company_hint`` with each posting and used when the payload has no company.
    """

    source: str = ""
    default_base_url: str = ""

    def __init__(
        self, boards: str | list[str] | None = None, base_url: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.boards = list(dict.fromkeys(split_arg(boards)))  # a board listed twice: once
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

    # -- shared routing helpers for the list-based spiders -----------------------------------

    def payload_error(
        self,
        board: str,
        origin: Any,
        exc: PayloadError,
        *,
        prefix: str = "",
        source_job_id: str | None = None,
    ) -> CrawlErrorItem:
        """An unusable response body as an error item (``prefix`` e.g. ``detail_``)."""
        return self.error_item(
            board,
            origin.url,
            prefix + exc.reason,
            exc.detail,
            status=getattr(origin, "status", None),
            body=getattr(origin, "body", None),
            source_job_id=source_job_id,
        )

    def paging_stopped(self, board: str, response: Any, reason: str, offset: int) -> Item:
        """Paging stopped early: ``paging_loop`` (a page only repeats postings already seen,
        e.g. a server ignoring the offset) or ``paging_capped`` (the offset limit was reached);
        postings past this page may be missing."""
        detail = {
            "paging_loop": f"the page at offset {offset} only repeats postings already seen",
            "paging_capped": f"stopped at offset {offset}: the platform serves no deeper pages",
        }[reason]
        return self.error_item(board, response.url, reason, detail, status=response.status)

    def list_failed(self, failure: Failure) -> Iterator[Item]:
        """A board-level request failed: one error item for the board."""
        board = failure.request.cb_kwargs["board"]  # type: ignore[attr-defined]
        yield self.failure_item(failure, board)

    def build_posting(
        self,
        extractor: Callable[..., JobPostingItem],
        board: str,
        payload: Any,
        url: str,
        status: int,
    ) -> Item:
        """The extractor's item for ``payload``, or an error item saying why there is none."""
        try:
            item = extractor(
                payload, board, request_url=url, http_status=status, fetched_at=utc_now_iso()
            )
        except PayloadError as exc:
            return self.error_item(board, url, exc.reason, exc.detail, payload=payload)
        item.company_hint = self.registry_company(board)
        item.company = item.company or item.company_hint
        return item

    def registry_company(self, board: str) -> str | None:
        """The company the registry names for ``board`` (``JOBPIPE_COMPANIES``), if any."""
        if not hasattr(self, "_companies"):
            raw = self.crawler.settings.get("JOBPIPE_COMPANIES") if self.crawler else None
            try:
                found = orjson.loads(raw) if raw else {}
            except orjson.JSONDecodeError:
                self.logger.warning("JOBPIPE_COMPANIES is not JSON; ignored")
                found = {}
            found = found if isinstance(found, dict) else {}
            self._companies = {str(k).partition("@")[0]: str(v) for k, v in found.items() if v}
        return self._companies.get(board.partition("@")[0])

    def postings_from(
        self, module: ModuleType, board: str, payloads: Iterable[Any], origin: Any
    ) -> Iterator[Item]:
        """One item per listed payload; a payload without an id becomes a ``missing_id`` error."""
        for payload in payloads:
            if module.job_id(payload) is None:
                yield self.error_item(
                    board,
                    origin.url,
                    "missing_id",
                    "a job in the list has no usable id",
                    status=origin.status,
                    payload=payload,
                )
                continue
            self.discovered += 1
            yield self.build_posting(
                module.posting_from_payload, board, payload, origin.url, origin.status
            )


class OneRequestSpider(BoardSpider):
    """A platform that lists a whole board in one response (no paging, no detail requests).

    Subclasses set ``extract`` to the platform's extraction module, which provides
    ``list_url(base_url, board)``, ``payloads_from_list(body)``, ``job_id`` and
    ``posting_from_payload``.
    """

    extract: ModuleType

    def board_url(self, board: str) -> str:
        return self.extract.list_url(self.base_url, board)

    async def start(self) -> Any:
        for board in self.boards:
            yield scrapy.Request(
                self.board_url(board),
                callback=self.parse_list,
                errback=self.list_failed,
                cb_kwargs={"board": board},
                dont_filter=True,  # two boards behind one overridden URL are still two boards
            )

    def parse_list(self, response: Any, board: str) -> Iterator[Item]:
        try:
            payloads = self.extract.payloads_from_list(response.body)
        except PayloadError as exc:
            yield self.payload_error(board, response, exc)
            return
        yield from self.postings_from(self.extract, board, payloads, response)
