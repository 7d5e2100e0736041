"""schema.org ``JobPosting`` markup on career pages → :class:`JobPostingItem`.

Input is a fetched career page (``GET <page_url>`` → HTML), not an API. A page can carry
postings in three syntaxes; each posting found becomes one payload::

    {"page_url": "https://careers.example.com/jobs/42",
     "syntax": "json-ld" | "microdata" | "rdfa",
     "posting": {"@type": "JobPosting", "title": ..., "hiringOrganization": {...}, ...}}

* JSON-LD: every ``<script type="application/ld+json">`` block; top-level objects, arrays,
  ``@graph`` (with ``{"@id": ...}`` references resolved inside the block) and JobPostings
  nested under other nodes (``mainEntity``, ``itemListElement``). Blocks are parsed strictly
  first; only when that fails is ``json_repair`` tried (trailing commas, unescaped quotes,
  missing closing braces).
* microdata and RDFa: via ``extruct``; RDFa's expanded graph is compacted to the same
  plain-key shape (``{"title": ..., "jobLocation": {"address": {...}}}``), and a
  description given as markup keeps its inner HTML.

Also for crawling career sites: :func:`links_from_sitemap` (``/sitemap.xml``, parsed with
``defusedxml``: no DTD entities, no network) and :func:`posting_links` (links on a listing page).

``source_job_id`` is ``identifier.value`` / ``identifier`` when present, else a hash of the
posting's canonical URL (``url``, or the page URL when the posting has none). ``board`` is the
career site's domain (:func:`board_for`).

The structured-pay helpers here (:func:`parse_amount`, :func:`parse_currency`,
:func:`parse_period`, :func:`salary_entry`) define the common ``salary_structured`` shape and
are shared by the other extraction modules.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import io
import json
import math
import re
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import lxml.html
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET
from lxml import etree

from spiders.extract import PayloadError
from spiders.items import JobPostingItem

SOURCE = "schemaorg"
SYNTAXES = ("json-ld", "microdata", "rdfa")
JSONLD_REPAIR_MAX_CHARS = 1_000_000  # json_repair is pure Python: do not feed it huge blobs
SITEMAP_MAX_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit, uncompressed
MAX_DEPTH = 40  # nesting walked when looking for JobPostings / resolving @id references
MAX_NODES = 2000  # objects expanded per posting when following references (fan-out guard)
SCHEMA_PREFIXES = ("https://schema.org/", "http://schema.org/", "schema:")
TRACKING_PARAMS = re.compile(r"^(utm_[a-z]+|gclid|fbclid|msclkid|mc_[a-z]+|_hs[a-z]+)$", re.I)
JOB_PATH = re.compile(
    r"/(jobs?|careers?|positions?|openings?|vacanc(?:y|ies)|roles?|opportunit(?:y|ies)|"
    r"stellen(?:angebote)?|stelle|offres?|empleos?|vagas?|lavora-con-noi|job-offers?)"
    r"/[^/?#]+",
    re.I,
)
NOT_PAGES = re.compile(r"\.(pdf|jpe?g|png|gif|svg|webp|css|js|ico|zip|docx?|xml|rss)$", re.I)
PERIODS = {
    "hour": "hour", "hourly": "hour", "hours": "hour", "per_hour": "hour", "hur": "hour",
    "day": "day", "daily": "day", "days": "day", "per_day": "day",
    "week": "week", "weekly": "week", "weeks": "week", "per_week": "week", "wee": "week",
    "month": "month", "monthly": "month", "months": "month", "per_month": "month", "mon": "month",
    "year": "year", "yearly": "year", "years": "year", "annual": "year", "annually": "year",
    "per_year": "year", "ann": "year",
}  # fmt: skip
SALARY_KINDS = ("base", "ote", "equity", "bonus", "other")


# ── structured pay: the common salary_structured shape ─────────────────────────────────────


def parse_amount(value: Any) -> float | None:
    """A non-negative amount from a number or a numeric string ("55,000", "55.000,50")."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        number = float(value)
        return number if math.isfinite(number) and number >= 0 else None
    if not isinstance(value, str):
        return None
    text = re.sub(r"[\s\u00a0\u202f']", "", value)
    text = re.sub(r"^([A-Za-z]{3}|[$€£¥₹]|[A-Z]{1,2}\$)|([A-Za-z]{3}|[$€£¥₹])$", "", text)
    scale = 1.0
    if re.fullmatch(r"\d+(\.\d+)?[kK]", text):  # "55k"
        text, scale = text[:-1], 1000.0
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", text):  # 55,000 / 1,234.50
        text = text.replace(",", "")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", text):  # 55.000 / 55.000,50
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d+,\d{1,2}", text):  # 15,50
        text = text.replace(",", ".")
    elif not re.fullmatch(r"\d+(\.\d+)?", text):
        return None
    number = float(text) * scale
    return number if math.isfinite(number) else None


