"""Run-time settings, read from the environment (never at import time)."""

from __future__ import annotations

import os
from collections.abc import Callable
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


# --------------------------------------------------------------------------- orchestrated runs

Lookup = Callable[[str], "str | None"]


def env_lookup(name: str) -> str | None:
    """``JOBPIPE_<NAME>`` from the environment."""
    return os.environ.get(f"JOBPIPE_{name.upper()}") or None


@dataclass(frozen=True)
class RunConfig:
    """What a scheduled run needs, read when a task runs (never when a DAG file is parsed).

    ``data_root`` may be a local folder or an ``s3://`` URI (see :mod:`jobpipe.storage`).
    """

    data_root: str
    registry_path: Path | None
    user_agent: str
    concurrency_per_domain: int
    shard_size: int
    shard_timeout: float

    def settings(self, local_root: Path) -> Settings:
        """Step settings for a local (possibly mirrored) data root."""
        return Settings(
            data_root=local_root,
            registry_path=self.registry_path,
            user_agent=self.user_agent,
            concurrency_per_domain=self.concurrency_per_domain,
        )


def _number(lookup: Lookup, name: str, default: float, kind: type) -> float:
    raw = lookup(name)
    if raw in (None, ""):
        return kind(default)
    try:
        value = kind(raw)
    except ValueError:
        raise ValueError(f"jobpipe setting {name}={raw!r} is not a number") from None
    if value <= 0:
        raise ValueError(f"jobpipe setting {name}={raw!r} must be positive")
    return value


def load_run_config(lookup: Lookup = env_lookup) -> RunConfig:
    """Run settings by name (``data_root``, ``registry``, ``user_agent``,
    ``concurrency_per_domain``, ``shard_size``, ``shard_timeout``) from ``lookup``.

    The default lookup reads ``JOBPIPE_<NAME>``; the Airflow DAG looks up the Variable
    ``jobpipe_<name>`` first, then the environment.
    """
    root = lookup("data_root") or "data"
    if "://" not in root:
        root = str(Path(root).expanduser().resolve())
    registry = lookup("registry")
    return RunConfig(
        data_root=root,
        registry_path=Path(registry).expanduser().resolve() if registry else None,
        user_agent=lookup("user_agent") or DEFAULT_USER_AGENT,
        concurrency_per_domain=int(_number(lookup, "concurrency_per_domain", 8, int)),
        shard_size=int(_number(lookup, "shard_size", 10, int)),
        shard_timeout=_number(lookup, "shard_timeout", 1800, float),
    )
