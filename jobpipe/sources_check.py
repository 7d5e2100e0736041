"""``jobpipe sources check``: request each board's list endpoint and say which ones answer.

Requests run in a bounded thread pool with a timeout and a capped body size; a board answers
when its list endpoint returns HTTP 200 with a body its platform's list parser accepts.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from typing import Any

from jobpipe.registry import BoardRef, Registry, RegistryError
from spiders.extract import PayloadError

MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class ListRequest:
    method: str
    url: str
    body: bytes | None = None
    parse: Callable[[bytes], int | None] | None = None  #: body → number of jobs listed


@dataclass(frozen=True)
class CheckResult:
    ref: BoardRef
    url: str
    ok: bool
    status: int | None
    jobs: int | None
    seconds: float
    error: str | None = None


def _platform_default(source: str) -> str:
    """The API root the extractor modules document, for sources without a registered one."""
    from spiders.extract import ashby, lever, personio, recruitee, smartrecruiters, workable

    defaults = {
        "lever": lever.DEFAULT_BASE_URL,
        "ashby": ashby.DEFAULT_BASE_URL,
        "smartrecruiters": smartrecruiters.BASE_URL,
        "workable": workable.BASE_URL,
        "recruitee": recruitee.DEFAULT_BASE_URL,
        "personio": personio.DEFAULT_BASE_URL,
    }
    if source not in defaults:
        raise RegistryError(f"no API root known for {source!r}: set base_urls in the registry")
    return defaults[source]


def _counter(fn: Callable[[bytes], Any]) -> Callable[[bytes], int | None]:
    return lambda body: len(fn(body))


def list_request(ref: BoardRef, base: str) -> ListRequest:
    """The cheapest request that proves ``ref``'s board exists and answers."""
    from spiders.extract import (
        ashby,
        greenhouse,
        lever,
        personio,
        recruitee,
        smartrecruiters,
        workable,
        workday,
    )

    s, b = ref.source, ref.board
    if s == "greenhouse":
        return ListRequest("GET", f"{base.rstrip('/')}/v1/boards/{b}/jobs",
                           parse=_counter(greenhouse.parse_jobs_list))  # fmt: skip
    if s == "lever":
        return ListRequest("GET", lever.list_url(base, b, limit=1), None,
                           _counter(lever.payloads_from_list))  # fmt: skip
    if s == "ashby":
        return ListRequest("GET", ashby.list_url(base, b, include_compensation=False), None,
                           _counter(ashby.payloads_from_list))  # fmt: skip
    if s == "smartrecruiters":
        return ListRequest("GET", smartrecruiters.list_url(base, b, limit=1), None,
                           smartrecruiters.total_found)  # fmt: skip
    if s == "workable":
        return ListRequest("GET", workable.list_url(base, b), None,
                           _counter(workable.payloads_from_list))  # fmt: skip
    if s == "workday":
        tenant, site = workday.parse_board(b)
        body = json.dumps(workday.list_body(0, limit=1)).encode()
        return ListRequest("POST", workday.list_url(base, tenant, site), body, workday.total)
    if s == "recruitee":
        return ListRequest("GET", recruitee.list_url(base, b), None,
                           _counter(recruitee.payloads_from_list))  # fmt: skip
    if s == "personio":
        return ListRequest("GET", personio.list_url(base, b), None,
                           _counter(personio.payloads_from_list))  # fmt: skip
    if s == "schemaorg":
        return ListRequest("GET", ref.url or f"https://{b}/")
    raise RegistryError(f"cannot check source {s!r}")


def _fetch(req: ListRequest, user_agent: str, timeout: float) -> tuple[int, bytes]:
    headers = {"User-Agent": user_agent, "Accept": "application/json, text/xml, text/html"}
    if req.body is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(req.url, data=req.body, headers=headers, method=req.method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            return resp.status, resp.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(4096)


def check_board(ref: BoardRef, base: str, *, user_agent: str, timeout: float = 10.0) -> CheckResult:
    """Request one board's list endpoint; never raises."""
    started = time.monotonic()
    url = base
    try:
        req = list_request(ref, base)
        url = req.url
        status, body = _fetch(req, user_agent, timeout)
    except (RegistryError, ValueError) as exc:
        return CheckResult(ref, url, False, None, None, time.monotonic() - started, str(exc))
    except (OSError, urllib.error.URLError) as exc:
        reason = getattr(exc, "reason", exc)
        return CheckResult(ref, url, False, None, None, time.monotonic() - started,
                           f"{type(exc).__name__}: {reason}")  # fmt: skip
    elapsed = time.monotonic() - started
    if status != 200:
        return CheckResult(ref, url, False, status, None, elapsed, f"HTTP {status}")
    if len(body) > MAX_BYTES:
        return CheckResult(ref, url, False, status, None, elapsed, "response over 20 MB")
    if req.parse is None:
        return CheckResult(ref, url, True, status, None, elapsed)
    try:
        jobs = req.parse(body)
    except PayloadError as exc:
        return CheckResult(ref, url, False, status, None, elapsed, f"{exc.reason}: {exc.detail}")
    return CheckResult(ref, url, True, status, jobs, elapsed)


def check_registry(
    registry: Registry,
    day: date,
    *,
    user_agent: str,
    timeout: float = 10.0,
    workers: int = 8,
) -> list[CheckResult]:
    """Check every board, at most ``workers`` requests at a time; results in registry order."""

    def one(ref: BoardRef) -> CheckResult:
        try:
            try:
                base = registry.board_base_url(ref, day)
            except RegistryError:
                base = _platform_default(ref.source)
        except RegistryError as exc:
            return CheckResult(ref, "", False, None, None, 0.0, str(exc))
        return check_board(ref, base, user_agent=user_agent, timeout=timeout)

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return list(pool.map(one, registry.boards))
