"""Scrapy settings: polite by default. Override per run with ``-s NAME=VALUE``."""

from jobpipe.config import DEFAULT_USER_AGENT

BOT_NAME = "jobpipe"
SPIDER_MODULES = ["spiders.ats"]
NEWSPIDER_MODULE = "spiders.ats"

USER_AGENT = DEFAULT_USER_AGENT
ROBOTSTXT_OBEY = True

# Politeness and bounds.
CONCURRENT_REQUESTS = 32
CONCURRENT_REQUESTS_PER_DOMAIN = 8
# Not 0: in Scrapy 2.19 (asyncio reactor) a slot with zero delay hands its whole queue to the
# downloader at once, ignoring CONCURRENT_REQUESTS_PER_DOMAIN (measured: 12 parallel requests
# with a limit of 3; see tests/test_spider_politeness.py). Any positive delay restores the limit.
DOWNLOAD_DELAY = 0.001
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 30
AUTOTHROTTLE_TARGET_CONCURRENCY = 4.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
REDIRECT_MAX_TIMES = 5
DUPEFILTER_CLASS = "spiders.middlewares.RedirectAwareDupeFilter"  # redirect loops are errors

# Retries with exponential backoff that honours Retry-After (see spiders.middlewares).
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
JOBPIPE_BACKOFF_BASE = 1.0  # seconds; the n-th retry waits base * 2**(n-1), jittered
JOBPIPE_BACKOFF_MAX = 60.0  # cap for computed and Retry-After delays
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "spiders.middlewares.BackoffRetryMiddleware": 550,
}

ITEM_PIPELINES = {"spiders.pipelines.BronzeArchivePipeline": 300}
EXTENSIONS = {"spiders.progress.ProgressReporter": 500}

# Where the bronze pipeline writes (set by jobpipe's crawl step, or by hand with -s).
JOBPIPE_BRONZE_PATH = ""
JOBPIPE_PROGRESS = False

HTTPCACHE_ENABLED = False
TELNETCONSOLE_ENABLED = False
# Scrapy re-parses a callback's source for every response (bound methods miss its cache):
# ~2.5 ms of CPU per response. Our callbacks are tested; skip the check.
WARN_ON_GENERATOR_RETURN_VALUE = False
REMOTE_CONTROL_ENABLED = False  # Scrapy 2.19 otherwise opens an HTTP control port per crawl
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
