"""Routes serving the demo market in every supported wire format (besides Greenhouse).

Every path may carry the ``/d/{YYYY-MM-DD}`` day prefix, like the Greenhouse routes:

- Lever: ``GET /v0/postings/{site}?mode=json&skip=N&limit=M``
- Ashby: ``GET /posting-api/job-board/{board}[?includeCompensation=true]``
- SmartRecruiters: ``GET /v1/companies/{company}/postings[?limit&offset]`` and
  ``GET /v1/companies/{company}/postings/{id}``
- Workable: ``GET /api/v1/widget/accounts/{account}[?details=true]``
- Workday: ``POST /wday/cxs/{tenant}/{site}/jobs`` and ``GET /wday/cxs/{tenant}/{site}/job/...``
- Recruitee (one host per company in production): ``GET /recruitee/{board}/api/offers/``
- Personio (likewise): ``GET /personio/{board}/xml``
- schema.org career site: ``GET /careers/{board}/sitemap.xml``, ``/careers/{board}/jobs``,
  ``/careers/{board}/jobs/{id}-{slug}``

Board-level faults (see :data:`jobpipe.demo.server.FAULT_KINDS`) apply to a board's list
request in every format; ``not_found`` and ``html_instead_of_json`` to every request.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

import orjson

from jobpipe.demo import ashby, lever, personio, recruitee, schemaorg, smartrecruiters, workable
from jobpipe.demo import workday as wd

if TYPE_CHECKING:
    from jobpipe.demo.server import DemoApp, Response

XML_TYPE = "application/xml; charset=utf-8"
HTML_TYPE = "text/html; charset=utf-8"
NOT_FOUND_PAGE = b"<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>"
_PREFIX = re.compile(r"^/d/(?P<day>[^/]+)(?P<rest>/.*)$")


def _int(query: dict[str, list[str]], name: str, default: int) -> int:
    try:
        return int(query.get(name, [str(default)])[-1])
    except ValueError:
        return default


class Request:
    """What a route needs to answer: the app, the day, the query, the body, the site URL."""

    def __init__(self, app: DemoApp, day: date, query: str, body: bytes, root: str) -> None:
        self.app, self.day, self.body, self.root = app, day, body, root
        self.query = parse_qs(query)
        self.market = app.market

    def response(self, status: int, body: Any, content_type: str | None = None) -> Response:
        from jobpipe.demo.server import JSON_TYPE, Response

        data = body if isinstance(body, bytes) else orjson.dumps(body)
        return Response(status, data, content_type or JSON_TYPE)

    def known(self, board: str) -> bool:
        return board in self.app._tokens

    def fault(self, board: str, listing: bool) -> Response | None:
        """The injected fault's response for this board's request, if any fires."""
        from jobpipe.demo.server import SLOW_SECONDS, Response

        kind = self.app.faults.get(board)
        early = self.app._board_fault(kind)
        if early is not None or not listing:
            return early
        if kind == "error_500_once" and self.app._fire_once(board):
            return self.response(500, {"status": 500, "error": "Internal Server Error"})
        if kind == "rate_limit_429_once" and self.app._fire_once(board):
            return Response(429, b'{"status":429,"error":"Too Many Requests"}',
                            headers={"Retry-After": "1"})  # fmt: skip
        if kind == "slow":
            time.sleep(SLOW_SECONDS)
        return None

    def listed(
        self, board: str, status: int, body: Any, content_type: str | None = None
    ) -> Response:
        """A list answer, cut in half under the ``truncated_json`` fault."""
        response = self.response(status, body, content_type)
        if self.app.faults.get(board) == "truncated_json":
            response.body = response.body[: len(response.body) // 2]
        return response


Handler = Callable[..., "Response"]


def _lever(r: Request, site: str) -> Response:
    if not r.known(site):
        return r.response(404, {"ok": False, "error": "Document not found"})
    if (f := r.fault(site, True)) is not None:
        return f
    skip, limit = _int(r.query, "skip", 0), _int(r.query, "limit", 100)
    return r.listed(site, 200, lever.postings_page(r.market, site, r.day, skip, limit))


def _ashby(r: Request, board: str) -> Response:
    if not r.known(board):
        return r.response(404, {"success": False, "errors": ["Job board not found"]})
    if (f := r.fault(board, True)) is not None:
        return f
    comp = r.query.get("includeCompensation", ["false"])[-1].lower() == "true"
    return r.listed(board, 200, ashby.job_board(r.market, board, r.day, comp))


def _sr_list(r: Request, company: str) -> Response:
    if r.known(company) and (f := r.fault(company, True)) is not None:
        return f
    offset, limit = _int(r.query, "offset", 0), _int(r.query, "limit", 10)
    body = smartrecruiters.postings_list(r.market, company, r.day, offset, limit)
    return r.listed(company, 200, body)


def _sr_detail(r: Request, company: str, pid: str) -> Response:
    if r.known(company) and (f := r.fault(company, False)) is not None:
        return f
    found = None
    if r.known(company):
        found = smartrecruiters.posting_detail(r.market, company, pid, r.day)
    if found is None:
        return r.response(404, smartrecruiters.not_found(company, pid))
    return r.response(200, found)


def _workable(r: Request, account: str) -> Response:
    if not r.known(account):
        return r.response(404, {"error": "Not found"})
    if (f := r.fault(account, True)) is not None:
        return f
    details = r.query.get("details", ["false"])[-1].lower() == "true"
    return r.listed(account, 200, workable.account(r.market, account, r.day, details))


def _workday_jobs(r: Request, tenant: str, site: str) -> Response:
    if not r.known(tenant) or site != wd.site_for(tenant):
        return r.response(404, wd.not_found())
    if (f := r.fault(tenant, True)) is not None:
        return f
    try:
        body = orjson.loads(r.body) if r.body else None
    except orjson.JSONDecodeError:
        body = None
    status, answer = wd.jobs_page(r.market, tenant, r.day, body)
    return r.listed(tenant, status, answer)


def _workday_detail(r: Request, tenant: str, site: str, path: str) -> Response:
    if not r.known(tenant) or site != wd.site_for(tenant):
        return r.response(404, wd.not_found())
    if (f := r.fault(tenant, False)) is not None:
        return f
    found = wd.job_detail(r.market, tenant, site, path, r.day)
    return r.response(200, found) if found is not None else r.response(404, wd.not_found())


def _recruitee(r: Request, board: str) -> Response:
    if not r.known(board):
        return r.response(404, {"error": "Not found"})
    if (f := r.fault(board, True)) is not None:
        return f
    return r.listed(board, 200, recruitee.offers(r.market, board, r.day))


def _personio(r: Request, board: str) -> Response:
    if not r.known(board):
        return r.response(404, NOT_FOUND_PAGE, HTML_TYPE)
    if (f := r.fault(board, True)) is not None:
        return f
    return r.listed(board, 200, personio.feed(r.market, board, r.day), XML_TYPE)


def _site(r: Request, board: str) -> str:
    return f"{r.root}/careers/{board}"


def _sitemap(r: Request, board: str) -> Response:
    if not r.known(board):
        return r.response(404, NOT_FOUND_PAGE, HTML_TYPE)
    if (f := r.fault(board, True)) is not None:
        return f
    body = schemaorg.sitemap(r.market, board, r.day, _site(r, board))
    return r.listed(board, 200, body, XML_TYPE)


def _listing(r: Request, board: str) -> Response:
    if not r.known(board):
        return r.response(404, NOT_FOUND_PAGE, HTML_TYPE)
    if (f := r.fault(board, False)) is not None:
        return f
    page = schemaorg.listing_page(r.market, board, r.day, _site(r, board))
    return r.response(200, page, HTML_TYPE)


def _job_page(r: Request, board: str, name: str) -> Response:
    if not r.known(board):
        return r.response(404, NOT_FOUND_PAGE, HTML_TYPE)
    if (f := r.fault(board, False)) is not None:
        return f
    page = schemaorg.job_page(r.market, board, name, r.day, _site(r, board))
    return (
        r.response(404, NOT_FOUND_PAGE, HTML_TYPE)
        if page is None
        else r.response(200, page, HTML_TYPE)
    )


_SEG = r"[^/]+"
ROUTES: tuple[tuple[str, re.Pattern[str], Handler], ...] = (
    ("GET", re.compile(rf"^/v0/postings/({_SEG})/?$"), _lever),
    ("GET", re.compile(rf"^/posting-api/job-board/({_SEG})/?$"), _ashby),
    ("GET", re.compile(rf"^/v1/companies/({_SEG})/postings/?$"), _sr_list),
    ("GET", re.compile(rf"^/v1/companies/({_SEG})/postings/({_SEG})/?$"), _sr_detail),
    ("GET", re.compile(rf"^/api/v1/widget/accounts/({_SEG})/?$"), _workable),
    ("POST", re.compile(rf"^/wday/cxs/({_SEG})/({_SEG})/jobs/?$"), _workday_jobs),
    ("GET", re.compile(rf"^/wday/cxs/({_SEG})/({_SEG})(/job/.+)$"), _workday_detail),
    ("GET", re.compile(rf"^/recruitee/({_SEG})/api/offers/?$"), _recruitee),
    ("GET", re.compile(rf"^/personio/({_SEG})/xml/?$"), _personio),
    ("GET", re.compile(rf"^/careers/({_SEG})/sitemap\.xml$"), _sitemap),
    ("GET", re.compile(rf"^/careers/({_SEG})/jobs/?$"), _listing),
    ("GET", re.compile(rf"^/careers/({_SEG})/jobs/({_SEG})$"), _job_page),
)


def route(
    app: DemoApp, method: str, path: str, query: str, body: bytes, host: str | None
) -> Response | None:
    """The response for a request in one of these formats, or None when no route matches."""
    day_text, rest = None, path
    if (m := _PREFIX.match(path)) is not None:
        day_text, rest = m["day"], m["rest"]
    for verb, pattern, handler in ROUTES:
        match = pattern.match(rest)
        if match is None:
            continue
        from jobpipe.demo.server import _error

        if (method if method != "HEAD" else "GET") != verb:
            return _error(405, f"use {verb} for this endpoint")
        day = app._day(day_text)
        if day is None:
            return _error(400, f"Invalid date: {day_text!r}")
        root = f"http://{host or '127.0.0.1'}" + (f"/d/{day_text}" if day_text else "")
        return handler(Request(app, day, query, body, root), *match.groups())
    return None
