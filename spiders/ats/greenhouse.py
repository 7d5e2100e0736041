"""Greenhouse spider: list each board with content, then fetch each job's detail for pay.

``scrapy crawl greenhouse -a boards=pinterest,discord [-a base_url=http://127.0.0.1:8000]
[-a details=false]``

Incremental when ``JOBPIPE_STATE_DIR`` is set (see :mod:`spiders.incremental`): the list is
requested conditionally, and a job whose list entry is unchanged reuses its stored detail.
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
from spiders.incremental import IncrementalTracker, version_of
from spiders.items import CrawlErrorItem, JobPostingItem

Item = JobPostingItem | CrawlErrorItem


class GreenhouseSpider(BoardSpider):
    name = "greenhouse"
    source = gh.SOURCE
    default_base_url = "https://boards-api.greenhouse.io"

    def __init__(self, *args: Any, details: str | bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.details = str(details).lower() not in ("0", "false", "no")
        self._tracker: IncrementalTracker | None = None

    @property
    def tracker(self) -> IncrementalTracker:
        if self._tracker is None:
            self._tracker = IncrementalTracker.from_spider(self)
        return self._tracker

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for board in self.boards:
            url = gh.list_url(self.base_url, board)
            yield scrapy.Request(
                url,
                callback=self.parse_list,
                errback=self.list_failed,
                cb_kwargs={"board": board},
                headers=self.tracker.list_headers(board, url) if self.details else None,
                meta={"handle_httpstatus_list": [304]},
            )

    def parse_list(self, response: Response, board: str) -> Iterator[Item | scrapy.Request]:
        if response.status == 304:
            yield from self._replay(board, response)
            return
        try:
            jobs = gh.parse_jobs_list(response.body)
        except PayloadError as exc:
            self.tracker.board_failed(board, exc.reason)
            yield self.error_item(
                board,
                response.url,
                exc.reason,
                exc.detail,
                status=response.status,
                body=response.body,
            )
            return
        yield from self._check_utf8(board, response)
        ids = [jid for jid in map(gh.job_id, jobs) if jid is not None]
        self.tracker.listed(board, ids, response.url, response.headers)
        if not self.details:
            self.tracker.incomplete(board)
        for job in jobs:
            jid = gh.job_id(job)
            if jid is None:
                self.tracker.incomplete(board)
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
            version = version_of(job)
            stored = self.tracker.reusable(board, jid, version)
            if stored is not None:
                yield self._posting(board, self._reused_payload(job, stored), response)
                continue
            self.tracker.expect(board, jid)
            yield scrapy.Request(
                gh.detail_url(self.base_url, board, jid),
                callback=self.parse_detail,
                errback=self.detail_failed,
                cb_kwargs={"board": board, "listed": job},
                meta={"list_url": response.url, "list_status": response.status, "version": version},
            )
        self.tracker.list_finished(board)

    def _check_utf8(self, board: str, response: Response) -> Iterator[Item]:
        """Invalid UTF-8 was repaired (U+FFFD) to keep the postings: say so."""
        try:
            response.body.decode("utf-8")
        except UnicodeDecodeError as exc:
            self.tracker.incomplete(board)
            yield self.error_item(
                board, response.url, "invalid_utf8",
                f"invalid UTF-8 at byte {exc.start} replaced with U+FFFD; postings kept",
                status=response.status, body=response.body[max(0, exc.start - 60) : exc.end + 60],
            )  # fmt: skip

    def _replay(self, board: str, response: Response) -> Iterator[Item]:
        """``304 Not Modified``: every job as stored, no other request."""
        stored = self.tracker.replay(board)
        self.tracker.listed(board, [str(gh.job_id(e["list"])) for e in stored], response.url)
        origin = SimpleNamespace(url=response.url, status=200)
        for entry in stored:
            self.discovered += 1
            yield self._posting(board, self._reused_payload(entry["list"], entry), origin)
        self.tracker.list_finished(board)

    @staticmethod
    def _reused_payload(listed: dict[str, Any], stored: dict[str, Any]) -> dict[str, Any]:
        reused = {"fetched_at": stored.get("fetched_at"), "url": stored.get("url")}
        return {"list": listed, "detail": stored["detail"], "detail_reused": reused}

    def parse_detail(
        self, response: Response, board: str, listed: dict[str, Any]
    ) -> Iterator[Item]:
        jid = gh.job_id(listed)
        try:
            detail: dict[str, Any] | None = gh.parse_job_detail(response.body)
        except PayloadError as exc:
            self.tracker.detail_failed(board, str(jid))
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
        posting = self._posting(board, {"list": listed, "detail": detail}, response)
        if detail is not None and isinstance(posting, JobPostingItem):
            self.tracker.fetched(
                board, str(jid), response.meta.get("version", ""), listed, detail,
                posting.fetched_at, response.url,
            )  # fmt: skip
        elif detail is not None:
            self.tracker.detail_failed(board, str(jid))
        yield posting

    def list_failed(self, failure: Failure) -> Iterator[Item]:
        board = failure.request.cb_kwargs["board"]  # type: ignore[attr-defined]
        item = self.failure_item(failure, board)
        self.tracker.board_failed(board, item.reason)
        yield item

    def detail_failed(self, failure: Failure) -> Iterator[Item]:
        """The detail is lost but the listed posting is not: keep it without detail fields."""
        kwargs = failure.request.cb_kwargs  # type: ignore[attr-defined]
        board, listed = kwargs["board"], kwargs["listed"]
        meta = failure.request.meta  # type: ignore[attr-defined]
        self.tracker.detail_failed(board, str(gh.job_id(listed)))
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
