"""Helpers shared by the demo wire-format renderers: stable ids, slugs, sections, labels."""

from __future__ import annotations

import hashlib
import html
import re
import uuid
from datetime import date, datetime
from functools import lru_cache

from jobpipe.demo import vocab as V
from jobpipe.demo.market import DemoLocation, DemoPosting

_SECTION = re.compile(r"<h(?P<n>[23])>(?:<strong>)?(?P<title>.*?)(?:</strong>)?</h(?P=n)>", re.S)
_INTRO = re.compile(r'^\s*<div class="content-intro">.*?</div>', re.S)
_TAG = re.compile(r"<[^>]+>")


def stable_hash(*parts: object) -> bytes:
    """16 bytes derived from ``parts`` (never Python's ``hash()``: stable across processes)."""
    return hashlib.blake2b(":".join(map(str, parts)).encode(), digest_size=16).digest()


def stable_uuid(*parts: object) -> str:
    """A UUID-shaped id for a posting (Lever and Ashby ids look like this)."""
    return str(uuid.UUID(bytes=stable_hash(*parts), version=4))


def stable_code(*parts: object, length: int = 10) -> str:
    """Upper-case hex code (Workable shortcodes look like ``DD136DD7E7``)."""
    return stable_hash(*parts).hex()[:length].upper()


def slug(text: str) -> str:
    """``"Senior Engineer (m/w/d)"`` → ``"senior-engineer-m-w-d"`` (ASCII, lower case)."""
    from jobpipe.demo.market import slugify

    return slugify(text) or "job"


@lru_cache(maxsize=16_384)
def plain_text(fragment: str) -> str:
    """HTML → plain text with paragraph breaks (what ATSs send as ``*Plain`` fields)."""
    text = re.sub(r"</(p|div|h\d|li|ul)>|<br\s*/?>", "\n", fragment)
    text = html.unescape(_TAG.sub("", text))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


@lru_cache(maxsize=16_384)
def sections(description_html: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Split a demo description at its headings: ``(intro, [(title, html), ...])``.

    The intro is the company blurb (``content-intro``) and anything before the next heading.
    """
    blurb = _INTRO.match(description_html)
    start = blurb.end() if blurb else 0
    found = list(_SECTION.finditer(description_html, start))
    if not found:
        return description_html, ()
    intro = description_html[: found[0].start()].strip()
    out = []
    for i, match in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(description_html)
        title = html.unescape(_TAG.sub("", match["title"])).strip()
        out.append((title, description_html[match.end() : end].strip()))
    return intro, tuple(out)


def country_name(location: DemoLocation) -> str | None:
    country = V.COUNTRIES.get(location.country_code)
    return country.name if country else None


def region_name(location: DemoLocation) -> str | None:
    city = V.CITY_INDEX.get((location.country_code, location.city))
    return city.region_name if city is not None else None


def is_remote(location: DemoLocation) -> bool:
    return not location.city


def day_text(moment: datetime | date) -> str:
    return moment.strftime("%Y-%m-%d")


def posted_on(first_published: datetime, day: date) -> str:
    """Workday's relative ``postedOn`` text as of ``day``."""
    days = (day - first_published.date()).days
    if days <= 0:
        return "Posted Today"
    if days == 1:
        return "Posted Yesterday"
    return "Posted 30+ Days Ago" if days > 30 else f"Posted {days} Days Ago"


def employment_label(posting: DemoPosting) -> str:
    """A short English employment label (``Full-time``...)."""
    return {
        "full_time": "Full-time", "part_time": "Part-time", "contract": "Contract",
        "temporary": "Temporary", "internship": "Internship",
    }[posting.employment_type]  # fmt: skip
