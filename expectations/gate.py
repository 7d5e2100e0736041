"""The publish gate: a critical batch-level failure stops publication of that batch.

What happens when the gate blocks day D (``steps.validate``):

- ``postings/dt=D`` and ``quarantine/dt=D`` are not written: whatever an earlier accepted run
  of D published stays exactly as it was (or the day stays absent), and the warehouse is not
  rebuilt;
- the blocked batch is kept for inspection in ``held/postings/dt=D/part-0.parquet`` and
  ``held/quarantine/dt=D/part-0.parquet``; its batch metrics are stored with
  ``accepted = false``, so it never becomes the baseline of the next run;
- the validate report, the validation history and Data Docs record the run;
- :class:`GateError` is raised with a message naming every critical failure (the Airflow task
  fails with it; ``jobpipe validate`` prints it and exits 1). ``steps.publish`` refuses the
  day with the same message.

An accepted re-run of D publishes normally and deletes the held files of D.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from expectations.batch import BatchOutcome
from expectations.thresholds import ENV_PREFIX, Thresholds
from jobpipe import paths


@dataclass(frozen=True)
class GateDecision:
    blocked: bool
    message: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {"status": "blocked" if self.blocked else "passed", "message": self.message}


def decide(root: Path, day: date, batch: BatchOutcome, thresholds: Thresholds) -> GateDecision:
    """Block when a critical batch check failed and the gate is on; the message says why."""
    critical = batch.critical_failures
    if not critical or not thresholds.gate_enabled:
        return GateDecision(blocked=False)
    published = paths.parquet_file(root, "postings", day).exists()
    kept = (
        "the rows an earlier run published for that day stay published, unchanged"
        if published
        else "nothing is published for that day"
    )
    lines = "\n".join(f"  - {c}" for c in critical)
    message = (
        f"quality gate blocked publication of {day}: {len(critical)} critical check(s) failed:\n"
        f"{lines}\n"
        f"postings/dt={day} and quarantine/dt={day} were not replaced ({kept}); the blocked "
        f"batch is in {root / 'held'}/{{postings,quarantine}}/dt={day}/. If the change is real "
        f"(e.g. a board closed most postings), re-run with {ENV_PREFIX}GATE_ENABLED=false or "
        "raise the threshold (see docs/quality.md)."
    )
    return GateDecision(blocked=True, message=message)
