"""List-then-detail spiders with incremental state: the shared detail and failure callbacks.

A subclass sets :attr:`DetailSpider.extract` to its extraction module (``job_id``,
``parse_detail``, ``posting_from_payload``) and routes its list pages; this class fetches, keeps
or replays the details. A failed detail never loses the listed posting: it is kept without the
detail fields beside an error record, and the tracker fetches it again on the next crawl.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType, SimpleNamespace
from typing import Any, ClassVar

from scrapy.http import Response
from twisted.python.failure import Failure

from spiders.ats.base import BoardSpider, Item
from spiders.extract import PayloadError
from spiders.incremental import IncrementalTracker
from spiders.items import JobPostingItem


class DetailSpider(BoardSpider):
    """A board spider that requests one detail per listed posting, tracked incrementally."""

    #: the source's extraction module (pure functions over the recorded payloads)
    extract: ClassVar[ModuleType]
    _tracker: IncrementalTracker | None = None

    def __init__(
        self,
        *args: Any,
        details: str | bool = True,
        page_limit: str | int | None = None,
        **kwargs: Any,
    ) -> None:
        """``details=false`` keeps list fields only; ``page_limit`` is capped at the source's
        ``PAGE_LIMIT`` (its default)."""
        super().__init__(*args, **kwargs)
        self.details = str(details).lower() not in ("0", "false", "no")
        most = self.extract.PAGE_LIMIT
        self.page_limit = max(1, min(most if page_limit is None else int(page_limit), most))
        self.seen: dict[str, set[str]] = {}  #: job ids listed so far, per board

    @property
    def tracker(self) -> IncrementalTracker:
        """The board state (``JOBPIPE_STATE_DIR``); a no-op tracker when it is unset."""
        if self._tracker is None:
            self._tracker = IncrementalTracker.from_spider(self)
        return self._tracker

    def list_failed(self, failure: Failure) -> Iterator[Item]:
        """A list page failed: the board's stored state stays as it was."""
        board = failure.request.cb_kwargs["board"]  # type: ignore[attr-defined]
        item = self.failure_item(failure, board)
        self.tracker.board_failed(board, item.reason)
        yield item

    def parse_detail(
        self, response: Response, board: str, listed: dict[str, Any]
    ) -> Iterator[Item]:
        """One detail: the posting from list + detail; stored for reuse when it parsed."""
        jid = self.extract.job_id(listed)
        try:
            detail: dict[str, Any] | None = self.extract.parse_detail(response.body)
        except PayloadError as exc:
            yield self.payload_error(board, response, exc, prefix="detail_", source_job_id=jid)
            detail = None
        payload = {"list": listed, "detail": detail}
        item = self.build_posting(
            self.extract.posting_from_payload, board, payload, response.url, response.status
        )
        if detail is not None and isinstance(item, JobPostingItem):
            self.tracker.fetched(
                board, str(jid), response.meta.get("version", ""), listed, detail, item.fetched_at,
                response.url,
            )  # fmt: skip
        else:
            self.tracker.detail_failed(board, str(jid))
        yield item

    def detail_failed(self, failure: Failure) -> Iterator[Item]:
        """The detail is lost but the listed posting is not: keep it without detail fields."""
        request = failure.request  # type: ignore[attr-defined]
        board, listed = request.cb_kwargs["board"], request.cb_kwargs["listed"]
        jid = self.extract.job_id(listed)
        self.tracker.detail_failed(board, str(jid))
        yield self.failure_item(failure, board, source_job_id=jid)
        origin = SimpleNamespace(url=request.meta["list_url"], status=request.meta["list_status"])
        payload = {"list": listed, "detail": None}
        yield self.build_posting(
            self.extract.posting_from_payload, board, payload, origin.url, origin.status
        )
