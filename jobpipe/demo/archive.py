"""A demo board's postings as each spider archives them, rendered in process (no server).

For every wire format this renders the board's responses with the demo renderer, parses them
with the platform's pure extraction functions exactly as its spider does, and returns the
archived payloads: what ``jobpipe coverage`` measures the demo board on, per format.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import orjson

from jobpipe.demo import ashby as demo_ashby
from jobpipe.demo import greenhouse as demo_gh
from jobpipe.demo import lever as demo_lever
from jobpipe.demo import personio as demo_personio
from jobpipe.demo import recruitee as demo_recruitee
from jobpipe.demo import schemaorg as demo_so
from jobpipe.demo import smartrecruiters as demo_sr
from jobpipe.demo import workable as demo_workable
from jobpipe.demo import workday as demo_wd
from jobpipe.demo.homes import source_board
from jobpipe.demo.market import Market
from spiders.extract import (
    ashby,
    lever,
    personio,
    recruitee,
    schemaorg,
    smartrecruiters,
    workable,
    workday,
)

SITE = "http://127.0.0.1/careers"  #: the demo career site's root, as the payloads record it
Payloads = Iterator[tuple[Any, str]]  #: (archived payload, request URL)


def _greenhouse(market: Market, board: str, day: date) -> Payloads:
    for posting in market.postings(board, day):
        detail = demo_gh.job_detail(market, board, posting.job_id, day, pay_transparency=True)
        yield {"list": None, "detail": detail}, f"/v1/boards/{board}/jobs/{posting.job_id}"


def _lever(market: Market, board: str, day: date) -> Payloads:
    body = orjson.dumps(demo_lever.postings_page(market, board, day, 0, 10_000))
    for payload in lever.payloads_from_list(body):
        yield payload, f"/v0/postings/{board}?mode=json"


def _ashby(market: Market, board: str, day: date) -> Payloads:
    body = orjson.dumps(demo_ashby.job_board(market, board, day))
    for payload in ashby.payloads_from_list(body):
        yield payload, f"/posting-api/job-board/{board}?includeCompensation=true"


def _smartrecruiters(market: Market, board: str, day: date) -> Payloads:
    page = orjson.dumps(demo_sr.postings_list(market, board, day))
    for payload in smartrecruiters.payloads_from_list(page):
        pid = payload["list"]["id"]
        detail = orjson.dumps(demo_sr.posting_detail(market, board, pid, day))
        payload["detail"] = smartrecruiters.parse_detail(detail)
        yield payload, f"/v1/companies/{board}/postings/{pid}"


def _workable(market: Market, board: str, day: date) -> Payloads:
    body = orjson.dumps(demo_workable.account(market, board, day))
    for payload in workable.payloads_from_list(body):
        yield payload, f"/api/v1/widget/accounts/{board}?details=true"


def _workday(market: Market, board: str, day: date) -> Payloads:
    site = demo_wd.site_for(board)
    for offset in range(0, len(market.postings(board, day)), demo_wd.PAGE_MAX):
        _, page = demo_wd.jobs_page(market, board, day, {"limit": 20, "offset": offset})
        for payload in workday.payloads_from_list(orjson.dumps(page)):
            path = payload["list"]["externalPath"]
            detail = demo_wd.job_detail(market, board, site, path, day)
            payload["detail"] = workday.parse_detail(orjson.dumps(detail))
            yield payload, f"https://{board}.wd5.myworkdayjobs.com/wday/cxs/{board}/{site}{path}"


def _recruitee(market: Market, board: str, day: date) -> Payloads:
    body = orjson.dumps(demo_recruitee.offers(market, board, day))
    for payload in recruitee.payloads_from_list(body):
        yield payload, "/api/offers/"


def _personio(market: Market, board: str, day: date) -> Payloads:
    for payload in personio.payloads_from_list(demo_personio.feed(market, board, day)):
        yield payload, "/xml?language=en"


def _schemaorg(market: Market, board: str, day: date) -> Payloads:
    site = f"{SITE}/{board}"
    for posting in market.postings(board, day):
        path = demo_so.page_path(posting)
        page = demo_so.job_page(market, board, path.rsplit("/", 1)[-1], day, site)
        for payload in schemaorg.payloads_from_html(page or b"", f"{site}{path}"):
            yield payload, f"{site}{path}"


RENDERERS: dict[str, Callable[[Market, str, date], Payloads]] = {
    "greenhouse": _greenhouse,
    "lever": _lever,
    "ashby": _ashby,
    "smartrecruiters": _smartrecruiters,
    "workable": _workable,
    "workday": _workday,
    "recruitee": _recruitee,
    "personio": _personio,
    "schemaorg": _schemaorg,
}


def archived_payloads(market: Market, source: str, board: str, day: date) -> Payloads:
    """``(payload, request URL)`` for every posting of ``board`` as the ``source`` spider
    archives it, with the board token that spider uses (``source_board``)."""
    return RENDERERS[source](market, board, day)


def board_token(source: str, board: str) -> str:
    return source_board(source, board)
