"""Every data-quality threshold, in one place: a dataclass with defaults.

Overrides, later wins: a YAML file named by ``JOBPIPE_QUALITY_CONFIG`` (keys = field names),
then one environment variable per field, ``JOBPIPE_QUALITY_<FIELD>`` in upper case (numbers,
``true``/``false``, comma-separated lists; mappings only through YAML). The suites and the
batch checks read their numbers from here, never from literals in code.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ENV_PREFIX = "JOBPIPE_QUALITY_"
CONFIG_ENV = "JOBPIPE_QUALITY_CONFIG"


def _default_pay_bounds() -> dict[str, tuple[float, float]]:
    # Annual pay (salary_*_annual) a posting paid per <period> may show, in the currencies of
    # ``pay_bounds_currencies``: below the low bound is usually a mis-read period or unit
    # ("45" per year), above the high bound a mis-read number ("45000" an hour).
    return {
        "hour": (4_000.0, 2_000_000.0),
        "day": (4_000.0, 2_000_000.0),
        "week": (4_000.0, 2_000_000.0),
        "month": (4_000.0, 3_000_000.0),
        "year": (4_000.0, 5_000_000.0),
    }


# Currencies in which the bounds above are plausible (units worth roughly 0.5–2 US dollars).
# Pay in other currencies is not range-checked (listed as a gap in docs/quality.md).
_BOUNDED_CURRENCIES = ("USD", "EUR", "GBP", "CHF", "CAD", "AUD", "NZD", "SGD")

_BOILERPLATE_TITLES = (
    r"(?i)^[^A-Za-z0-9]*(?:untitled|no title|n/?a|none|null|undefined|tbd|tba|test|testing|"
    r"job|jobs|position|vacancy|opening|title|job title|apply|apply now|click here|"
    r"see description|lorem ipsum.*)[^A-Za-z0-9]*$",
)


@dataclass(frozen=True)
class Thresholds:
    """Numbers the bronze, silver and batch checks compare against."""

    # bronze
    bronze_ok_status_min: int = 200  #: lowest acceptable HTTP status of a posting payload
    bronze_ok_status_max: int = 299  #: highest acceptable HTTP status
    # silver
    earliest_posted_at: date = date(2000, 1, 1)  #: posted_at before this is not plausible
    posted_at_future_days: int = 1  #: posted_at may be at most this many days after the run
    min_description_chars: int = 1  #: description text (trimmed) at least this long
    annual_pay_bounds: Mapping[str, tuple[float, float]] = field(
        default_factory=_default_pay_bounds
    )
    pay_bounds_currencies: tuple[str, ...] = _BOUNDED_CURRENCIES
    boilerplate_title_patterns: tuple[str, ...] = _BOILERPLATE_TITLES
    # batch (compare with the previous accepted run of the same board)
    row_count_min_ratio: float = 0.5  #: warn when a board has fewer rows than this × before
    row_count_max_ratio: float = 3.0  #: warn when a board has more rows than this × before
    row_count_critical_min_ratio: float = 0.1  #: block when a board fell below this × before
    null_rate_key_fields: tuple[str, ...] = (
        "title",
        "company",
        "url",
        "description_text",
        "posted_at",
        "locations",
        "salary_min",
    )
    null_rate_max_increase: float = 0.2  #: warn when a key field's null share rises this much
    quarantine_share_max: float = 0.05  #: warn when more than this share of rows is quarantined
    quarantine_share_critical: float = 0.5  #: block when more than this share is quarantined
    gate_enabled: bool = True  #: false: critical batch failures are reported, not blocking
    critical_checks: tuple[str, ...] = ("row_count_not_collapsed", "quarantine_share_critical")
    # reporting
    data_docs_days: int = 31  #: Data Docs render the latest this many logical dates (~0.25 s each)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready copy (dates as ISO strings, tuples as lists)."""
        out = dataclasses.asdict(self)
        out["earliest_posted_at"] = self.earliest_posted_at.isoformat()
        out["annual_pay_bounds"] = {k: list(v) for k, v in self.annual_pay_bounds.items()}
        return out


def _convert(name: str, raw: Any, default: Any) -> Any:
    """``raw`` (YAML value or env string) as the type of the field's default."""
    if isinstance(default, bool):
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("0", "false", "no", "off"):
            return False
        raise ValueError(f"{name}: {raw!r} is not true/false")
    if isinstance(default, date):
        return raw if isinstance(raw, date) else date.fromisoformat(str(raw))
    if isinstance(default, int | float):
        return type(default)(raw)
    if isinstance(default, tuple):
        items = raw if isinstance(raw, list | tuple) else str(raw).split(",")
        return tuple(str(i).strip() for i in items if str(i).strip())
    if isinstance(default, Mapping):
        if not isinstance(raw, Mapping):
            raise ValueError(f"{name}: a mapping is needed (set it in the YAML file)")
        return {str(k): (float(v[0]), float(v[1])) for k, v in raw.items()}
    return raw


def load_thresholds(
    path: str | Path | None = None, env: Mapping[str, str] | None = None
) -> Thresholds:
    """Defaults, then the YAML file (``path`` or ``$JOBPIPE_QUALITY_CONFIG``), then env vars."""
    env = os.environ if env is None else env
    base = Thresholds()
    defaults = {f.name: getattr(base, f.name) for f in fields(Thresholds)}
    values: dict[str, Any] = {}
    config = path or env.get(CONFIG_ENV)
    if config:
        loaded = yaml.safe_load(Path(config).read_text(encoding="utf-8")) or {}
        if not isinstance(loaded, Mapping):
            raise ValueError(f"{config}: expected a mapping of threshold names to values")
        unknown = set(loaded) - set(defaults)
        if unknown:
            raise ValueError(
                f"{config}: unknown threshold(s) {sorted(unknown)}; known: {sorted(defaults)}"
            )
        values |= {k: _convert(k, v, defaults[k]) for k, v in loaded.items()}
    for name, default in defaults.items():
        raw = env.get(ENV_PREFIX + name.upper())
        if raw is not None and raw != "":
            values[name] = _convert(name, raw, default)
    return dataclasses.replace(base, **values)
