"""Scoring of `jobpipe eval` on a tiny hand-made set (not the real evaluation set)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from jobpipe.cli import app
from jobpipe.evaluation import Score, _score_scalar, _score_sets, evaluate, target_status


def test_scalar_scoring_counts() -> None:
    s = Score("x")
    for pred, label in [("a", "a"), ("a", "b"), (None, "b"), ("a", None), (None, None)]:
        _score_scalar(s, pred, label)
    assert (s.tp, s.fp, s.fn, s.agree, s.total) == (1, 2, 2, 2, 5)
    assert s.precision == 1 / 3 and s.recall == 1 / 3 and s.accuracy == 2 / 5


def test_set_scoring_counts() -> None:
    s = Score("skills")
    _score_sets(s, {"python", "sql"}, {"python", "go"})
    assert (s.tp, s.fp, s.fn) == (1, 1, 1)


def test_numbers_compare_with_a_small_tolerance() -> None:
    s = Score("salary_min")
    _score_scalar(s, 95000.0, 95000)
    _score_scalar(s, 95000.0, 96000)
    assert s.tp == 1 and s.fp == 1


RECORD = {
    "id": "t1",
    "title": "Data Engineer",
    "company": "Acme",
    "location": "Berlin, Germany",
    "description": "We use Python and SQL. Salary: EUR 60,000 - 70,000 per year.",
    "labels": {
        "salary_min": 60000,
        "salary_max": 70000,
        "salary_currency": "EUR",
        "salary_period": "year",
        "locations": [{"city": "Berlin", "region": None, "country_code": "DE"}],
        "workplace_type": None,
        "employment_type": None,
        "seniority": "mid",
        "education_level": None,
        "experience_years_min": None,
        "experience_years_max": None,
        "skills": ["python", "sql", "go"],
        "visa_sponsorship": None,
        "language": "en",
    },
}


def test_evaluate_and_targets() -> None:
    scores, mistakes = evaluate([RECORD])
    assert scores["country"].tp == 1 and scores["city"].tp == 1
    assert scores["skills"].fn >= 1  # "go" is not in the text
    assert any(m["id"] == "t1" and "skills" in m["wrong"] for m in mistakes)
    names = {t["target"] for t in target_status(scores)}
    assert {"salary_min", "country", "city", "skills_precision", "skills_recall"} <= names


def test_cli_prints_scores_and_writes_mistakes(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps(RECORD) + "\n")
    runner = CliRunner()
    result = runner.invoke(app, ["eval", str(path), "--mistakes", str(tmp_path / "m.jsonl")])
    assert result.exit_code == 0, result.output
    assert "skills_recall" in result.output and "precision" in result.output
    assert json.loads((tmp_path / "m.jsonl").read_text().splitlines()[0])["id"] == "t1"
    as_json = runner.invoke(app, ["eval", str(path), "--json"])
    assert json.loads(as_json.stdout)["targets"]


def test_cli_markdown_table_covers_fields_without_a_target(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps(RECORD) + "\n")
    result = CliRunner().invoke(app, ["eval", str(path), "--markdown"])
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    # fields scored without a spec target (language, visa) still get a row, with no mark
    assert any(r.startswith("| language |") and r.rstrip().endswith("|  |") for r in rows)
    assert any(r.startswith("| salary_min |") and "accuracy ≥ 0.97" in r for r in rows)
