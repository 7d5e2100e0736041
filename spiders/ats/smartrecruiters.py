"""SmartRecruiters spider: list pages (``limit=100&offset=N``), then one detail per posting.

``scrapy crawl smartrecruiters -a boards=HireVue,Ubisoft2 [-a base_url=...] [-a details=false]``

An unknown company answers 200 with ``totalFound: 0``, exactly like a company with no open
postings; such a board gets an ``empty_board`` error record so a wrong identifier is never
skipped silently. A failed detail keeps the listed posting (without description).

Incremental when ``JOBPIPE_STATE_DIR`` is set (see :mod:`spiders.incremental`): a posting whose
list entry (``releasedDate`` and a hash of the whole entry) is unchanged reuses its stored
detail. The list pages are always fetched; the tracker learns the board's ids after the last.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from spiders.ats.base import Item
from spiders.ats.detail import DetailSpider
from spiders.extract import PayloadError
from spiders.extract import smartrecruiters as sr
from spiders.extract.jsonpayload import load_json
from spiders.incremental import reused_payload, version_of

VERSION_KEY = "releasedDate"  #: list-level timestamp; the version also hashes the whole entry


class SmartRecruitersSpider(DetailSpider):
    name = "smartrecruiters"
    source = sr.SOURCE
    extract = sr
    default_base_url = sr.BASE_URL
    #: the list shows no update time: refresh stored details this old (spiders.incremental)
    detail_max_age_days = 7.0

    def page_request(self, board: str, offset: int) -> scrapy.Request:
        return scrapy.Request(
            sr.list_url(self.base_url, board, offset=offset, limit=self.page_limit),
            callback=self.parse_list,
            errback=self.list_failed,
            cb_kwargs={"board": board, "offset": offset},
        )

    async def start(self) -> Any:
        for board in self.boards:
            yield self.page_request(board, 0)

    def parse_list(
        self, response: Response, board: str, offset: int
    ) -> Iterator[Item | scrapy.Request]:
        try:
            data, _ = load_json(response.body)
            payloads = sr.payloads_from_list(data)
            total = sr.total_found(data)
        except PayloadError as exc:
            self.tracker.board_failed(board, exc.reason)
            yield self.payload_error(board, response, exc)
            return
        if offset == 0 and not payloads and total == 0:
            self.tracker.board_failed(board, "empty_board")
            yield self.error_item(
                board,
                response.url,
                "empty_board",
                "totalFound 0: no open postings, or an unknown company identifier "
                "(SmartRecruiters answers 200 either way); check the identifier",
                status=response.status,
            )
            return
        seen = self.seen.setdefault(board, set())
        new = 0
        for payload in payloads:
            jid = sr.job_id(payload["list"])
            if jid is None:
                self.tracker.incomplete(board)
                yield self.error_item(
                    board,
                    response.url,
                    "missing_id",
                    "a posting in the list has no usable 'id'",
                    status=response.status,
                    payload=payload["list"],
                )
                continue
            if jid in seen:
                continue  # shifted onto the next page while paging
            seen.add(jid)
            new += 1
            self.discovered += 1
            if not self.details:
                self.tracker.incomplete(board)
                yield self.build_posting(
                    sr.posting_from_payload, board, payload, response.url, response.status
                )
                continue
            version = version_of(payload["list"], VERSION_KEY)
            stored = self.tracker.reusable(board, jid, version)
            if stored is not None:
                payload = reused_payload(payload["list"], stored)
                yield self.build_posting(
                    sr.posting_from_payload, board, payload, response.url, response.status
                )
                continue
            self.tracker.expect(board, jid)
            yield scrapy.Request(
                sr.detail_url(self.base_url, board, jid),
                callback=self.parse_detail,
                errback=self.detail_failed,
                cb_kwargs={"board": board, "listed": payload["list"]},
                meta={"list_url": response.url, "list_status": response.status,
                      "version": version},
            )  # fmt: skip
        following = sr.next_offset(offset, len(payloads), total, limit=self.page_limit)
        if following is not None and payloads and not new:
            self.tracker.board_failed(board, "paging_loop")
            yield self.paging_stopped(board, response, "paging_loop", offset)
        elif following is not None:
            yield self.page_request(board, following)
        else:  # the last page: every posting of the board is listed and requested
            self.tracker.listed(board, sorted(seen), response.url)
            self.tracker.list_finished(board)
