"""The source registry: which employers' boards to crawl, on which platform, from which host.

```yaml
base_urls:                       # optional per-platform API roots; {date} = logical date
  greenhouse: http://127.0.0.1:8765/d/{date}
boards:
  - {company: Discord, source: greenhouse, board: discord}
  - {company: Spotify, source: lever, board: spotify, host: api.eu.lever.co}
  - {company: NVIDIA, source: workday, board: nvidia/NVIDIAExternalCareerSite,
     host: nvidia.wd5.myworkdayjobs.com}
  - {company: Acme, source: schemaorg, url: https://careers.acme.example/jobs}
```

An entry's API root is ``base_urls[source]`` when given (a local server, a mirror), else
``https://<host>`` when the entry names a host (Lever EU, a Workday data center), else the
platform default in :data:`DEFAULT_BASE_URLS`. Detection of entries from careers URLs lives in
:mod:`jobpipe.sources`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from jobpipe.sources import KNOWN_SOURCES, SourceError, validate_entry

DEFAULT_BASE_URLS = {"greenhouse": "https://boards-api.greenhouse.io"}
DEFAULT_BASE_URLS["lever"] = "https://api.lever.co"  # board "site@eu" → api.eu.lever.co
DEFAULT_BASE_URLS["ashby"] = "https://api.ashbyhq.com"
DEFAULT_BASE_URLS["smartrecruiters"] = "https://api.smartrecruiters.com"
DEFAULT_BASE_URLS["workable"] = "https://apply.workable.com"
DEFAULT_BASE_URLS["workday"] = "https://{tenant}.{datacenter}.myworkdayjobs.com"  # tenant/site
DEFAULT_BASE_URLS["recruitee"] = "https://{board}.recruitee.com"
DEFAULT_BASE_URLS["personio"] = "https://{board}.jobs.personio.de"
DEFAULT_BASE_URLS["schemaorg"] = "https://{board}"  # board: career-site domain or start URL
SUPPORTED_SOURCES = tuple(DEFAULT_BASE_URLS)
# spiders that take the host in the board token (see BoardRef.target): one process for all
_HOST_IN_TOKEN = frozenset({"workday", "lever"})


class RegistryError(ValueError):
    """The registry file is missing or malformed; the message says how to fix it."""


@dataclass(frozen=True)
class BoardRef:
    """One employer's board: platform, token, and optionally its name, API host and start URL."""

    source: str
    board: str
    company: str | None = None
    host: str | None = None  #: API host when not the platform's default (EU, Workday wdN)
    url: str | None = None  #: start URL of a career site (``schemaorg``)

    @property
    def key(self) -> tuple[str, str]:
        return (self.source, self.board.lower())

    @property
    def target(self) -> str:
        """What the spider's ``boards`` argument takes: the start URL for career sites."""
        if self.source == "schemaorg" and self.url:
            return self.url
        if self.host and self.source == "workday":  # acme.wd1.myworkdayjobs.com → acme/site@wd1
            return f"{self.board}@{self.host.split('.')[1]}"
        if self.host and self.source == "lever" and ".eu." in self.host:
            return f"{self.board}@eu"
        return self.board


@dataclass
class Registry:
    boards: list[BoardRef]
    base_urls: dict[str, str] = field(default_factory=dict)

    def by_source(self) -> dict[str, list[BoardRef]]:
        grouped: dict[str, list[BoardRef]] = defaultdict(list)
        for ref in self.boards:
            grouped[ref.source].append(ref)
        return dict(grouped)

    def base_url(self, source: str, day: date) -> str:
        """The platform-wide API root for ``day`` (override, else default)."""
        template = self.base_urls.get(source) or DEFAULT_BASE_URLS.get(source)
        if template is None:
            raise RegistryError(
                f"no API root for source {source!r}: no spider ships a default; "
                f"add 'base_urls: {{{source}: ...}}' to the registry"
            )
        return template.replace("{date}", day.isoformat())

    def board_base_url(self, ref: BoardRef, day: date) -> str:
        """The API root one board is crawled from (override > entry host > default)."""
        if ref.source == "schemaorg" and ref.source not in self.base_urls:
            return DEFAULT_BASE_URLS.get(ref.source, "")  # career sites start from their url
        if ref.source in self.base_urls or ref.host is None or ref.source in _HOST_IN_TOKEN:
            return self.base_url(ref.source, day)
        return f"https://{ref.host}"

    def groups(self, day: date) -> dict[tuple[str, str], list[BoardRef]]:
        """Boards that one spider process can crawl together: same source and API root."""
        grouped: dict[tuple[str, str], list[BoardRef]] = defaultdict(list)
        for ref in self.boards:
            grouped[(ref.source, self.board_base_url(ref, day))].append(ref)
        return dict(sorted(grouped.items()))

    def add(self, ref: BoardRef) -> Registry:
        """A registry with ``ref`` appended; :class:`RegistryError` if it is already listed."""
        validate_ref(ref)
        for other in self.boards:
            if other.key == ref.key:
                name = f" ({other.company})" if other.company else ""
                raise RegistryError(f"{ref.source} board {ref.board!r}{name} is already listed")
        return Registry([*self.boards, ref], dict(self.base_urls))

    def to_yaml(self) -> str:
        doc: dict[str, object] = {}
        if self.base_urls:
            doc["base_urls"] = dict(self.base_urls)
        doc["boards"] = [_entry(ref) for ref in self.boards]
        return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)


