"""Extension that prints machine-readable progress lines for jobpipe's progress bar."""

from __future__ import annotations

import sys
import time
from typing import Any

import orjson
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from spiders.items import CrawlErrorItem

PREFIX = "@@jobpipe-progress "


class ProgressReporter:
    """Progress lines on stdout (``JOBPIPE_PROGRESS``) and final stats (``JOBPIPE_STATS_PATH``).

    Lines look like ``@@jobpipe-progress {json}``.

    Spiders announce how many jobs they discovered with ``spider.discovered``; the line
    carries jobs discovered, postings scraped and errors, throttled to ~10 lines a second.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.postings = 0
        self.errors = 0
        self.last = 0.0
        self.enabled = False
        self.stats_path: str | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressReporter:
        if not (
            crawler.settings.getbool("JOBPIPE_PROGRESS")
            or crawler.settings.get("JOBPIPE_STATS_PATH")
        ):
            raise NotConfigured
        ext = cls(crawler)
        ext.enabled = crawler.settings.getbool("JOBPIPE_PROGRESS")
        ext.stats_path = crawler.settings.get("JOBPIPE_STATS_PATH") or None
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def _emit(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self.last < 0.1:
            return
        self.last = now
        spider = self.crawler.spider
        state: dict[str, Any] = {
            "discovered": getattr(spider, "discovered", 0),
            "postings": self.postings,
            "errors": self.errors,
        }
        sys.stdout.write(PREFIX + orjson.dumps(state).decode() + "\n")
        sys.stdout.flush()

    def item_scraped(self, item: Any, **_: Any) -> None:
        if isinstance(item, CrawlErrorItem):
            self.errors += 1
        else:
            self.postings += 1
        self._emit()

    def spider_closed(self, **_: Any) -> None:
        self._emit(force=True)
        if self.stats_path and self.crawler.stats is not None:
            stats = self.crawler.stats.get_stats()
            with open(self.stats_path, "wb") as fh:
                fh.write(orjson.dumps(stats, default=str, option=orjson.OPT_NON_STR_KEYS))
