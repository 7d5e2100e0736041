"""The bundled registries load, are valid and point where they say."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from jobpipe.registry import load_registry
from jobpipe.sources import KNOWN_SOURCES

REGISTRIES = Path(__file__).resolve().parent.parent / "registries"


def test_example_registry_covers_every_ats() -> None:
    reg = load_registry(REGISTRIES / "example.yaml")
    per_source = Counter(ref.source for ref in reg.boards)
    assert set(per_source) == set(KNOWN_SOURCES) - {"schemaorg"}
    assert all(ref.company for ref in reg.boards)
    workday = [r for r in reg.boards if r.source == "workday"]
    assert all(r.host and r.host.startswith(r.board.split("/")[0]) for r in workday)
    day = date(2026, 11, 1)
    nvidia = next(r for r in workday if r.board.startswith("nvidia/"))
    assert reg.board_base_url(nvidia, day) == "https://{tenant}.{datacenter}.myworkdayjobs.com"
    assert nvidia.target == f"{nvidia.board}@wd5"  # the spider builds nvidia.wd5.… from it


def test_demo_registry_matches_the_default_demo_board() -> None:
    from jobpipe.demo import Market

    reg = load_registry(REGISTRIES / "demo.yaml")
    market = Market(seed=7, boards=6, jobs_per_board=20)
    assert [r.board for r in reg.boards] == market.board_tokens()
    assert reg.base_url("greenhouse", date(2026, 11, 2)) == "http://127.0.0.1:8765/d/2026-11-02"
