"""Thresholds: one dataclass; a YAML file and JOBPIPE_QUALITY_* variables override it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from expectations.thresholds import Thresholds, load_thresholds


def test_defaults_without_overrides() -> None:
    assert load_thresholds(env={}) == Thresholds()


def test_yaml_then_env(tmp_path: Path) -> None:
    config = tmp_path / "quality.yaml"
    config.write_text(
        "row_count_critical_min_ratio: 0.2\n"
        "earliest_posted_at: 2010-01-01\n"
        "annual_pay_bounds: {year: [10000, 900000]}\n"
        "critical_checks: [quarantine_share_critical]\n",
        encoding="utf-8",
    )
    env = {
        "JOBPIPE_QUALITY_CONFIG": str(config),
        "JOBPIPE_QUALITY_ROW_COUNT_CRITICAL_MIN_RATIO": "0.3",
        "JOBPIPE_QUALITY_GATE_ENABLED": "off",
        "JOBPIPE_QUALITY_PAY_BOUNDS_CURRENCIES": "USD, EUR",
    }
    t = load_thresholds(env=env)
    assert t.row_count_critical_min_ratio == 0.3  # env wins over YAML
    assert t.earliest_posted_at == date(2010, 1, 1)
    assert t.annual_pay_bounds == {"year": (10000.0, 900000.0)}
    assert t.critical_checks == ("quarantine_share_critical",)
    assert t.gate_enabled is False and t.pay_bounds_currencies == ("USD", "EUR")
    assert t.as_dict()["earliest_posted_at"] == "2010-01-01"


@pytest.mark.parametrize(
    ("text", "message"),
    [("row_count_ratio: 0.5\n", "unknown threshold"), ("- 1\n", "expected a mapping")],
)
def test_bad_yaml_is_explained(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "q.yaml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_thresholds(config, env={})


def test_bad_env_value_is_explained() -> None:
    with pytest.raises(ValueError, match="gate_enabled: 'maybe' is not true/false"):
        load_thresholds(env={"JOBPIPE_QUALITY_GATE_ENABLED": "maybe"})
    with pytest.raises(ValueError, match="mapping"):
        load_thresholds(env={"JOBPIPE_QUALITY_ANNUAL_PAY_BOUNDS": "1,2"})
