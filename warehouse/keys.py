"""Normalised keys analysts group by: title family, employer key, canonical URL."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Seniority / level words: stripped so "Senior Data Engineer II" and "Data Engineer" share a family.
_SENIORITY = (
    r"senior|sr|junior|jr|lead|principal|staff|chief|head of|intern|"
    r"internship|trainee|graduate|entry[ -]level|entry|mid[ -]level|mid|experienced|"
    r"apprentice|working student|werkstudent|praktikant|level [0-9ivx]+|[ivx]{1,4}|[0-9]"
)
_SENIORITY_RE = re.compile(rf"\b(?:{_SENIORITY})\b\.?")
# Qualifiers that are not the occupation: gender tags, contract words, places after a dash.
_PARENS_RE = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_GENDER_RE = re.compile(r"\b[mwfdx]\s*/\s*[mwfdx](?:\s*/\s*[mwfdx])?\b")
_TAIL_RE = re.compile(r"\s(?:-|–|—|\||,|@)\s.*$")
_NON_WORD_RE = re.compile(r"[^a-z0-9+#]+")
_ABBREV = {"eng": "engineer", "mgr": "manager", "dev": "developer", "rn": "registered nurse"}

_LEGAL_RE = re.compile(
    r"\b(?:inc|incorporated|llc|ltd|limited|gmbh|ag|corp|corporation|co|company|plc|sa|sas|"
    r"bv|nv|oy|ab|as|srl|spa|pty|group|holdings?)\b\.?"
)
TRACKING_PARAMS = frozenset(
    {"gh_src", "gh_jid", "lever-source", "lever-origin", "source", "src", "ref", "referrer",
     "trk", "trackingid", "fbclid", "gclid", "msclkid", "mc_cid", "mc_eid", "_hsenc", "_hsmi",
     "iis", "iisn", "campaign", "utm"}
)  # fmt: skip


def _ascii_lower(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=65_536)
def title_family(title: str | None) -> str | None:
    """Occupation family of a title: lower-case words with seniority, levels and qualifiers removed.

    "Senior Data Engineer II (m/w/d) - Berlin" → "data engineer". None for an empty title.
    """
    if not title:
        return None
    text = _ascii_lower(title)
    text = _PARENS_RE.sub(" ", text)
    text = _GENDER_RE.sub(" ", text)
    text = _TAIL_RE.sub("", text)
    text = _SENIORITY_RE.sub(" ", text)
    words = [_ABBREV.get(w, w) for w in _NON_WORD_RE.sub(" ", text).split()]
    family = " ".join(w for w in words if w)
    return family or _NON_WORD_RE.sub(" ", _ascii_lower(title)).strip() or None


@lru_cache(maxsize=65_536)
def employer_key(company: str | None) -> str | None:
    """Company name without case, accents, punctuation, legal-form words: "Acme, Inc." → "acme"."""
    if not company:
        return None
    text = _NON_WORD_RE.sub(" ", _LEGAL_RE.sub(" ", _ascii_lower(company)))
    key = " ".join(text.split())
    return key or " ".join(_NON_WORD_RE.sub(" ", _ascii_lower(company)).split()) or None


def _is_tracking(name: str) -> bool:
    low = name.lower()
    return low.startswith("utm_") or low in TRACKING_PARAMS


def canonical_url(url: str | None) -> str | None:
    """The URL without tracking parameters, fragment, default port, ``www.`` or trailing slash."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = urlencode(sorted((k, v) for k, v in pairs if not _is_tracking(k)))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https", host, path, query, ""))
