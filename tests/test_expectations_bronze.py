"""Bronze suite: raw crawled lines are checked before extraction; failures become rejects."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest
from quality_cases import DAY, bronze_cases, bronze_record, write_bronze

from expectations.bronze import (
    BRONZE_SUITE,
    LABEL_PREFIX,
    bronze_facts,
    build_bronze_suite,
    check_bronze,
    normalize_checked,
)
from transforms.normalize import iter_bronze

CRAWL_ERROR = {
    "record_type": "error",
    "source": "greenhouse",
    "board": "acme",
    "request_url": "https://boards-api.greenhouse.io/v1/boards/acme/jobs",
    "reason": "http_500",
    "detail": "server error",
    "http_status": 500,
}


@pytest.fixture(scope="module")
def broken_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    cases = bronze_cases()
    lines = [bronze_record("1"), CRAWL_ERROR, *(line for line, _ in cases.values())]
    lines.append(bronze_record("2"))
    return write_bronze(tmp_path_factory.mktemp("bronze") / "part-all.jsonl.gz", lines)


def test_every_broken_line_is_held_with_its_check(broken_file: Path) -> None:
    checked = check_bronze([broken_file])
    held = {line: reject for (_, line), reject in checked.held.items()}
    # line 1 and the last line are clean; line 2 is a crawl error (not a posting line)
    for number, (name, (_, label)) in enumerate(bronze_cases().items(), start=3):
        assert LABEL_PREFIX + label in held[number]["failed_expectations"], name
        assert held[number]["stage"] == "bronze" and held[number]["detail"].endswith(
            f"part-all.jsonl.gz:{number})"
        )
    assert set(held) == set(range(3, 3 + len(bronze_cases())))
    assert held[3 + list(bronze_cases()).index("status_500")]["offending_values"] == [
        {
            "expectation": "bronze:expect_column_values_to_be_between(http_status)",
            "column_name": "http_status",
            "value": "500",
        }
    ]
    assert checked.outcome.rows_in == len(bronze_cases()) + 2


def test_held_lines_are_rejected_not_lost(broken_file: Path) -> None:
    result, checked = normalize_checked([broken_file], DAY)
    assert result.table.column("source_job_id").to_pylist() == ["1", "2"]
    assert result.postings_in == result.table.num_rows + len(result.rejects)
    assert len(result.rejects) == len(checked.held) == len(bronze_cases())
    assert len(result.crawl_errors) == 1
    assert all(r["failed_expectations"][0].startswith("bronze:") for r in result.rejects)


def test_clean_bronze_passes(tmp_path: Path) -> None:
    path = write_bronze(tmp_path / "b.jsonl.gz", [bronze_record(str(i)) for i in range(5)])
    checked = check_bronze([path])
    assert checked.held == {} and checked.outcome.success
    assert all(r.success for r in checked.outcome.results)


def test_facts_keep_position_and_skip_crawl_errors(broken_file: Path) -> None:
    facts = bronze_facts(iter_bronze([broken_file])).to_pylist()
    assert [f["bronze_line"] for f in facts[:2]] == [1, 3]
    assert facts[0]["payload_kind"] == "object" and facts[0]["http_status"] == 200
    assert facts[1]["line_parses"] is False


def test_suite_reads_its_bounds_from_thresholds() -> None:
    import dataclasses

    from expectations.thresholds import Thresholds

    strict = dataclasses.replace(Thresholds(), bronze_ok_status_max=200)
    suite = build_bronze_suite(strict)
    assert suite.name == BRONZE_SUITE
    between = [
        e for e in suite.expectations if e.configuration.kwargs.get("column") == "http_status"
    ]
    assert between[-1].configuration.kwargs["max_value"] == 200


def test_steps_quarantine_held_lines_with_their_reason(tmp_path: Path) -> None:
    from expectations.history import load_history
    from jobpipe import paths, steps
    from jobpipe.config import load_settings

    settings = load_settings(tmp_path / "data")
    root = settings.data_root
    lines = [bronze_record(str(i)) for i in range(1, 5)]
    lines += [bronze_record("90", http_status=503), b"{truncated"]
    write_bronze(paths.bronze_file(root, "greenhouse", DAY), lines)
    normalized = steps.normalize(DAY, settings)
    assert normalized["bronze_validation"]["held"] == 2
    report = steps.validate(DAY, settings)
    assert report["rows_in"] == 6 == report["valid"] + report["quarantined"]
    held = pq.read_table(paths.parquet_file(root, "quarantine", DAY)).to_pylist()
    by_id = {r["source_job_id"]: r for r in held}
    assert by_id["90"]["failed_expectations"] == [
        "bronze:expect_column_values_to_be_between(http_status)"
    ]
    assert by_id["90"]["quarantine_reason"].startswith("bronze failed (bronze_checks): Failed 1")
    assert by_id["90"]["offending_values"][0]["value"] == "503"
    assert (
        "bronze:expect_column_values_to_be_in_set(line_parses)"
        in by_id[None]["failed_expectations"]
    )
    suites = set(load_history(root, DAY).column("suite").to_pylist())
    assert suites == {"bronze_raw_items", "postings_silver", "postings_batch"}
