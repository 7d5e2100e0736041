"""Render market state as a career site with schema.org ``JobPosting`` markup (pure functions).

A demo career site lives under ``{site_url}`` (``.../careers/{board}``):

- ``/sitemap.xml``: a ``<urlset>`` with the listing page and every posting page;
- ``/jobs``: a listing page linking every posting;
- ``/jobs/{id}-{slug}``: one posting page, marked up in the board's style: JSON-LD (a plain
  object, or an ``@graph`` with the organization referenced by ``@id``), microdata or RDFa.
  Some boards entity-encode the description and give ``employmentType`` as an array; some
  leave a trailing comma in the JSON-LD (invalid JSON a lenient parser recovers).
"""

from __future__ import annotations

import html
import json
import re
from datetime import date
from typing import Any

from jobpipe.demo.market import DemoLocation, DemoPosting, Market
from jobpipe.demo.wire import country_name, is_remote, slug, stable_hash

Json = dict[str, Any]
STYLES = ("json-ld", "json-ld-graph", "microdata", "rdfa")
_PAGE = re.compile(r"^(?P<job>\d+)(?:-[a-z0-9-]*)?$")
_EMPLOYMENT = {"full_time": "FULL_TIME", "part_time": "PART_TIME", "contract": "CONTRACTOR",
               "temporary": "TEMPORARY", "internship": "INTERN"}  # fmt: skip
_UNIT = {"year": "YEAR", "month": "MONTH", "week": "WEEK", "day": "DAY", "hour": "HOUR"}


def style_for(board: str) -> str:
    """The markup style of a demo career site (stable per board)."""
    return STYLES[stable_hash("schemaorg-style", board)[0] % len(STYLES)]


def page_path(posting: DemoPosting) -> str:
    return f"/jobs/{posting.job_id}-{slug(posting.title)}"


def job_id_of(name: str) -> int | None:
    match = _PAGE.match(name)
    return int(match["job"]) if match else None


def _address(loc: DemoLocation) -> Json:
    address: Json = {"@type": "PostalAddress", "addressCountry": loc.country_code or None}
    if loc.city:
        address["addressLocality"] = loc.city
        if loc.region:
            address["addressRegion"] = loc.region
    return address


def posting_json(market: Market, posting: DemoPosting, site_url: str, *, quirky: bool) -> Json:
    """The JobPosting object; ``quirky`` boards entity-encode HTML and use arrays."""
    offices = [loc for loc in posting.locations if not is_remote(loc)]
    remote = [loc for loc in posting.locations if is_remote(loc)]
    employment = _EMPLOYMENT[posting.employment_type]
    job: Json = {
        "@type": "JobPosting",
        "title": posting.title,
        "description": html.escape(posting.description_html) if quirky
        else posting.description_html,
        "identifier": {"@type": "PropertyValue", "name": posting.company,
                       "value": str(posting.job_id)},
        "datePosted": posting.first_published.isoformat(timespec="seconds"),
        "dateModified": posting.updated_at.isoformat(timespec="seconds"),
        "validThrough": posting.closes_on.isoformat(),
        "employmentType": [employment] if quirky else employment,
        "hiringOrganization": {"@type": "Organization", "name": posting.company,
                               "sameAs": f"https://{posting.board}.example"},
        "url": f"{site_url}{page_path(posting)}",
    }  # fmt: skip
    if offices:
        places = [{"@type": "Place", "address": _address(loc)} for loc in offices]
        job["jobLocation"] = places if quirky or len(places) > 1 else places[0]
    if remote:
        job["jobLocationType"] = "TELECOMMUTE"
        names = [country_name(loc) or loc.region or loc.raw for loc in remote]
        job["applicantLocationRequirements"] = [{"@type": "Country", "name": n} for n in names]
    pay = posting.pay
    if posting.pay_structured and pay is not None and (pay.min is not None or pay.max):
        job["baseSalary"] = {
            "@type": "MonetaryAmount", "currency": pay.currency,
            "value": {"@type": "QuantitativeValue", "minValue": pay.min, "maxValue": pay.max,
                      "unitText": _UNIT[pay.period]},
        }  # fmt: skip
    return job


def _jsonld(job: Json, graph: bool, sloppy: bool = False) -> str:
    """The JSON-LD block; ``sloppy`` sites leave a trailing comma (invalid JSON, repairable)."""
    if graph:
        org = {**job["hiringOrganization"], "@id": job["url"] + "#org"}
        body = {"@context": "https://schema.org", "@graph": [
            org, {**job, "hiringOrganization": {"@id": org["@id"]}},
        ]}  # fmt: skip
    else:
        body = {"@context": "https://schema.org", **job}
    text = json.dumps(body, ensure_ascii=False, indent=1).replace("</", "<\\/")
    if sloppy:
        text = text[: text.rindex("}")].rstrip() + ",\n}"
    return f'<script type="application/ld+json">\n{text}\n</script>'


