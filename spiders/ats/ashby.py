"""Ashby spider: one job-board request per board, with compensation; unlisted jobs dropped.

``scrapy crawl ashby -a boards=ramp,vanta [-a base_url=http://127.0.0.1:8000]``
"""

from __future__ import annotations

from spiders.ats.base import OneRequestSpider
from spiders.extract import ashby


class AshbySpider(OneRequestSpider):
    name = "ashby"
    source = ashby.SOURCE
    default_base_url = ashby.DEFAULT_BASE_URL
    extract = ashby
