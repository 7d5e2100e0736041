"""Personio XML job feed: ``<position>`` elements → plain dicts → :class:`JobPostingItem`.

Endpoint (``https://{board}.jobs.personio.de`` in production, one host per company):
``GET /xml?language=en`` → ``<workzag-jobs>`` with one ``<position>`` per open job:
``<id>``, ``<subcompany>``, ``<office>``, ``<additionalOffices><office>...``, ``<department>``,
``<recruitingCategory>``, ``<name>`` (the title), ``<jobDescriptions>`` (``<jobDescription>``
sections of ``<name>`` + ``<value>`` HTML, usually CDATA), ``<employmentType>`` (``permanent``,
``intern``...), ``<seniority>``, ``<schedule>`` (``full-time``...), ``<yearsOfExperience>``,
``<keywords>``, ``<occupation>``, ``<occupationCategory>`` and ``<createdAt>`` (ISO 8601).
The feed has no URLs and no pay: the public page is ``https://{board}.jobs.personio.de/job/{id}``.

The XML is parsed with :mod:`defusedxml`: any DTD, entity declaration or external reference is
refused (``unsafe_xml``), so billion-laughs and XXE documents never expand or fetch anything.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any
from urllib.parse import quote
from xml.etree.ElementTree import Element, ParseError, tostring

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from spiders.extract import PayloadError
from spiders.extract.jsonpayload import excerpt
from spiders.items import JobPostingItem

SOURCE = "personio"
#: ``{board}`` is replaced by the company's subdomain; an override without it is used as is.
DEFAULT_BASE_URL = "https://{board}.jobs.personio.de"
ROOT_TAG = "workzag-jobs"
#: Container elements whose children are a list: container tag → child tag.
LIST_CONTAINERS = {"additionalOffices": "office", "jobDescriptions": "jobDescription"}
#: Elements holding HTML: markup written as XML children (not CDATA) is kept as a string.
HTML_ELEMENTS = {"value"}
ENCODING_RE = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def board_base_url(base_url: str, board: str) -> str:
    """The company's feed host: ``{board}`` in ``base_url`` becomes the subdomain."""
    return base_url.replace("{board}", quote(board, safe="")).rstrip("/")


def list_url(base_url: str, board: str, *, language: str | None = "en") -> str:
    """URL of a company's XML feed (``base_url`` may contain ``{board}``)."""
    url = f"{board_base_url(base_url, board)}/xml"
    return f"{url}?language={quote(language, safe='')}" if language else url


def job_url(board: str, jid: str, base_url: str = DEFAULT_BASE_URL) -> str:
    """Public page of a position: ``https://{board}.jobs.personio.de/job/{id}`` by default."""
    return f"{board_base_url(base_url, board)}/job/{quote(jid, safe='')}"


def _local(tag: Any) -> str:
    """An element's tag without any ``{namespace}``."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _element_text(element: Element) -> str | None:
    text = (element.text or "").strip()
    return text or None


def element_to_value(element: Element) -> Any:
    """An XML element as JSON-friendly data: text, a list, or a dict keyed by child tag."""
    tag = _local(element.tag)
    children = list(element)
    if tag in LIST_CONTAINERS:
        return [element_to_value(c) for c in children if _local(c.tag) == LIST_CONTAINERS[tag]]
    if not children:
        return _element_text(element)
    if tag in HTML_ELEMENTS:
        inner = (element.text or "") + "".join(tostring(c, encoding="unicode") for c in children)
        return inner.strip() or None
    out: dict[str, Any] = {}
    for child in children:
        key, value = _local(child.tag), element_to_value(child)
        if key in out:  # a repeated tag: collect the values in a list
            previous = out[key]
            out[key] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            out[key] = value
    return out


def _utf8_repaired(raw: bytes) -> bytes:
    """Invalid UTF-8 bytes replaced with U+FFFD when the document is (declared) UTF-8."""
    declared = ENCODING_RE.match(raw)
    if declared and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        return raw
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace").encode("utf-8")
    return raw


def parse_feed(body: bytes | str) -> Element:
    """The feed's root element, parsed safely; :class:`PayloadError` on bad or unsafe XML."""
    raw = body.encode("utf-8") if isinstance(body, str) else body
    if not raw.strip():
        raise PayloadError("empty_body", "the response body is empty")
    head = raw.lstrip()[:15].lower()
    if head.startswith((b"<!doctype html", b"<html")):
        raise PayloadError("html_instead_of_xml", f"expected XML, got HTML: {excerpt(raw, 80)!r}")
    if isinstance(body, str):  # already text: drop any declared encoding, parse as UTF-8
        raw = re.sub(rb"^\s*<\?xml[^>]*\?>", b"", raw, count=1)
    try:
        root = SafeET.fromstring(_utf8_repaired(raw), forbid_dtd=True)
    except DefusedXmlException as exc:
        raise PayloadError("unsafe_xml", f"{type(exc).__name__}: {exc}") from None
    except ParseError as exc:
        raise PayloadError("invalid_xml", f"{exc}") from None
    if _local(root.tag) == "html":
        raise PayloadError("html_instead_of_xml", "expected the XML feed, got an HTML document")
    if _local(root.tag) != ROOT_TAG:
        raise PayloadError("unexpected_shape", f"expected <{ROOT_TAG}>, got <{root.tag}>")
    return root