def _markup(job: Json, posting: DemoPosting, rdfa: bool) -> str:
    """The posting as microdata (``itemprop``) or RDFa Lite (``property``/``typeof``)."""
    attr = "property" if rdfa else "itemprop"

    def meta(prop: str, value: object) -> str:
        return f'<meta {attr}="{prop}" content="{html.escape(str(value))}">'

    def scope(prop: str, kind: str, inner: str) -> str:
        if rdfa:
            return f'<div property="{prop}" typeof="{kind}">{inner}</div>'
        return (
            f'<div itemprop="{prop}" itemscope itemtype="https://schema.org/{kind}">{inner}</div>'
        )

    places = job.get("jobLocation", [])
    places = places if isinstance(places, list) else [places]
    where = "".join(
        scope("jobLocation", "Place", scope("address", "PostalAddress", "".join(
            meta(k, v) for k, v in p["address"].items() if k != "@type" and v
        )))
        for p in places
    )  # fmt: skip
    remote = ""
    if "jobLocationType" in job:
        remote = meta("jobLocationType", "TELECOMMUTE") + "".join(
            scope("applicantLocationRequirements", "Country", meta("name", r["name"]))
            for r in job.get("applicantLocationRequirements", [])
        )
    salary = ""
    if "baseSalary" in job:
        value = job["baseSalary"]["value"]
        amounts = "".join(
            meta(k, value[k]) for k in ("minValue", "maxValue", "unitText") if value[k]
        )
        salary = scope(
            "baseSalary", "MonetaryAmount",
            meta("currency", job["baseSalary"]["currency"])
            + scope("value", "QuantitativeValue", amounts),
        )  # fmt: skip
    root = (
        '<article vocab="https://schema.org/" typeof="JobPosting">' if rdfa
        else '<article itemscope itemtype="https://schema.org/JobPosting">'
    )  # fmt: skip
    return (
        root + f'<h1 {attr}="title">{html.escape(posting.title)}</h1>'
        + meta("identifier", posting.job_id) + meta("datePosted", job["datePosted"])
        + meta("employmentType", _EMPLOYMENT[posting.employment_type])
        + meta("url", job["url"])
        + scope("hiringOrganization", "Organization", meta("name", posting.company))
        + where + remote + salary
        + f'<div {attr}="description">{posting.description_html}</div></article>'
    )  # fmt: skip


def _page(title: str, head: str, body: str) -> bytes:
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>{head}</head>\n<body>{body}</body></html>\n"
    ).encode()


def job_page(market: Market, board: str, name: str, day: date, site_url: str) -> bytes | None:
    """A posting page, or None when the posting is not live that day (KeyError: unknown)."""
    job_id = job_id_of(name)
    posting = market.posting(board, job_id, day) if job_id is not None else None
    if posting is None:
        return None
    style = style_for(board)
    quirky = stable_hash("schemaorg-quirky", board)[0] % 2 == 0
    job = posting_json(market, posting, site_url, quirky=quirky and style.startswith("json"))
    title = f"{posting.title} | {posting.company} Careers"
    nav = f'<nav><a href="{site_url}/jobs">All jobs</a> · <a href="/">Home</a></nav>'
    if style in ("microdata", "rdfa"):
        return _page(title, "", nav + _markup(job, posting, rdfa=style == "rdfa"))
    sloppy = stable_hash("schemaorg-sloppy", board)[0] % 3 == 0
    head = _jsonld(job, graph=style == "json-ld-graph", sloppy=sloppy)
    text = f"<h1>{html.escape(posting.title)}</h1>{posting.description_html}"
    return _page(title, head, nav + text)


def listing_page(market: Market, board: str, day: date, site_url: str) -> bytes:
    """The career site's job list (KeyError: unknown board)."""
    items = "".join(
        f'<li><a href="{site_url}{page_path(p)}?utm_source=careers">{html.escape(p.title)}</a>'
        f" – {html.escape(p.locations[0].raw)}</li>"
        for p in market.postings(board, day)
    )
    company = market.company_name(board)
    body = f"<h1>Open positions at {html.escape(company)}</h1><ul>{items}</ul>"
    return _page(f"Careers | {company}", "", body)


def sitemap(market: Market, board: str, day: date, site_url: str) -> bytes:
    """``sitemap.xml`` listing the listing page and every posting page (KeyError: unknown)."""
    urls = [f"{site_url}/jobs"] + [f"{site_url}{page_path(p)}" for p in market.postings(board, day)]
    locs = "".join(f"<url><loc>{html.escape(u)}</loc></url>" for u in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>\n'
    ).encode()
