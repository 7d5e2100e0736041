"""Workday spider: CXS list pages by POST (``limit`` ≤ 20), then one detail GET per posting.

``scrapy crawl workday -a boards=gdit/External_Career_Site,analogdevices/External@wd1
[-a base_url=...] [-a details=false]``

Board token: ``tenant/site``, optionally ``@wdN`` for the tenant's data center (default
``wd5``). The default ``base_url`` is ``https://{tenant}.{datacenter}.myworkdayjobs.com``;
placeholders are filled per board, and an override without them is used as is. Items carry
``tenant/site``. Paging follows the first page's ``total`` (later pages report 0). A failed
detail keeps the listed posting.

Incremental when ``JOBPIPE_STATE_DIR`` is set (see :mod:`spiders.incremental`): a posting whose
stable list fields (:data:`VERSION_FIELDS`; ``postedOn`` is relative text that changes daily)
hash as before reuses its stored detail. The list pages are always POSTed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import JsonRequest, Response

from spiders.ats.base import Item
from spiders.ats.detail import DetailSpider
from spiders.extract import PayloadError
from spiders.extract import workday as wd
from spiders.extract.jsonpayload import load_json
from spiders.incremental import reused_payload, version_of

DEFAULT_DATACENTER = "wd5"
MAX_OFFSET = 10_000  #: Workday stops serving pages far beyond this; also a loop guard
#: List fields a posting's version hashes (not ``postedOn``: "Posted 3 Days Ago" ages daily)
VERSION_FIELDS = ("title", "externalPath", "locationsText", "bulletFields", "remoteType")


def listed_version(listed: dict[str, Any]) -> str:
    """Version of a list entry: a hash of its stable fields."""
    return version_of({k: listed.get(k) for k in VERSION_FIELDS})


def parse_token(board: str) -> tuple[str, str, str]:
    """``"tenant/site[@wdN]"`` → ``(tenant, site, datacenter)``; ValueError otherwise."""
    token, _, datacenter = board.strip().partition("@")
    tenant, site = wd.parse_board(token)
    return tenant, site, datacenter.strip() or DEFAULT_DATACENTER


class WorkdaySpider(DetailSpider):
    name = "workday"
    source = wd.SOURCE
    extract = wd
    default_base_url = wd.BASE_URL_TEMPLATE
    #: the list shows no update time: refresh stored details this old (spiders.incremental)
    detail_max_age_days = 7.0

    def root_for(self, tenant: str, datacenter: str) -> str:
        return self.base_url.replace("{tenant}", tenant).replace("{datacenter}", datacenter)

    def page_request(self, ctx: dict[str, Any], offset: int, first_total: int | None) -> Any:
        return JsonRequest(
            wd.list_url(ctx["root"], ctx["tenant"], ctx["site"]),
            data=wd.list_body(offset, limit=self.page_limit),
            callback=self.parse_list,
            errback=self.list_failed,
            cb_kwargs={"board": ctx["board"], "ctx": ctx, "offset": offset,
                       "first_total": first_total},
            dont_filter=True,  # same URL, different body per page
        )  # fmt: skip

    async def start(self) -> Any:
        for board in self.boards:
            try:
                tenant, site, datacenter = parse_token(board)
            except ValueError as exc:
                self.tracker.board_failed(board, "bad_board_token")
                yield self.error_item(board, "", "bad_board_token", str(exc))
                continue
            ctx = {
                "board": f"{tenant}/{site}",
                "tenant": tenant,
                "site": site,
                "root": self.root_for(tenant, datacenter),
            }
            yield self.page_request(ctx, 0, None)

    def parse_list(
        self,
        response: Response,
        board: str,
        ctx: dict[str, Any],
        offset: int,
        first_total: int | None,
    ) -> Iterator[Item | scrapy.Request]:
        try:
            data, _ = load_json(response.body)
            payloads = wd.payloads_from_list(data)
            if offset == 0:
                first_total = wd.total(data)
        except PayloadError as exc:
            self.tracker.board_failed(board, exc.reason)
            yield self.payload_error(board, response, exc)
            return
        seen = self.seen.setdefault(board, set())
        new = 0
        for payload in payloads:
            listed = payload["list"]
            jid = wd.job_id(listed)
            if jid is None:
                self.tracker.incomplete(board)
                yield self.error_item(
                    board,
                    response.url,
                    "missing_id",
                    "a posting in the list has no 'externalPath'",
                    status=response.status,
                    payload=listed,
                )
                continue
            if jid in seen:
                continue  # shifted onto the next page while paging
            seen.add(jid)
            new += 1
            self.discovered += 1
            path = listed.get("externalPath")
            if not self.details or not isinstance(path, str) or not path.strip():
                self.tracker.incomplete(board)
                yield self.build_posting(
                    wd.posting_from_payload, board, payload, response.url, response.status
                )
                continue
            version = listed_version(listed)
            stored = self.tracker.reusable(board, jid, version)
            if stored is not None:
                yield self.build_posting(
                    wd.posting_from_payload, board, reused_payload(listed, stored),
                    response.url, response.status,
                )  # fmt: skip
                continue
            self.tracker.expect(board, jid)
            yield scrapy.Request(
                wd.detail_url(ctx["root"], ctx["tenant"], ctx["site"], path),
                callback=self.parse_detail,
                errback=self.detail_failed,
                cb_kwargs={"board": board, "listed": listed},
                meta={"list_url": response.url, "list_status": response.status,
                      "version": version},
            )  # fmt: skip
        following = wd.next_offset(offset, len(payloads), first_total, limit=self.page_limit)
        if following is not None and payloads and not new:
            self.tracker.board_failed(board, "paging_loop")
            yield self.paging_stopped(board, response, "paging_loop", offset)
        elif following is not None and following >= MAX_OFFSET:
            self.tracker.board_failed(board, "paging_capped")
            yield self.paging_stopped(board, response, "paging_capped", offset)
        elif following is not None:
            yield self.page_request(ctx, following, first_total)
        else:  # the last page: every posting of the board is listed and requested
            self.tracker.listed(board, sorted(seen), response.url)
            self.tracker.list_finished(board)
