"""Which ATS a careers URL belongs to, and the board token and API host it implies (pure).

``detect("https://jobs.eu.lever.co/acme")`` → ``Detected("lever", "acme", host="api.eu.lever.co")``.
A URL on no known ATS host is a company career site crawled for schema.org ``JobPosting``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from warehouse.schema import SOURCES

#: Every source kind a registry entry may name: the one vocabulary in the posting schema.
KNOWN_SOURCES = SOURCES

_TOKEN = r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}"
#: What a valid board token looks like, per source (schemaorg boards are domains).
TOKEN_PATTERNS: dict[str, re.Pattern[str]] = {
    **{s: re.compile(rf"^{_TOKEN}$") for s in KNOWN_SOURCES},
    "workday": re.compile(rf"^{_TOKEN}/{_TOKEN}$"),
    "schemaorg": re.compile(r"^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)+$"),
}
#: Hosts an entry's ``host`` may name, per source (others have one fixed API host).
HOST_PATTERNS: dict[str, re.Pattern[str]] = {
    "greenhouse": re.compile(r"^boards-api(\.eu)?\.greenhouse\.io$"),
    "lever": re.compile(r"^api(\.eu)?\.lever\.co$"),
    "workday": re.compile(r"^[a-z0-9-]+\.wd\d{1,3}\.myworkdayjobs\.com$"),
    "personio": re.compile(r"^[a-z0-9-]+\.jobs\.personio\.(de|com)$"),
}
_LOCALE = re.compile(r"^[a-z]{2}(-[A-Za-z]{2,4})?$")
_WORKDAY_HOST = re.compile(r"^(?P<tenant>[a-z0-9-]+)\.(?P<dc>wd\d{1,3})\.myworkdayjobs\.com$")
_SUBDOMAIN_HOSTS = {  # <token>.<suffix> → source
    "recruitee.com": "recruitee",
    "jobs.personio.de": "personio",
    "jobs.personio.com": "personio",
    "workable.com": "workable",
}
_PATH_HOSTS = {  # host → source, token is the first path segment
    "boards.greenhouse.io": "greenhouse",
    "job-boards.greenhouse.io": "greenhouse",
    "job-boards.eu.greenhouse.io": "greenhouse",
    "boards.eu.greenhouse.io": "greenhouse",
    "jobs.lever.co": "lever",
    "jobs.eu.lever.co": "lever",
    "jobs.ashbyhq.com": "ashby",
    "jobs.smartrecruiters.com": "smartrecruiters",
    "careers.smartrecruiters.com": "smartrecruiters",
    "apply.workable.com": "workable",
}
_API_PATHS = [  # API URLs pasted instead of careers pages
    ("greenhouse", re.compile(r"^boards-api(\.eu)?\.greenhouse\.io$"), r"^/v1/boards/([^/]+)"),
    ("lever", re.compile(r"^api(\.eu)?\.lever\.co$"), r"^/v0/postings/([^/?]+)"),
    ("ashby", re.compile(r"^api\.ashbyhq\.com$"), r"^/posting-api/job-board/([^/?]+)"),
    ("smartrecruiters", re.compile(r"^api\.smartrecruiters\.com$"), r"^/v1/companies/([^/]+)"),
]
_EU_HOSTS = {"jobs.eu.lever.co": "api.eu.lever.co", "api.eu.lever.co": "api.eu.lever.co"}
_GH_EU = {"job-boards.eu.greenhouse.io", "boards.eu.greenhouse.io", "boards-api.eu.greenhouse.io"}


class SourceError(ValueError):
    """A URL or registry entry that names no crawlable board; the message says what to fix."""


@dataclass(frozen=True)
class Detected:
    """A board found in a careers URL."""

    source: str
    board: str
    host: str | None = None  #: API host when not the platform default (EU, Workday data center)
    url: str | None = None  #: the start URL, for career sites (``schemaorg``)


def _parts(url: str) -> tuple[str, list[str], str]:
    text = url.strip()
    if not re.match(r"^[a-z][a-z0-9+.-]*://", text, re.I):
        text = "https://" + text
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        raise SourceError(f"{url!r} is not a URL: pass a careers page such as "
                          "https://boards.greenhouse.io/acme") from None  # fmt: skip
    if parts.scheme.lower() not in ("http", "https") or "." not in host:
        raise SourceError(f"{url!r} is not an http(s) URL with a host name")
    segments = [s for s in parts.path.split("/") if s]
    return host, segments, parts.query


def detect(url: str) -> Detected:
    """The ATS, board token and API host a careers URL points at (:class:`SourceError` if none)."""
    host, segments, query = _parts(url)
    host = host.removeprefix("www.")
    for source, host_re, path_re in _API_PATHS:
        if host_re.match(host):
            m = re.match(path_re, "/" + "/".join(segments))
            if not m:
                raise SourceError(f"{url!r}: no board in this {source} API URL")
            return _checked(source, m.group(1), _api_host(source, host))
    if host in _PATH_HOSTS:
        source = _PATH_HOSTS[host]
        token = segments[0] if segments else None
        if source == "greenhouse" and token == "embed":  # /embed/job_board?for=acme
            token = (parse_qs(query).get("for") or [None])[0]
        if not token:
            raise SourceError(f"{url!r}: the board name is missing (e.g. https://{host}/acme)")
        if source == "workable" and token == "j":
            raise SourceError(f"{url!r} is one job's link: paste https://{host}/<account>")
        return _checked(source, token, _api_host(source, host))
    if m := _WORKDAY_HOST.match(host):
        site = next((s for s in segments if not _LOCALE.match(s)), None)
        if site is None:
            raise SourceError(
                f"{url!r}: the Workday career site is missing (e.g. https://{host}/en-US/External)"
            )
        return _checked("workday", f"{m['tenant']}/{site}", host)
    for suffix, source in _SUBDOMAIN_HOSTS.items():
        if host.endswith("." + suffix):
            token = host[: -len(suffix) - 1]
            if "." in token or token in ("www", "apply", "api", "jobs", "careers"):
                break
            extra = host if source == "personio" and suffix.endswith(".com") else None
            return _checked(source, token, extra)
    if host.endswith(("greenhouse.io", "lever.co", "ashbyhq.com", "smartrecruiters.com",
                      "myworkdayjobs.com", "workable.com", "recruitee.com", "personio.de",
                      "personio.com")):  # fmt: skip
        raise SourceError(f"{url!r}: an ATS host, but no board page; paste the board's own URL")
    return Detected("schemaorg", host, None, url.strip())


def _api_host(source: str, host: str) -> str | None:
    if source == "lever":
        return _EU_HOSTS.get(host)
    if source == "greenhouse" and host in _GH_EU:
        return "boards-api.eu.greenhouse.io"
    return None


def _checked(source: str, board: str, host: str | None) -> Detected:
    validate_entry(source, board, host)
    return Detected(source, board, host)


def validate_entry(
    source: str, board: str, host: str | None = None, url: str | None = None
) -> None:
    """Raise :class:`SourceError` unless ``board`` (and ``host``, ``url``) suit ``source``."""
    if source not in KNOWN_SOURCES:
        raise SourceError(f"unknown source {source!r}; known: {', '.join(KNOWN_SOURCES)}")
    if not TOKEN_PATTERNS[source].match(board):
        example = {"workday": "tenant/site", "schemaorg": "careers.example.com"}.get(source, "acme")
        raise SourceError(f"{source} board {board!r} is not a valid token (e.g. {example!r})")
    if host is not None:
        pattern = HOST_PATTERNS.get(source)
        if pattern is None or not pattern.match(host):
            hint = _HOST_EXAMPLES.get(source)
            expected = f" (expected e.g. {hint})" if hint else f"; {source} takes no host"
            raise SourceError(f"{source} board {board!r}: host {host!r} is not valid{expected}")
        if source == "workday" and not host.startswith(board.split("/")[0] + "."):
            raise SourceError(f"workday board {board!r}: host {host!r} is another tenant's")
    if url is not None and not re.match(r"^https?://[^/\s]+\.[^/\s]+", url):
        raise SourceError(f"{source} board {board!r}: url {url!r} is not an http(s) URL")
    if source == "workday" and host is None:
        raise SourceError(
            f"workday board {board!r} needs its host, e.g. "
            f"{board.split('/')[0]}.wd5.myworkdayjobs.com (from the careers URL)"
        )


_HOST_EXAMPLES = {
    "greenhouse": "boards-api.eu.greenhouse.io",
    "lever": "api.eu.lever.co",
    "workday": "acme.wd5.myworkdayjobs.com",
    "personio": "acme.jobs.personio.com",
}
