"""Workable spider: one widget-account request per board (``details=true``).

A job listed once per location (same ``shortcode``) becomes one posting with every location
(see :func:`spiders.extract.workable.payloads_from_list`).

``scrapy crawl workable -a boards=crewai,zaelab [-a base_url=http://127.0.0.1:8000]``
"""

from __future__ import annotations

from spiders.ats.base import OneRequestSpider
from spiders.extract import workable


class WorkableSpider(OneRequestSpider):
    name = "workable"
    source = workable.SOURCE
    default_base_url = workable.BASE_URL
    extract = workable
