"""`jobpipe enrich`: JSON lines in, one enriched JSON line out per input, same order."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from jobpipe.cli import app
from jobpipe.enrichment_io import enrich_lines
from transforms.enrich import Enrichment

FIELDS = set(Enrichment().as_dict())

NURSE = {
    "id": "n1",
    "title": "Senior Registered Nurse (RN) - ICU",
    "company": "Mercy Health",
    "location": "Boston, MA; Denver, CO",
    "description": "<p>Full-time, on-site role. Pay: $45/hr - $58/hr.</p>"
    "<ul><li>BLS and patient care experience</li><li>3+ years of ICU experience</li>"
    "<li>Bachelor of Science in Nursing (BSN) required</li></ul>",
}


def test_one_line_out_per_line_in_same_order(tmp_path: Path) -> None:
    lines = [json.dumps({**NURSE, "id": f"n{i}"}) for i in range(3)]
    lines.insert(1, "{not json")
    lines.insert(3, "[1, 2]")
    lines.insert(2, "")
    out = list(enrich_lines(lines))
    assert [o.get("id") for o in out] == ["n0", None, "n1", None, "n2"]
    assert "invalid JSON" in out[1]["error"] and "JSON object" in out[3]["error"]
    assert FIELDS | {"id"} == set(out[0])


def test_fields_on_a_realistic_posting() -> None:
    (out,) = list(enrich_lines([json.dumps(NURSE)]))
    assert (out["salary_min"], out["salary_max"], out["salary_currency"]) == (45, 58, "USD")
    assert out["salary_period"] == "hour" and out["salary_source"] == "text"
    assert out["salary_min_annual"] == 45 * 2080
    assert [(c["city"], c["country_code"]) for c in out["locations"]] == [
        ("Boston", "US"),
        ("Denver", "US"),
    ]
    assert out["seniority"] == "senior"
    assert out["employment_type"] == "full_time" and out["workplace_type"] == "onsite"
    assert out["experience_years_min"] == 3 and out["education_level"] == "bachelor"
    assert {"patient care", "basic life support"} <= set(out["skills"])
    assert out["language"] == "en"


def test_missing_and_odd_fields_never_crash() -> None:
    out = list(enrich_lines(['{"id": 7}', '{"id": "x", "title": 5, "description": null}']))
    assert [o["id"] for o in out] == [7, "x"]
    assert all("error" not in o for o in out)
    assert out[0]["skills"] == [] and out[0]["locations"] == []


def test_cli_reads_a_file_and_stdin(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(NURSE) + "\n" + json.dumps({**NURSE, "id": "n2"}) + "\n")
    runner = CliRunner()
    result = runner.invoke(app, ["enrich", str(path)])
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == ["n1", "n2"]
    result = runner.invoke(app, ["enrich", "-"], input=json.dumps(NURSE) + "\n")
    assert json.loads(result.stdout.splitlines()[0])["id"] == "n1"
    missing = runner.invoke(app, ["enrich", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 1 and "not found" in missing.output
