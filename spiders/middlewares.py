"""Retry with exponential backoff and ``Retry-After`` support.

Scrapy's stock RetryMiddleware re-queues failed requests at once; public job boards answer
429/503 precisely when they want us to wait. This subclass waits before handing the retry
back, without blocking other requests (the wait is an ``asyncio`` sleep).
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import time

from scrapy import Request, Spider
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.dupefilters import RFPDupeFilter
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.response import response_status_message


def retry_after_seconds(value: bytes | str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP-date)."""
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


def backoff_seconds(attempt: int, base: float, cap: float, rng: random.Random) -> float:
    """Full-jitter exponential backoff for retry number ``attempt`` (1-based)."""
    return min(cap, base * 2 ** (attempt - 1)) * (0.5 + rng.random() / 2)


class BackoffRetryMiddleware(RetryMiddleware):
    """RetryMiddleware that sleeps ``Retry-After`` or an exponential backoff before retrying."""

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.base = settings.getfloat("JOBPIPE_BACKOFF_BASE", 1.0)
        self.cap = settings.getfloat("JOBPIPE_BACKOFF_MAX", 60.0)
        self.rng = random.Random()

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        attempt = retry.meta.get("retry_times", 1)
        delay = retry_after_seconds(response.headers.get(b"Retry-After"))
        if delay is None:
            delay = backoff_seconds(attempt, self.base, self.cap, self.rng)
        delay = min(delay, self.cap)
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value("jobpipe/backoff_seconds", delay)
        await asyncio.sleep(delay)
        return retry


class RedirectAwareDupeFilter(RFPDupeFilter):
    """Never drop a redirect hop as a duplicate.

    Scrapy's duplicate filter silently discards a redirect back to an URL already requested
    (``A → A`` or ``A → B → A``), and the board's failure would go unrecorded. Letting redirect
    hops through makes ``REDIRECT_MAX_TIMES`` end the loop with an error the spider records.
    """

    def request_seen(self, request: Request) -> bool:
        if request.meta.get("redirect_times"):
            return False
        return super().request_seen(request)
