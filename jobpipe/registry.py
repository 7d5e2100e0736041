"""The source registry: which boards to crawl on which platform, and from which API root.

```yaml
base_urls:                       # optional per-platform API roots; {date} = logical date
  greenhouse: http://127.0.0.1:8765/d/{date}
boards:
  - {source: greenhouse, board: discord, company: Discord}
```
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

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


class RegistryError(ValueError):
    """The registry file is missing or malformed; the message says how to fix it."""


@dataclass(frozen=True)
class BoardRef:
    source: str
    board: str
    company: str | None = None


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
        template = self.base_urls.get(source) or DEFAULT_BASE_URLS[source]
        return template.replace("{date}", day.isoformat())

    def to_yaml(self) -> str:
        doc = {
            "base_urls": dict(self.base_urls),
            "boards": [
                {k: v for k, v in vars(ref).items() if v is not None} for ref in self.boards
            ],
        }
        return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)


def load_registry(path: Path) -> Registry:
    """Read and check a registry file."""
    if not path.is_file():
        raise RegistryError(f"registry {path} not found: create it or set JOBPIPE_REGISTRY")
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise RegistryError(f"registry {path} is not valid YAML: {exc}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("boards"), list):
        raise RegistryError(f"registry {path} needs a top-level 'boards:' list")
    boards: list[BoardRef] = []
    for i, entry in enumerate(doc["boards"]):
        if not isinstance(entry, dict) or not entry.get("source") or not entry.get("board"):
            raise RegistryError(f"registry {path}: boards[{i}] needs 'source' and 'board'")
        if entry["source"] not in SUPPORTED_SOURCES:
            raise RegistryError(
                f"registry {path}: boards[{i}] has source {entry['source']!r}; "
                f"supported: {', '.join(SUPPORTED_SOURCES)}"
            )
        boards.append(BoardRef(str(entry["source"]), str(entry["board"]), entry.get("company")))
    base_urls = doc.get("base_urls") or {}
    if not isinstance(base_urls, dict):
        raise RegistryError(f"registry {path}: 'base_urls' must be a mapping")
    return Registry(boards=boards, base_urls={str(k): str(v) for k, v in base_urls.items()})
