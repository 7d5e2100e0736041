"""Render market state as a Personio XML job feed (pure functions).

``GET /xml[?language=en]`` on the company's host → ``<workzag-jobs>`` with one ``<position>``
per job: ``<office>`` is a bare city name (or ``Remote``), further offices go under
``<additionalOffices>``, description sections are ``<jobDescription>`` elements with CDATA.
The feed has no URLs and no pay fields.
"""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from jobpipe.demo.market import DemoLocation, DemoPosting, Market
from jobpipe.demo.wire import sections

_EMPLOYMENT = {"full_time": ("permanent", "full-time"), "part_time": ("permanent", "part-time"),
               "contract": ("freelance", "full-time"), "temporary": ("temporary", "part-time"),
               "internship": ("intern", "full-time")}  # fmt: skip
_SENIORITY = {
    "intern": "student",
    "entry": "entry-level",
    "mid": "experienced",
    "senior": "experienced",
    "staff": "experienced",
    "principal": "experienced",
    "manager": "executive",
    "director": "executive",
    "executive": "executive",
}


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _office(loc: DemoLocation) -> str:
    return loc.city or "Remote"


def position_xml(posting: DemoPosting) -> str:
    """One ``<position>`` element."""
    intro, parts = sections(posting.description_html)
    described = [("About us", intro), *parts]
    employment, schedule = _EMPLOYMENT[posting.employment_type]
    first, *rest = posting.locations
    offices = list(dict.fromkeys(_office(loc) for loc in rest if _office(loc) != _office(first)))
    lines = [
        "<position>",
        f"    <id>{posting.job_id}</id>",
        f"    <subcompany>{escape(posting.company)}</subcompany>",
        f"    <office>{escape(_office(first))}</office>",
    ]
    if offices:
        lines.append("    <additionalOffices>")
        lines += [f"        <office>{escape(o)}</office>" for o in offices]
        lines.append("    </additionalOffices>")
    lines += [
        f"    <department>{escape(posting.department)}</department>",
        f"    <recruitingCategory>{escape(posting.department)}</recruitingCategory>",
        f"    <name>{escape(posting.title)}</name>",
        "    <jobDescriptions>",
    ]
    for name, value in described:
        lines += [
            "        <jobDescription>",
            f"            <name>{escape(name)}</name>",
            f"            <value>{_cdata(value)}</value>",
            "        </jobDescription>",
        ]
    lines += [
        "    </jobDescriptions>",
        f"    <employmentType>{employment}</employmentType>",
        f"    <seniority>{_SENIORITY.get(posting.seniority, 'experienced')}</seniority>",
        f"    <schedule>{schedule}</schedule>",
        f"    <createdAt>{posting.first_published.isoformat(timespec='seconds')}</createdAt>",
        "</position>",
    ]
    return "\n".join(lines)


def feed(market: Market, board: str, day: date) -> bytes:
    """Body of ``GET /xml`` (KeyError: unknown company)."""
    positions = [position_xml(p) for p in market.postings(board, day)]
    text = '<?xml version="1.0" encoding="UTF-8"?>\n<workzag-jobs>\n'
    text += "\n".join(positions) + "\n</workzag-jobs>\n"
    return text.encode("utf-8")