@lru_cache(maxsize=512)
def _iso_currency(code: str) -> str | None:
    import pycountry  # heavy data load: only when a currency is actually seen

    found = pycountry.currencies.get(alpha_3=code)
    return found.alpha_3 if found else None


def parse_currency(value: Any) -> str | None:
    """An ISO 4217 code, upper-cased ("usd" → "USD"); None for symbols or unknown codes."""
    if not isinstance(value, str) or not re.fullmatch(r"\s*[A-Za-z]{3}\s*", value):
        return None
    return _iso_currency(value.strip().upper())


def parse_period(value: Any) -> str | None:
    """``hour|day|week|month|year`` from a unit label (``"YEAR"``, ``"Annual"``, ``"HUR"``)."""
    if not isinstance(value, str):
        return None
    key = re.sub(r"[\s-]+", "_", value.strip().lower())
    return PERIODS.get(key) or PERIODS.get(key.removeprefix("per_").removesuffix("ly"))


def salary_entry(
    minimum: Any,
    maximum: Any,
    currency: Any,
    period: Any,
    label: Any = "",
    kind: str = "base",
) -> dict[str, Any] | None:
    """One entry in the common ``salary_structured`` shape, or None when no amount parses."""
    low, high = parse_amount(minimum), parse_amount(maximum)
    if low is None and high is None:
        return None
    if low is not None and high is not None and low > high:
        low, high = high, low
    return {
        "min": low,
        "max": high,
        "currency": parse_currency(currency),
        "period": parse_period(period),
        "label": label.strip() if isinstance(label, str) else "",
        "kind": kind if kind in SALARY_KINDS else "other",
    }


# ── small helpers ───────────────────────────────────────────────────────────────────────────


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(html.unescape(value).split()) if "&" in value else " ".join(value.split())
    return value or None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _short(name: str) -> str:
    for prefix in SCHEMA_PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def _types(node: dict[str, Any]) -> set[str]:
    out = set()
    for value in _as_list(node.get("@type")):
        if isinstance(value, str) and value.strip():
            out.add(value.strip().rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower())
    return out


def _is_posting(node: Any) -> bool:
    return isinstance(node, dict) and "jobposting" in _types(node)


def _name(value: Any) -> str | None:
    """A thing's name: the string itself, or ``name`` of an object."""
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _decode_description(value: Any) -> str | None:
    """Description HTML; entity-encoded markup ("&lt;p&gt;") is decoded (at most twice)."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    for _ in range(2):
        if "<" in text or not re.search(r"&(lt|#0*60|#x0*3c);\s*/?[a-z]", text, re.I):
            break
        text = html.unescape(text)
    return text


def board_for(page_url: str) -> str:
    """The career site's domain for ``board``: host lower-cased, without ``www.``."""
    host = (urlsplit(page_url).hostname or "").lower()
    return host.removeprefix("www.")


