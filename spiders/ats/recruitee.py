"""Recruitee spider: ``GET /api/offers/`` on each company's careers host.

``base_url`` may contain ``{board}`` (the default is ``https://{board}.recruitee.com``); an
override without it is used as is for every board.

``scrapy crawl recruitee -a boards=channable [-a base_url=http://127.0.0.1:8765/d/2026-11-01/recruitee/{board}]``
"""

from __future__ import annotations

from spiders.ats.base import OneRequestSpider
from spiders.extract import recruitee


class RecruiteeSpider(OneRequestSpider):
    name = "recruitee"
    source = recruitee.SOURCE
    default_base_url = recruitee.DEFAULT_BASE_URL
    extract = recruitee