def _entry(ref: BoardRef) -> dict[str, str]:
    out = {"company": ref.company, "source": ref.source, "board": ref.board}
    out.update(host=ref.host, url=ref.url)
    return {k: v for k, v in out.items() if v is not None}


def validate_ref(ref: BoardRef) -> None:
    """Raise :class:`RegistryError` when the entry cannot be crawled as written."""
    try:
        validate_entry(ref.source, ref.board, ref.host, ref.url)
    except SourceError as exc:
        raise RegistryError(str(exc)) from None
    if ref.source == "schemaorg" and not ref.url:
        raise RegistryError(f"schemaorg board {ref.board!r} needs 'url' (its careers page)")


def _ref_from_entry(path: Path, i: int, entry: object) -> BoardRef:
    where = f"registry {path}: boards[{i}]"
    if not isinstance(entry, dict):
        raise RegistryError(f"{where} must be a mapping with 'source' and 'board'")
    unknown = set(entry) - {"company", "source", "board", "host", "url"}
    if unknown:
        raise RegistryError(
            f"{where} has unknown keys {sorted(unknown)}; allowed: company, source, board, "
            "host, url"
        )
    source, board, url = entry.get("source"), entry.get("board"), entry.get("url")
    if source == "schemaorg" and not board and isinstance(url, str):
        from spiders.extract.schemaorg import board_for

        board = board_for(url)
    if not source or not board:
        raise RegistryError(f"{where} needs 'source' and 'board'")
    if source not in KNOWN_SOURCES:
        raise RegistryError(f"{where} has source {source!r}; supported: {', '.join(KNOWN_SOURCES)}")
    ref = BoardRef(
        str(source),
        str(board),
        str(entry["company"]) if entry.get("company") is not None else None,
        str(entry["host"]).lower() if entry.get("host") else None,
        str(url) if url else None,
    )
    try:
        validate_ref(ref)
    except RegistryError as exc:
        raise RegistryError(f"{where}: {exc}") from None
    return ref


def load_registry(path: Path) -> Registry:
    """Read and check a registry file: known sources, valid tokens and hosts, no duplicates."""
    if not path.is_file():
        raise RegistryError(f"registry {path} not found: create it or set JOBPIPE_REGISTRY")
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise RegistryError(f"registry {path} is not valid YAML: {exc}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("boards"), list):
        raise RegistryError(f"registry {path} needs a top-level 'boards:' list")
    boards: list[BoardRef] = []
    seen: dict[tuple[str, str], int] = {}
    for i, entry in enumerate(doc["boards"]):
        ref = _ref_from_entry(path, i, entry)
        if ref.key in seen:
            raise RegistryError(
                f"registry {path}: boards[{i}] repeats boards[{seen[ref.key]}] "
                f"({ref.source} {ref.board!r}); remove one"
            )
        seen[ref.key] = i
        boards.append(ref)
    base_urls = doc.get("base_urls") or {}
    if not isinstance(base_urls, dict):
        raise RegistryError(f"registry {path}: 'base_urls' must be a mapping")
    return Registry(boards=boards, base_urls={str(k): str(v) for k, v in base_urls.items()})


def save_registry(path: Path, registry: Registry) -> None:
    """Write the registry atomically (comments in the old file are not kept)."""
    from jobpipe.atomic import atomic_open

    with atomic_open(path, "w") as fh:
        fh.write(registry.to_yaml())
