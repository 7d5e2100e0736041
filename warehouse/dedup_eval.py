"""Pair precision and recall of de-duplication on a labeled set of posting pairs.

    .venv/bin/python -m warehouse.dedup_eval [tests/eval/duplicate_pairs.jsonl] [--mistakes]

Each pair is grouped exactly as publish groups new postings (URL and MinHash-LSH blocking,
then :func:`warehouse.dedup.match_kind`); a pair is predicted duplicate when both postings
end in the same group.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from warehouse.dedup import DedupRecord, assign_groups

DEFAULT_SET = Path("tests/eval/duplicate_pairs.jsonl")
TARGET_PRECISION = 0.98
TARGET_RECALL = 0.9


def record(p: dict[str, Any]) -> DedupRecord:
    return DedupRecord.build(
        p["posting_id"],
        p["company"],
        p["url"],
        p["title"],
        p.get("seniority"),
        p.get("locations"),
        p.get("description"),
        date.fromisoformat(p["first_seen"]),
        date.fromisoformat(p["closed_at"]) if p.get("closed_at") else None,
    )


def predict(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether de-duplication puts ``a`` and ``b`` in one group (the earlier one first)."""
    first, second = sorted((a, b), key=lambda p: p["first_seen"])
    earlier = record(first)
    earlier = DedupRecord(**{**earlier.__dict__, "group_id": earlier.posting_id})
    groups = {
        g.posting_id: g.duplicate_group_id for g in assign_groups([earlier], [record(second)])
    }
    return groups[second["posting_id"]] == earlier.group_id


@dataclass
class PairScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    mistakes: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def evaluate(path: Path = DEFAULT_SET) -> PairScore:
    score = PairScore()
    for line in path.read_bytes().splitlines():
        if not line.strip():
            continue
        pair = orjson.loads(line)
        got, want = predict(pair["a"], pair["b"]), bool(pair["label"])
        kind = score.by_kind[f"{int(want)} {pair['kind']}"]
        kind[0] += got == want
        kind[1] += 1
        if got and want:
            score.tp += 1
        elif got:
            score.fp += 1
        elif want:
            score.fn += 1
        else:
            score.tn += 1
        if got != want:
            score.mistakes.append(
                {
                    "kind": pair["kind"],
                    "label": want,
                    "a": pair["a"]["title"],
                    "b": pair["b"]["title"],
                }
            )
    return score


def main(argv: list[str]) -> int:
    path = Path(next((a for a in argv if not a.startswith("--")), DEFAULT_SET))
    s = evaluate(path)
    print(f"pairs {s.tp + s.fp + s.fn + s.tn}: tp {s.tp} fp {s.fp} fn {s.fn} tn {s.tn}")
    for kind, (right, total) in sorted(s.by_kind.items()):
        print(f"  {kind:<50} {right}/{total} right")
    met = s.precision >= TARGET_PRECISION and s.recall >= TARGET_RECALL
    print(
        f"precision {s.precision:.3f} (target {TARGET_PRECISION}), "
        f"recall {s.recall:.3f} (target {TARGET_RECALL}): {'met' if met else 'MISSED'}"
    )
    if "--mistakes" in argv:
        for m in s.mistakes:
            print(orjson.dumps(m).decode())
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
