"""Lever spider: the postings list, paged with ``skip``/``limit`` until a short page.

``scrapy crawl lever -a boards=spotify,veeva@eu [-a base_url=...] [-a page_limit=100]``

A board token ``site@eu`` is fetched from Lever's EU host (``https://api.eu.lever.co``)
unless ``base_url`` is overridden; items carry the bare ``site``. A page that only repeats
postings already seen (a server ignoring ``skip``) stops the board with a ``paging_loop`` error
instead of looping.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from spiders.ats.base import BoardSpider, Item
from spiders.extract import PayloadError, lever


class LeverSpider(BoardSpider):
    name = "lever"
    source = lever.SOURCE
    default_base_url = lever.DEFAULT_BASE_URL

    def __init__(self, *args: Any, page_limit: str | int = lever.PAGE_LIMIT, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.page_limit = max(1, int(page_limit))
        self.seen: dict[str, set[str]] = {}

    def root_for(self, board: str) -> tuple[str, str]:
        """``(site, API root)`` for a board token (``site`` or ``site@eu``)."""
        site, _, region = board.partition("@")
        if region.lower() == "eu" and self.base_url == lever.DEFAULT_BASE_URL:
            return site, lever.EU_BASE_URL
        return site, self.base_url

    def page_request(self, site: str, root: str, skip: int) -> scrapy.Request:
        return scrapy.Request(
            lever.list_url(root, site, skip=skip, limit=self.page_limit),
            callback=self.parse_page,
            errback=self.list_failed,
            cb_kwargs={"board": site, "root": root, "skip": skip},
        )

    async def start(self) -> Any:
        for board in self.boards:
            site, root = self.root_for(board)
            yield self.page_request(site, root, 0)

    def parse_page(
        self, response: Response, board: str, root: str, skip: int
    ) -> Iterator[Item | scrapy.Request]:
        try:
            payloads = lever.payloads_from_list(response.body)
        except PayloadError as exc:
            yield self.payload_error(board, response, exc)
            return
        seen = self.seen.setdefault(board, set())
        fresh = [p for p in payloads if lever.job_id(p) is None or lever.job_id(p) not in seen]
        if payloads and not fresh:
            yield self.paging_stopped(board, response, "paging_loop", skip)
            return
        seen.update(i for p in fresh if (i := lever.job_id(p)) is not None)
        yield from self.postings_from(lever, board, fresh, response)
        if len(payloads) >= self.page_limit:
            yield self.page_request(board, root, skip + len(payloads))
