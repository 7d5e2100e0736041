"""Run-time settings, read from the environment (never at import time)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_USER_AGENT = (
    "jobpipe/0.1 (+https://github.com/jobpipe/jobpipe; open-source job-postings research crawler)"
)


@dataclass(frozen=True)
class Settings:
    """Where data lives and how the crawler presents itself."""

    data_root: Path
    registry_path: Path | None
    user_agent: str
    concurrency_per_domain: int


def load_settings(data_root: str | Path | None = None) -> Settings:
    """Settings from explicit arguments, then ``JOBPIPE_*`` environment variables, then defaults.

    ``JOBPIPE_DATA_ROOT`` (default ``./data``), ``JOBPIPE_REGISTRY`` (a sources YAML file),
    ``JOBPIPE_USER_AGENT``, ``JOBPIPE_CONCURRENCY_PER_DOMAIN``.
    """
    root = Path(data_root or os.environ.get("JOBPIPE_DATA_ROOT") or "data").expanduser()
    registry = os.environ.get("JOBPIPE_REGISTRY")
    return Settings(
        data_root=root.resolve(),
        registry_path=Path(registry).expanduser().resolve() if registry else None,
        user_agent=os.environ.get("JOBPIPE_USER_AGENT") or DEFAULT_USER_AGENT,
        concurrency_per_domain=int(os.environ.get("JOBPIPE_CONCURRENCY_PER_DOMAIN") or 8),
    )
