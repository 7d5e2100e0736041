"""Item pipeline: the raw archive (bronze), one gzip JSON Lines file per crawl, atomically."""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from typing import IO, Any

import orjson
from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from spiders.items import CrawlErrorItem, JobPostingItem

#: Exception names of request failures → the reason recorded for them.
FAILURE_REASONS = {
    "TimeoutError": "timeout",
    "DownloadTimeoutError": "timeout",
    "TCPTimedOutError": "timeout",
    "ResponseNeverReceived": "connection_failed",
    "ConnectionRefusedError": "connection_refused",
    "ConnectionLost": "connection_lost",
    "ResponseFailed": "connection_lost",
    "DNSLookupError": "dns_lookup_failed",
}


def refine_reason(reason: str, detail: str) -> str:
    """A specific reason for generic request failures (size limits, redirect loops, timeouts)."""
    text = detail.lower()
    cancelled = ("ignored", "CancelledError", "DownloadCancelledError")
    if reason in cancelled and ("maxsize" in text or "max size" in text):
        return "response_too_large"
    if reason == "DownloadCancelledError" and not text.strip():
        return "response_too_large"  # Scrapy cancels a body mid-way only when it passes the cap
    if reason == "ignored" and "redirect" in text:
        return "redirect_loop"
    return FAILURE_REASONS.get(reason, reason)


class BronzeArchivePipeline:
    """Append every crawled item to ``JOBPIPE_BRONZE_PATH`` (``*.jsonl.gz``).

    Items stream into a hidden temp file beside the target; when the spider closes normally
    the temp file replaces the target, so a killed crawl never leaves a partial archive and a
    re-crawl of the same date replaces the earlier one whole.
    """

    def __init__(self, path: Path, crawler: Crawler) -> None:
        self.path = path
        self.tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        self.crawler = crawler
        self.fh: IO[bytes] | None = None
        self.counts = {"posting": 0, "error": 0}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BronzeArchivePipeline:
        path = crawler.settings.get("JOBPIPE_BRONZE_PATH")
        if not path:
            raise NotConfigured("JOBPIPE_BRONZE_PATH not set: items are not archived")
        return cls(Path(path), crawler)

    def open_spider(self, spider: Spider | None = None) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fh = gzip.open(self.tmp, "wb", compresslevel=6)  # noqa: SIM115 - closed in close_spider

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        if isinstance(item, CrawlErrorItem):
            reason = refine_reason(item.reason, item.detail or "")
            if reason == "response_too_large" and not (item.detail or "").strip():
                item.detail = "body passed DOWNLOAD_MAXSIZE while downloading; download cancelled"
            item.reason = reason
        if isinstance(item, (JobPostingItem, CrawlErrorItem)):
            record = item.to_bronze()
            assert self.fh is not None
            self.fh.write(orjson.dumps(record) + b"\n")
            self.counts[record["record_type"]] += 1
        return item

    def close_spider(self, spider: Spider | None = None) -> None:
        if self.fh is None:
            return
        self.fh.close()
        reason = self.crawler.stats.get_value("finish_reason") if self.crawler.stats else None
        if reason not in (None, "finished"):
            # Shutdown or crash: keep whatever archive the date already had.
            self.tmp.unlink(missing_ok=True)
            return
        with open(self.tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(self.tmp, self.path)
