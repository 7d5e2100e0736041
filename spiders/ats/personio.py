"""Personio spider: the XML job feed (``GET /xml?language=en``) on each company's host.

The feed is parsed with defusedxml (no DTDs, entities or network access: see
:mod:`spiders.extract.personio`). ``base_url`` may contain ``{board}`` (default
``https://{board}.jobs.personio.de``).

``scrapy crawl personio -a boards=clark [-a base_url=http://127.0.0.1:8765/d/2026-11-01/personio/{board}]``
"""

from __future__ import annotations

from spiders.ats.base import OneRequestSpider
from spiders.extract import personio


class PersonioSpider(OneRequestSpider):
    name = "personio"
    source = personio.SOURCE
    default_base_url = personio.DEFAULT_BASE_URL
    extract = personio
