"""Accuracy on the labeled evaluation sets must not regress below the measured baseline.

Three sets (conventions in tests/eval/README.md): ``postings.jsonl`` and ``dev2.jsonl`` are
development sets the rules were tuned on; ``holdout.jsonl`` was written blind and is never
used for tuning, so its figures are the honest ones. Floors are the figures measured when they
were set (docs/enrichment.md, 2026-12-05), rounded down a little; raise them as extraction
improves. The spec targets live in jobpipe.evaluation.TARGETS and are reported by
``jobpipe eval``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from jobpipe.evaluation import evaluate, load_eval_set

EVAL = Path(__file__).resolve().parent / "eval"
# set: {field: (metric, floor)}; "skills" has precision and recall floors
FLOORS: dict[str, dict[str, tuple[str, float]]] = {
    "postings.jsonl": {
        "salary_min": ("accuracy", 0.98),
        "salary_max": ("accuracy", 0.98),
        "salary_currency": ("accuracy", 0.98),
        "salary_period": ("accuracy", 0.98),
        "workplace_type": ("accuracy", 0.99),
        "employment_type": ("accuracy", 0.98),
        "seniority": ("accuracy", 0.99),
        "education_level": ("accuracy", 0.98),
        "experience": ("accuracy", 0.98),
        "country": ("f1", 0.98),
        "city": ("f1", 0.97),
        "language": ("accuracy", 0.99),
        "visa_sponsorship": ("accuracy", 0.97),
        "skills_precision": ("precision", 0.99),
        "skills_recall": ("recall", 0.95),
    },
    "dev2.jsonl": {
        "salary_min": ("accuracy", 0.99),
        "salary_max": ("accuracy", 0.99),
        "salary_currency": ("accuracy", 0.99),
        "salary_period": ("accuracy", 0.99),
        "workplace_type": ("accuracy", 0.99),
        "employment_type": ("accuracy", 0.99),
        "seniority": ("accuracy", 0.98),
        "education_level": ("accuracy", 0.98),
        "experience": ("accuracy", 0.97),
        "country": ("f1", 0.98),
        "city": ("f1", 0.97),
        "language": ("accuracy", 0.99),
        "visa_sponsorship": ("accuracy", 0.99),
        "skills_precision": ("precision", 0.91),
        "skills_recall": ("recall", 0.80),
    },
    "holdout.jsonl": {
        "salary_min": ("accuracy", 0.94),
        "salary_max": ("accuracy", 0.94),
        "salary_currency": ("accuracy", 0.94),
        "salary_period": ("accuracy", 0.94),
        "workplace_type": ("accuracy", 0.95),
        "employment_type": ("accuracy", 0.95),
        "seniority": ("accuracy", 0.98),
        "education_level": ("accuracy", 0.89),
        "experience": ("accuracy", 0.93),
        "country": ("f1", 0.98),
        "city": ("f1", 0.97),
        "language": ("accuracy", 0.99),
        "visa_sponsorship": ("accuracy", 0.92),
        "skills_precision": ("precision", 0.91),
        "skills_recall": ("recall", 0.68),
    },
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_eval_set_is_well_formed(name: str) -> None:
    done = subprocess.run(
        [sys.executable, str(EVAL / "check_eval_set.py"), str(EVAL / name)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


@pytest.fixture(scope="module")
def scores():  # type: ignore[no-untyped-def]
    out = {}
    for name in FLOORS:
        records = load_eval_set(EVAL / name)
        assert len(records) >= 80
        out[name] = evaluate(records)[0]
    return out


@pytest.mark.parametrize(
    ("name", "field"), [(name, field) for name, fields in FLOORS.items() for field in fields]
)
def test_field_floor(scores, name: str, field: str) -> None:  # type: ignore[no-untyped-def]
    metric, floor = FLOORS[name][field]
    score = scores[name]["skills" if field.startswith("skills_") else field]
    value = getattr(score, metric)
    assert value >= floor, f"{name}: {field} {metric} fell to {value:.3f} (floor {floor})"