def payloads_from_list(body: bytes | str) -> list[dict[str, Any]]:
    """One plain dict per ``<position>`` of the feed; repeated ids are kept once (the first)."""
    root = parse_feed(body)
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for element in root:
        if _local(element.tag) != "position":
            continue
        value = element_to_value(element)
        payload = value if isinstance(value, dict) else {}
        jid = job_id(payload)
        if jid is not None:
            if jid in seen:
                continue
            seen.add(jid)
        out.append(payload)
    return out


def job_id(job: Any) -> str | None:
    """The position's id as a string, or None when it is missing or not a scalar."""
    if not isinstance(job, dict):
        return None
    value = job.get("id")
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        return None
    text = str(value).strip()
    return text or None


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    return [] if value is None else [value]


def _description_html(job: dict[str, Any]) -> str | None:
    """The ``jobDescriptions`` sections as ``<h3>name</h3>`` + value HTML."""
    parts: list[str] = []
    for section in _list(job.get("jobDescriptions")):
        if not isinstance(section, dict):
            continue
        name, value = _text(section.get("name")), section.get("value")
        body = value.strip() if isinstance(value, str) else ""
        if name and body:
            parts.append(f"<h3>{escape(name, quote=False)}</h3>")
        if body:
            parts.append(body)
    return "\n".join(parts) or None


def _locations(job: dict[str, Any]) -> list[str]:
    extra = job.get("additionalOffices")
    if isinstance(extra, dict):  # a hand-built payload: {"office": ...}
        extra = extra.get("office")
    names = [_text(v) for v in [*_list(job.get("office")), *_list(extra)]]
    return list(dict.fromkeys(n for n in names if n))


def _employment(job: dict[str, Any]) -> str | None:
    """``employmentType`` and ``schedule`` together, e.g. ``"permanent, full-time"``."""
    parts = [_text(job.get(k)) for k in ("employmentType", "schedule")]
    return ", ".join(dict.fromkeys(p for p in parts if p)) or None


def posting_from_payload(
    payload: dict[str, Any],
    board: str,
    *,
    request_url: str = "",
    http_status: int = 200,
    fetched_at: str = "",
) -> JobPostingItem:
    """One position (a dict from :func:`payloads_from_list`) as an item; URL on the public host."""
    jid = job_id(payload)
    if jid is None:
        raise PayloadError("missing_id", "position has no usable <id>")
    url = job_url(board, jid)
    return JobPostingItem(
        source=SOURCE,
        board=board,
        source_job_id=jid,
        url=url,
        apply_url=url,
        company=_text(payload.get("subcompany")),
        title=_text(payload.get("name")),
        description_html=_description_html(payload),
        location_raw=_locations(payload),
        department=_text(payload.get("department")) or _text(payload.get("recruitingCategory")),
        posted_at_raw=_text(payload.get("createdAt")),
        updated_at_raw=None,  # the feed has no update time
        employment_type_raw=_employment(payload),
        workplace_type_raw=None,  # not in the feed ("Remote" shows up as an office)
        salary_structured=[],  # the feed publishes no pay
        raw=payload,
        request_url=request_url,
        http_status=http_status,
        fetched_at=fetched_at,
    )
