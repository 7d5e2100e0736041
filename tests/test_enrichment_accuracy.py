"""Accuracy on the labeled evaluation set must not regress below the measured baseline.

The floors are the figures measured when they were set (see docs/enrichment.md), rounded
down a little; raise them as extraction improves. The spec targets are in
jobpipe.evaluation.TARGETS and reported by `jobpipe eval`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from jobpipe.evaluation import evaluate, load_eval_set

EVAL = Path(__file__).resolve().parent / "eval"
FLOORS = {  # field: (metric, floor)
    "salary_min": ("accuracy", 0.95),
    "salary_max": ("accuracy", 0.95),
    "salary_currency": ("accuracy", 0.96),
    "salary_period": ("accuracy", 0.95),
    "workplace_type": ("accuracy", 0.85),
    "employment_type": ("accuracy", 0.84),
    "seniority": ("accuracy", 0.82),
    "education_level": ("accuracy", 0.80),
    "experience": ("accuracy", 0.91),
    "country": ("f1", 0.96),
    "city": ("f1", 0.93),
    "language": ("accuracy", 0.98),
}
SKILLS_FLOORS = {"precision": 0.99, "recall": 0.95}  # skills are scored as sets per posting


def test_eval_set_is_well_formed() -> None:
    done = subprocess.run(
        [sys.executable, str(EVAL / "check_eval_set.py")], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


@pytest.fixture(scope="module")
def scores():  # type: ignore[no-untyped-def]
    records = load_eval_set(EVAL / "postings.jsonl")
    assert len(records) >= 150
    return evaluate(records)[0]


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_accuracy_floor(scores, field: str) -> None:  # type: ignore[no-untyped-def]
    metric, floor = FLOORS[field]
    value = getattr(scores[field], metric)
    assert value >= floor, f"{field} {metric} fell to {value:.3f} (floor {floor})"


@pytest.mark.parametrize("metric", sorted(SKILLS_FLOORS))
def test_skills_floor(scores, metric: str) -> None:  # type: ignore[no-untyped-def]
    value = getattr(scores["skills"], metric)
    floor = SKILLS_FLOORS[metric]
    assert value >= floor, f"skills {metric} fell to {value:.3f} (floor {floor})"