def canonical_url(url: Any, base: str = "") -> str | None:
    """Absolute http(s) URL without fragment, tracking parameters or default port."""
    if not isinstance(url, str) or not url.strip():
        return None
    try:
        parts = urlsplit(urljoin(base, url.strip()))
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if parts.port and (parts.scheme.lower(), parts.port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{parts.port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    query = sorted((k, v) for k, v in query if not TRACKING_PARAMS.match(k))
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", urlencode(query), ""))


# ── JSON-LD ─────────────────────────────────────────────────────────────────────────────────


def _strip_script(text: str) -> str:
    text = text.strip()
    text = re.sub(r"^(//\s*)?<!\[CDATA\[|(//\s*)?\]\]>$", "", text).strip()
    text = re.sub(r"^<!--|-->$", "", text).strip()
    return text


def _load_jsonld(text: str) -> Any:
    """Strict parse first; ``json_repair`` only when that fails. None if nothing usable."""
    text = _strip_script(text)
    if not text:
        return None
    try:
        return json.loads(text, strict=False)  # strict=False: raw newlines inside strings
    except RecursionError:
        return None
    except ValueError:
        pass
    if len(text) > JSONLD_REPAIR_MAX_CHARS:
        return None
    import json_repair

    try:
        value = json_repair.loads(text)
    except (RecursionError, ValueError):
        return None
    return value if isinstance(value, (dict, list)) else None


def _compact(value: Any, depth: int = 0) -> Any:
    """Keys and ``@type`` values with schema.org prefixes stripped, recursively."""
    if depth > MAX_DEPTH:
        return None
    if isinstance(value, list):
        return [_compact(v, depth + 1) for v in value]
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for key, item in value.items():
        if not isinstance(key, str):
            continue
        if key == "@type":
            out[key] = [_short(t) if isinstance(t, str) else t for t in _as_list(item)]
        else:
            out[_short(key)] = _compact(item, depth + 1)
    return out


def _index_ids(value: Any, index: dict[str, dict[str, Any]], depth: int = 0) -> None:
    if depth > MAX_DEPTH:
        return
    if isinstance(value, list):
        for item in value:
            _index_ids(item, index, depth + 1)
    elif isinstance(value, dict):
        node_id = value.get("@id")
        if isinstance(node_id, str) and len(value) > 1:
            index.setdefault(node_id, value)
        for item in value.values():
            _index_ids(item, index, depth + 1)


def _resolve(
    value: Any,
    index: dict[str, dict[str, Any]],
    budget: list[int],
    seen: frozenset[str] = frozenset(),
    depth: int = 0,
) -> Any:
    """Replace ``{"@id": x}`` references by the node they name (cycle-, depth- and size-safe)."""
    if depth > MAX_DEPTH:
        return None
    if isinstance(value, list):
        return [_resolve(v, index, budget, seen, depth + 1) for v in value]
    if not isinstance(value, dict):
        return value
    budget[0] -= 1
    node_id = value.get("@id")
    if (
        isinstance(node_id, str)
        and len(value) == 1
        and node_id in index
        and node_id not in seen
        and budget[0] > 0
    ):
        return _resolve(index[node_id], index, budget, seen | {node_id}, depth + 1)
    return {k: _resolve(v, index, budget, seen, depth + 1) for k, v in value.items()}


def _find_postings(value: Any, depth: int = 0) -> list[dict[str, Any]]:
    if depth > MAX_DEPTH:
        return []
    if isinstance(value, list):
        return [p for item in value for p in _find_postings(item, depth + 1)]
    if not isinstance(value, dict):
        return []
    if _is_posting(value):
        return [value]
    return [p for item in value.values() for p in _find_postings(item, depth + 1)]


def _jsonld_postings(tree: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for script in tree.xpath("//script[@type]"):
        kind = (script.get("type") or "").split(";")[0].strip().lower()
        if kind != "application/ld+json":
            continue
        data = _compact(_load_jsonld(script.text_content() or ""))
        if data is None:
            continue
        index: dict[str, dict[str, Any]] = {}
        _index_ids(data, index)
        out.extend(_resolve(p, index, [MAX_NODES]) for p in _find_postings(data))
    return out


# ── microdata and RDFa (extruct) ────────────────────────────────────────────────────────────


def _rdfa_value(
    value: Any,
    index: dict[str, dict[str, Any]],
    budget: list[int],
    seen: frozenset[str],
    depth: int,
) -> Any:
    if not isinstance(value, dict):
        return value
    if "@value" in value:
        return value["@value"]
    node_id = value.get("@id")
    if isinstance(node_id, str):
        if node_id in index and node_id not in seen and depth < MAX_DEPTH and budget[0] > 0:
            return _rdfa_node(index[node_id], index, budget, seen | {node_id}, depth + 1)
        return node_id  # an IRI (url, sameAs, ...)
    return None


def _rdfa_node(
    node: dict[str, Any],
    index: dict[str, dict[str, Any]],
    budget: list[int],
    seen: frozenset[str],
    depth: int = 0,
) -> dict[str, Any]:
    """An expanded RDFa node → compact plain-key dict, references followed."""
    budget[0] -= 1
    out: dict[str, Any] = {}
    for key, values in node.items():
        if key == "@id":
            continue
        if key == "@type":
            types = [_short(t) for t in _as_list(values) if isinstance(t, str)]
            out["@type"] = types[0] if len(types) == 1 else types
            continue
        items = [_rdfa_value(v, index, budget, seen, depth) for v in _as_list(values)]
        items = [i for i in items if i is not None]
        if items:
            out[_short(key)] = items[0] if len(items) == 1 else items
    return out


def _rdfa_postings(graph: list[Any]) -> list[dict[str, Any]]:
    index = {n["@id"]: n for n in graph if isinstance(n, dict) and isinstance(n.get("@id"), str)}
    postings = []
    for node in graph:
        if isinstance(node, dict) and _is_posting({"@type": node.get("@type")}):
            seen = frozenset([node["@id"]]) if isinstance(node.get("@id"), str) else frozenset()
            postings.append(_rdfa_node(node, index, [MAX_NODES], seen))
    return postings


def _squash(text: str) -> str:
    return "".join(text.split())


def _markup_descriptions(tree: Any) -> dict[str, str]:
    """Inner HTML of every element marked ``itemprop``/``property`` = description, by text."""
    found: dict[str, str] = {}
    for el in tree.xpath("//*[@itemprop or @property]"):
        if not isinstance(el.tag, str) or el.tag.lower() == "meta":
            continue
        tokens = (el.get("itemprop") or "").split() + (el.get("property") or "").split()
        if "description" not in {t.rsplit("/", 1)[-1].rsplit(":", 1)[-1] for t in tokens}:
            continue
        inner = html.escape(el.text or "", quote=False) + "".join(
            etree.tostring(child, encoding="unicode", method="html") for child in el
        )
        key = _squash(el.text_content())
        if key and inner.strip():
            found.setdefault(key, inner.strip())
    return found


def _extruct_postings(text: str, page_url: str, tree: Any) -> list[tuple[str, dict[str, Any]]]:
    import extruct  # slow import (rdflib): only for pages that get here

    try:
        data = extruct.extract(
            text, base_url=page_url, syntaxes=["microdata", "rdfa"], uniform=True, errors="log"
        )
    except Exception:  # extruct raises whatever its parsers raise; markup is best-effort
        return []
    markup = _markup_descriptions(tree)
    out: list[tuple[str, dict[str, Any]]] = []
    found = [("microdata", p) for p in _find_postings(_compact(data.get("microdata") or []))]
    found += [("rdfa", p) for p in _rdfa_postings(data.get("rdfa") or [])]
    for syntax, posting in found:
        description = posting.get("description")
        if isinstance(description, str) and _squash(description) in markup:
            posting = {**posting, "description": markup[_squash(description)]}
        out.append((syntax, posting))
    return out


# ── pages ───────────────────────────────────────────────────────────────────────────────────


def _page_text(page: str | bytes) -> str:
    if isinstance(page, bytes):
        from w3lib.encoding import html_to_unicode

        _, page = html_to_unicode(None, page)
    # lxml refuses str input that carries an XML encoding declaration (XHTML pages)
    return re.sub(r"^\s*<\?xml[^>]*\?>", "", page)


def _parse_html(page: str | bytes) -> tuple[str, Any]:
    if not page or not page.strip():
        raise PayloadError("empty_body", "the page body is empty")
    text = _page_text(page)
    try:
        tree = lxml.html.fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise PayloadError("invalid_html", f"{exc}") from None
    return text, tree


def payloads_from_html(page: str | bytes, page_url: str) -> list[dict[str, Any]]:
    """One payload per JobPosting on the page (JSON-LD first, then microdata, then RDFa).

    A posting present in several syntaxes (same id and title) is returned once.
    """
    text, tree = _parse_html(page)
    found = [("json-ld", p) for p in _jsonld_postings(tree)]
    if tree.xpath("//*[@itemscope or @typeof]"):
        found += _extruct_postings(text, page_url, tree)
    payloads: list[dict[str, Any]] = []
    seen: set[tuple[str | None, str | None]] = set()
    for syntax, posting in found:
        payload = {"page_url": page_url, "syntax": syntax, "posting": posting}
        key = (job_id(payload), _text(posting.get("title")) or _text(posting.get("name")))
        if key in seen:
            continue
        seen.add(key)
        payloads.append(payload)
    return payloads


def posting_links(page: str | bytes, page_url: str, allowed_domain: str) -> list[str]:
    """Links on a listing page that look like job postings on ``allowed_domain``.

    Kept: http(s) links on the domain or its subdomains whose path has a job-ish segment
    followed by one more (``/jobs/123``, ``/careers/data-engineer``); fragments and tracking
    parameters dropped, order kept, duplicates and the page itself removed.
    """
    _, tree = _parse_html(page)
    base = page_url
    for href in tree.xpath("//base/@href")[:1]:
        base = urljoin(page_url, href.strip())
    domain = allowed_domain.lower().strip().removeprefix("www.")
    own = canonical_url(page_url)
    out: list[str] = []
    for href in tree.xpath("//a/@href"):
        url = canonical_url(href, base)
        if url is None or url == own or url in out:
            continue
        parts = urlsplit(url)
        host = (parts.hostname or "").removeprefix("www.")
        if host != domain and not host.endswith("." + domain):
            continue
        if NOT_PAGES.search(parts.path) or not JOB_PATH.search(parts.path):
            continue
        out.append(url)
    return out


def links_from_sitemap(xml_bytes: bytes | str) -> list[str]:
    """``<loc>`` URLs of a sitemap (or, for a sitemap index, of its child sitemaps).

    Parsed with ``defusedxml``: entity declarations (XML bombs) and external entities raise
    :class:`PayloadError` (``unsafe_xml``); gzip bodies are inflated up to 50 MB.
    """
    if isinstance(xml_bytes, str):
        xml_bytes = xml_bytes.encode("utf-8")
    if xml_bytes[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(xml_bytes)) as fh:
                xml_bytes = fh.read(SITEMAP_MAX_BYTES + 1)
        except (OSError, EOFError) as exc:
            raise PayloadError("invalid_gzip", f"{exc}") from None
        if len(xml_bytes) > SITEMAP_MAX_BYTES:
            raise PayloadError("too_large", "sitemap inflates past 50 MB")
    if not xml_bytes.strip():
        raise PayloadError("empty_body", "the sitemap body is empty")
    if re.match(rb"\s*(<!doctype\s+html|<html)", xml_bytes[:200], re.I):
        raise PayloadError("html_instead_of_xml", "expected a sitemap, got an HTML page")
    try:
        root = SafeET.fromstring(xml_bytes, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise PayloadError("unsafe_xml", f"{type(exc).__name__}: {exc}") from None
    except SafeET.ParseError as exc:
        raise PayloadError("invalid_xml", f"{exc}") from None
    kind = root.tag.rsplit("}", 1)[-1]
    if kind not in ("urlset", "sitemapindex"):
        raise PayloadError("unexpected_shape", f"expected <urlset> or <sitemapindex>, got <{kind}>")
    out: list[str] = []
    for el in root.iter():
        if el.tag.rsplit("}", 1)[-1] == "loc" and el.text:
            url = el.text.strip()
            if url.lower().startswith(("http://", "https://")) and url not in out:
                out.append(url)
    return out


# ── postings ────────────────────────────────────────────────────────────────────────────────


def _identifier(posting: dict[str, Any]) -> str | None:
    for value in _as_list(posting.get("identifier")):
        if isinstance(value, dict):
            value = value.get("value", value.get("@value"))
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            continue
        text = str(value).strip()
        if text:
            return text
    return None


def _posting_url(posting: dict[str, Any], page_url: str) -> str | None:
    for value in _as_list(posting.get("url")):
        url = canonical_url(value.get("@id") if isinstance(value, dict) else value, page_url)
        if url:
            return url
    return None


def job_id(job: Any) -> str | None:
    """``identifier`` value, else ``url-`` + a hash of the canonical posting (or page) URL.

    ``job`` is a payload (``{"page_url", "syntax", "posting"}``) or a bare posting object.
    """
    if not isinstance(job, dict):
        return None
    posting = job.get("posting") if ("posting" in job or "page_url" in job) else job
    if not isinstance(posting, dict):
        return None
    page_url = job.get("page_url") if isinstance(job.get("page_url"), str) else ""
    found = _identifier(posting)
    if found:
        return found
    url = _posting_url(posting, page_url) or canonical_url(page_url)
    if not url:
        return None
    return "url-" + hashlib.sha256(url.encode()).hexdigest()[:16]


def _place(value: Any) -> str | None:
    if isinstance(value, str):
        return _text(value)
    if not isinstance(value, dict):
        return None
    address = value.get("address")
    if isinstance(address, str):
        return _text(address)
    if isinstance(address, dict):
        parts = [
            _text(address.get("addressLocality")),
            _text(address.get("addressRegion")),
            _name(address.get("addressCountry")),
        ]
        joined = ", ".join(dict.fromkeys(p for p in parts if p))
        if joined:
            return joined
    return _name(value)


def _locations(posting: dict[str, Any]) -> list[str]:
    found = [_place(p) for p in _as_list(posting.get("jobLocation"))]
    found += [_name(a) for a in _as_list(posting.get("applicantLocationRequirements"))]
    return list(dict.fromkeys(f for f in found if f))


def _joined(value: Any) -> str | None:
    parts = [_text(v) for v in _as_list(value)]
    return ", ".join(dict.fromkeys(p for p in parts if p)) or None


def _workplace(posting: dict[str, Any]) -> str | None:
    labels = [_text(v) for v in _as_list(posting.get("jobLocationType"))]
    labels = [label for label in labels if label]
    if any(label.upper() == "TELECOMMUTE" for label in labels):
        return "remote"
    return ", ".join(labels) or None


def _salaries(posting: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for amount in _as_list(posting.get("baseSalary")):
        if not isinstance(amount, dict):  # a bare number: currency on the posting
            entry = salary_entry(amount, amount, posting.get("salaryCurrency"), None)
        else:
            value = amount.get("value")
            currency = amount.get("currency") or posting.get("salaryCurrency")
            label = _text(amount.get("name")) or _text(amount.get("description")) or ""
            if isinstance(value, dict):  # QuantitativeValue
                low, high = value.get("minValue"), value.get("maxValue")
                if low is None and high is None:
                    low = high = value.get("value")
                unit = value.get("unitText") or amount.get("unitText")
            else:
                low, high = amount.get("minValue"), amount.get("maxValue")
                if low is None and high is None:
                    low = high = value
                unit = amount.get("unitText")
            entry = salary_entry(low, high, currency, unit, label)
        if entry:
            out.append(entry)
    return out


def posting_from_payload(
    payload: dict[str, Any],
    board: str,
    *,
    request_url: str = "",
    http_status: int = 200,
    fetched_at: str = "",
) -> JobPostingItem:
    """One schema.org JobPosting payload → item; ``board`` defaults to the page's domain."""
    posting = payload.get("posting")
    page_url = payload.get("page_url") if isinstance(payload.get("page_url"), str) else ""
    jid = job_id({"page_url": page_url, "posting": posting})
    if jid is None or not isinstance(posting, dict):
        raise PayloadError("missing_id", "posting has no identifier and no usable URL")
    url = _posting_url(posting, page_url) or canonical_url(page_url)
    return JobPostingItem(
        source=SOURCE,
        board=board or board_for(page_url),
        source_job_id=jid,
        url=url,
        apply_url=url,
        company=_name(posting.get("hiringOrganization")),
        title=_text(posting.get("title")) or _text(posting.get("name")),
        description_html=_decode_description(posting.get("description")),
        location_raw=_locations(posting),
        department=None,  # JobPosting has no department property
        posted_at_raw=_text(posting.get("datePosted")),
        updated_at_raw=_text(posting.get("dateModified")),
        employment_type_raw=_joined(posting.get("employmentType")),
        workplace_type_raw=_workplace(posting),
        salary_structured=_salaries(posting),
        raw=payload,
        request_url=request_url,
        http_status=http_status,
        fetched_at=fetched_at,
    )
