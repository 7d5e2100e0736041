"""Accuracy of ``parse_salary`` on hand-labeled pay snippets (tests/eval/salary_snippets.jsonl).

The snippets were labeled by reading them (conventions: tests/eval/README.md). They are a
salary *development* set: the parser was written against them, so this score is a regression
floor, not an independent estimate (the blind tests/eval/holdout.jsonl gives that). A snippet
passes when min, max, currency and period all match exactly; a snippet labeled as no pay
passes when the parser finds nothing, or (OTE-only pay, ``is_ote`` true) when what it finds is
flagged as OTE.

    .venv/bin/python tests/test_salary_snippets.py   # per-field accuracy and the failures
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from transforms.salary_text import parse_salary

SNIPPETS = Path(__file__).parent / "eval" / "salary_snippets.jsonl"
FIELDS = ("salary_min", "salary_max", "salary_currency", "salary_period")
FLOOR = 0.99  # exact-match accuracy over all 277 snippets (measured 2026-12-05: 1.000)


def load() -> list[dict[str, Any]]:
    with SNIPPETS.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def predict(text: str, country: str | None) -> tuple[dict[str, Any], bool]:
    """Predicted salary fields (base pay only, as enrichment stores them) and the OTE flag."""
    found = parse_salary(text, country=country)
    if found is None:
        return dict.fromkeys(FIELDS), False
    if found.is_ote:
        return dict.fromkeys(FIELDS), True
    fields = dict(zip(FIELDS, (found.min, found.max, found.currency, found.period), strict=True))
    return fields, False


def score(rows: list[dict[str, Any]]) -> tuple[dict[str, float], list[str]]:
    """Per-field accuracy, exact-match accuracy and the ids of failing snippets."""
    hits = dict.fromkeys((*FIELDS, "is_ote", "exact"), 0)
    failures: list[str] = []
    for row in rows:
        labels = row["labels"]
        got, is_ote = predict(row["text"], row["country"])
        ok = True
        for field in FIELDS:
            same = got[field] == labels[field]
            hits[field] += same
            ok = ok and same
        same_ote = is_ote == bool(labels.get("is_ote"))
        hits["is_ote"] += same_ote
        ok = ok and same_ote
        hits["exact"] += ok
        if not ok:
            failures.append(row["id"])
    return {k: v / len(rows) for k, v in hits.items()}, failures


def test_snippet_set_is_well_formed() -> None:
    rows = load()
    assert len(rows) >= 200
    assert len({r["id"] for r in rows}) == len(rows)
    negatives = [r for r in rows if r["labels"]["salary_currency"] is None]
    assert len(negatives) >= 50
    for r in rows:
        labels = r["labels"]
        assert set(labels) == {*FIELDS, "is_ote"}, r["id"]
        if labels["salary_currency"] is None:
            assert labels["salary_min"] is None and labels["salary_max"] is None, r["id"]
        else:
            assert labels["salary_period"] in ("hour", "day", "week", "month", "year"), r["id"]
            assert labels["salary_min"] is not None or labels["salary_max"] is not None, r["id"]
            assert not labels["is_ote"], r["id"]


def test_snippet_accuracy() -> None:
    rows = load()
    acc, failures = score(rows)
    by_id = {r["id"]: r for r in rows}
    detail = "\n".join(
        f"  {i}: {by_id[i]['text']!r} ({by_id[i]['country']}) → "
        f"{predict(by_id[i]['text'], by_id[i]['country'])}"
        for i in failures
    )
    assert acc["exact"] >= FLOOR, (
        f"exact {acc['exact']:.3f} < {FLOOR}; failing ids: {failures}\n{detail}"
    )


if __name__ == "__main__":
    rows = load()
    acc, failures = score(rows)
    for key, value in acc.items():
        print(f"{key:16} {value:.3f}")
    by_id = {r["id"]: r for r in rows}
    for i in failures:
        r = by_id[i]
        print(i, repr(r["text"]), r["country"])
        print("   want", [r["labels"][f] for f in FIELDS], r["labels"]["is_ote"])
        got, is_ote = predict(r["text"], r["country"])
        print("   got ", list(got.values()), is_ote)
    sys.exit(0)
