"""``jobpipe eval``: per-field precision and recall of enrichment on a labeled set.

A scalar field counts a true positive when the prediction equals the label, a false
positive when something was predicted that is not the label, a false negative when the
label was missed; accuracy also credits agreeing nulls. Locations (country codes, and
(city, country) pairs) and skills are scored as sets per posting, micro-averaged.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from jobpipe.enrichment_io import enrich_record
from transforms.locations import fold

SCALAR_FIELDS = (
    "salary_min",
    "salary_max",
    "salary_currency",
    "salary_period",
    "workplace_type",
    "employment_type",
    "seniority",
    "education_level",
    "experience_years_min",
    "experience_years_max",
    "visa_sponsorship",
    "language",
)
# field → (metric, minimum) from the enrichment spec
TARGETS: dict[str, tuple[str, float]] = {
    "salary_min": ("accuracy", 0.97),
    "salary_max": ("accuracy", 0.97),
    "salary_currency": ("accuracy", 0.97),
    "salary_period": ("accuracy", 0.97),
    "employment_type": ("accuracy", 0.95),
    "workplace_type": ("accuracy", 0.95),
    "seniority": ("accuracy", 0.9),
    "country": ("f1", 0.98),
    "city": ("f1", 0.93),
    "education_level": ("accuracy", 0.9),
    "experience": ("accuracy", 0.93),
    "skills_precision": ("precision", 0.9),
    "skills_recall": ("recall", 0.8),
}


@dataclass
class Score:
    field: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    agree: int = 0
    total: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return self.agree / self.total if self.total else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "accuracy": self.accuracy,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "support": self.tp + self.fn,
            "total": self.total,
        }


def _same(pred: Any, label: Any) -> bool:
    if isinstance(pred, (int, float)) and isinstance(label, (int, float)):
        return math.isclose(float(pred), float(label), rel_tol=0.005, abs_tol=0.01)
    return pred == label


def _score_scalar(score: Score, pred: Any, label: Any) -> None:
    score.total += 1
    right = pred is not None and label is not None and _same(pred, label)
    score.agree += right or (pred is None and label is None)
    score.tp += right
    score.fp += pred is not None and not right
    score.fn += label is not None and not right


def _score_sets(score: Score, pred: set[Any], label: set[Any]) -> None:
    score.total += 1
    score.agree += pred == label
    score.tp += len(pred & label)
    score.fp += len(pred - label)
    score.fn += len(label - pred)


def _countries(locations: list[dict[str, Any]]) -> set[str]:
    return {loc["country_code"] for loc in locations or [] if loc.get("country_code")}


def _cities(locations: list[dict[str, Any]]) -> set[tuple[str, str | None]]:
    return {
        (fold(loc["city"]), loc.get("country_code")) for loc in locations or [] if loc.get("city")
    }


def evaluate(records: Iterable[dict[str, Any]]) -> tuple[dict[str, Score], list[dict[str, Any]]]:
    """Scores per field and the per-posting mistakes (for error analysis)."""
    scores = {
        name: Score(name) for name in (*SCALAR_FIELDS, "experience", "country", "city", "skills")
    }
    mistakes: list[dict[str, Any]] = []
    for record in records:
        labels = record["labels"]
        pred = enrich_record(record)
        wrong: dict[str, Any] = {}
        for name in SCALAR_FIELDS:
            _score_scalar(scores[name], pred.get(name), labels.get(name))
            if not _same(pred.get(name), labels.get(name)):
                wrong[name] = {"predicted": pred.get(name), "label": labels.get(name)}
        pair = (pred.get("experience_years_min"), pred.get("experience_years_max"))
        want = (labels.get("experience_years_min"), labels.get("experience_years_max"))
        _score_scalar(
            scores["experience"],
            pair if any(p is not None for p in pair) else None,
            want if any(w is not None for w in want) else None,
        )
        for name, fn in (("country", _countries), ("city", _cities)):
            got, exp = fn(pred["locations"]), fn(labels.get("locations") or [])
            _score_sets(scores[name], got, exp)
            if got != exp:
                wrong[name] = {"predicted": sorted(map(str, got)), "label": sorted(map(str, exp))}
        got_skills, exp_skills = set(pred["skills"]), set(labels.get("skills") or [])
        _score_sets(scores["skills"], got_skills, exp_skills)
        if got_skills != exp_skills:
            wrong["skills"] = {
                "extra": sorted(got_skills - exp_skills),
                "missed": sorted(exp_skills - got_skills),
            }
        if wrong:
            mistakes.append({"id": record.get("id"), "wrong": wrong})
    return scores, mistakes


def target_status(scores: dict[str, Score]) -> list[dict[str, Any]]:
    """Each spec target with the measured value and whether it is met."""
    rows = []
    for name, (metric, minimum) in TARGETS.items():
        base = "skills" if name.startswith("skills") else name
        value = getattr(scores[base], metric)
        rows.append(
            {
                "target": name,
                "metric": metric,
                "minimum": minimum,
                "value": value,
                "met": value >= minimum,
            }
        )
    return rows


def load_eval_set(path: Path) -> list[dict[str, Any]]:
    records = []
    for number, line in enumerate(path.read_bytes().splitlines(), start=1):
        if line.strip():
            record = orjson.loads(line)
            if "labels" not in record:
                raise ValueError(f"{path}:{number}: no 'labels' object")
            records.append(record)
    return records
