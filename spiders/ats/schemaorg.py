"""Career-site spider: schema.org ``JobPosting`` markup (JSON-LD, microdata, RDFa).

``scrapy crawl schemaorg -a boards=careers.example.com,https://jobs.example.org/openings``

A board is a career site's domain (crawled from ``{base_url}/sitemap.xml``, ``base_url``
defaulting to ``https://{board}``; when that fails, from ``/careers`` then ``/jobs``) or an
absolute URL of a sitemap (``*.xml``/``*.xml.gz``) or of a listing page. From a sitemap (and
its child sitemaps) the spider follows job-like URLs on the site's domain; from a page without
a JobPosting it follows posting links on the same domain, up to :data:`MAX_DEPTH` pages deep.
Every page that should hold a posting but does not is an error record (``no_jobposting``),
never a silent skip.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from spiders.ats.base import BoardSpider, Item
from spiders.extract import PayloadError
from spiders.extract import schemaorg as so

MAX_DEPTH = 2  #: listing → posting, or sitemap → listing → posting
MAX_SITEMAP_DEPTH = 2  #: sitemap index → sitemap
FALLBACK_LISTINGS = ("/careers", "/jobs")  #: tried in turn when a site has no sitemap.xml


def is_sitemap(url: str) -> bool:
    return urlsplit(url).path.lower().endswith((".xml", ".xml.gz"))


def in_domain(url: str, domain: str) -> bool:
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    return host == domain or host.endswith("." + domain)


class SchemaOrgSpider(BoardSpider):
    name = "schemaorg"
    source = so.SOURCE
    default_base_url = "https://{board}"

    def start_url(self, board: str) -> str:
        if board.startswith(("http://", "https://")):
            return board
        root = self.base_url.replace("{board}", board)
        return f"{root}/sitemap.xml"

    async def start(self) -> Any:
        for token in self.boards:
            url = self.start_url(token)
            board = so.board_for(token) if token.startswith(("http://", "https://")) else token
            kwargs = {"board": board, "domain": so.board_for(url), "depth": 0}
            if is_sitemap(url):
                # a domain board without a sitemap falls back to its usual listing pages
                root = url[: -len("/sitemap.xml")]
                fallbacks = [] if url == token else [root + path for path in FALLBACK_LISTINGS]
                yield scrapy.Request(
                    url,
                    callback=self.parse_sitemap,
                    errback=self.start_failed,
                    cb_kwargs=kwargs,
                    meta={"fallbacks": fallbacks},
                    dont_filter=True,
                )
            else:
                yield scrapy.Request(
                    url,
                    callback=self.parse_page,
                    errback=self.list_failed,
                    cb_kwargs=kwargs,
                    dont_filter=True,
                )

    def start_failed(self, failure: Failure) -> Iterator[Item | scrapy.Request]:
        """The start page failed: try the next fallback listing page, else record the error.

        Only the first failure (the sitemap's) becomes an error record, once every fallback
        failed too; its detail names the pages tried.
        """
        request = failure.request  # type: ignore[attr-defined]
        fallbacks = list(request.meta.get("fallbacks") or [])
        first = request.meta.get("first_failure", failure)
        if not fallbacks:
            tried = request.meta.get("tried", [])
            item = self.failure_item(first, request.cb_kwargs["board"])
            if tried:
                item.detail += f"; fallback pages failed too: {', '.join(tried)}"
            yield item
            return
        url = fallbacks.pop(0)
        yield scrapy.Request(
            url,
            callback=self.parse_page,
            errback=self.start_failed,
            cb_kwargs=request.cb_kwargs,
            meta={
                "fallbacks": fallbacks,
                "first_failure": first,
                "tried": [*request.meta.get("tried", []), url],
            },
        )

    def parse_sitemap(
        self, response: Response, board: str, domain: str, depth: int
    ) -> Iterator[Item | scrapy.Request]:
        try:
            locs = so.links_from_sitemap(response.body)
        except PayloadError as exc:
            yield self.payload_error(board, response, exc, prefix="sitemap_")
            return
        local = [u for u in locs if in_domain(u, domain)]
        children = [u for u in local if is_sitemap(u)]
        pages = [
            u
            for u in local
            if not is_sitemap(u)
            and so.JOB_PATH.search(urlsplit(u).path)
            and not so.NOT_PAGES.search(urlsplit(u).path)
        ]
        if not children and not pages:
            yield self.error_item(
                board,
                response.url,
                "no_posting_links",
                f"the sitemap lists {len(locs)} URLs, none a job page on {domain}",
                status=response.status,
            )
            return
        if depth < MAX_SITEMAP_DEPTH:
            for url in children:
                yield scrapy.Request(
                    url,
                    callback=self.parse_sitemap,
                    errback=self.list_failed,
                    cb_kwargs={"board": board, "domain": domain, "depth": depth + 1},
                )
        for url in pages:
            yield self.page_request(url, board, domain, 1)

    def page_request(self, url: str, board: str, domain: str, depth: int) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=self.parse_page,
            errback=self.list_failed,
            cb_kwargs={"board": board, "domain": domain, "depth": depth},
        )

    def parse_page(
        self, response: Response, board: str, domain: str, depth: int
    ) -> Iterator[Item | scrapy.Request]:
        try:
            payloads = so.payloads_from_html(response.body, response.url)
            links = (
                []
                if payloads or depth >= MAX_DEPTH
                else so.posting_links(response.body, response.url, domain)
            )
        except PayloadError as exc:
            yield self.payload_error(board, response, exc)
            return
        if payloads:
            yield from self.postings_from(so, board, payloads, response)
            return
        if not links:
            yield self.error_item(
                board,
                response.url,
                "no_jobposting",
                "no schema.org JobPosting on the page and no posting links to follow",
                status=response.status,
                body=response.body,
            )
            return
        for url in links:
            yield self.page_request(url, board, domain, depth + 1)
