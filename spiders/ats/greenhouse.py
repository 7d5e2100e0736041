"""Greenhouse spider: list each board with content, then fetch each job's detail for pay.

``scrapy crawl greenhouse -a boards=pinterest,discord [-a base_url=http://127.0.0.1:8000]
[-a details=false]``
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from types import SimpleNamespace
from typing import Any

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from spiders.ats.base import BoardSpider, utc_now_iso
from spiders.extract import PayloadError
from spiders.extract import greenhouse as gh
from spiders.items import CrawlErrorItem, JobPostingItem

Item = JobPostingItem | CrawlErrorItem


class GreenhouseSpider(BoardSpider):
    name = "greenhouse"
    source = gh.SOURCE
    default_base_url = "https://boards-api.greenhouse.io"

    def __init__(self, *args: Any, details: str | bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.details = str(details).lower() not in ("0", "false", "no")

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for board in self.boards:
            yield scrapy.Request(
                gh.list_url(self.base_url, board),
                callback=self.parse_list,
                errback=self.list_failed,
                cb_kwargs={"board": board},
            )

    def parse_list(self, response: Response, board: str) -> Iterator[Item | scrapy.Request]:
        try:
            jobs = gh.parse_jobs_list(response.body)
        except PayloadError as exc:
            yield self.error_item(
                board,
                response.url,
                exc.reason,
                exc.detail,
                status=response.status,
                body=response.body,
            )
            return
        for job in jobs:
            jid = gh.job_id(job)
            if jid is None:
                yield self.error_item(
                    board,
                    response.url,
                    "missing_id",
                    "a job in the list has no usable 'id'",
                    status=response.status,
                    payload=job,
                )
                continue
            self.discovered += 1
            if not self.details:
                yield self._posting(board, {"list": job, "detail": None}, response)
                continue
            yield scrapy.Request(
                gh.detail_url(self.base_url, board, jid),
                callback=self.parse_detail,
                errback=self.detail_failed,
                cb_kwargs={"board": board, "listed": job},
                meta={"list_url": response.url, "list_status": response.status},
            )

    def parse_detail(
        self, response: Response, board: str, listed: dict[str, Any]
    ) -> Iterator[Item]:
        try:
            detail: dict[str, Any] | None = gh.parse_job_detail(response.body)
        except PayloadError as exc:
            yield self.error_item(
                board,
                response.url,
                f"detail_{exc.reason}",
                exc.detail,
                status=response.status,
                body=response.body,
                source_job_id=gh.job_id(listed),
            )
            detail = None
        yield self._posting(board, {"list": listed, "detail": detail}, response)

    def list_failed(self, failure: Failure) -> Iterator[Item]:
        board = failure.request.cb_kwargs["board"]  # type: ignore[attr-defined]
        yield self.failure_item(failure, board)

    def detail_failed(self, failure: Failure) -> Iterator[Item]:
        """The detail is lost but the listed posting is not: keep it without detail fields."""
        kwargs = failure.request.cb_kwargs  # type: ignore[attr-defined]
        board, listed = kwargs["board"], kwargs["listed"]
        meta = failure.request.meta  # type: ignore[attr-defined]
        yield self.failure_item(failure, board, source_job_id=gh.job_id(listed))
        origin = SimpleNamespace(url=meta["list_url"], status=meta["list_status"])
        yield self._posting(board, {"list": listed, "detail": None}, origin)

    def _posting(self, board: str, payload: dict[str, Any], origin: Any) -> Item:
        status = getattr(origin, "status", 0)
        try:
            return gh.posting_from_payload(
                payload, board, request_url=origin.url, http_status=status, fetched_at=utc_now_iso()
            )
        except PayloadError as exc:
            return self.error_item(board, origin.url, exc.reason, exc.detail, payload=payload)
