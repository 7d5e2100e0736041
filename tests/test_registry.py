"""The sources registry file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from jobpipe.registry import BoardRef, Registry, RegistryError, load_registry


def test_round_trip_and_date_template(tmp_path: Path) -> None:
    reg = Registry(
        boards=[BoardRef("greenhouse", "acme", "Acme"), BoardRef("greenhouse", "globex")],
        base_urls={"greenhouse": "http://127.0.0.1:9/d/{date}"},
    )
    path = tmp_path / "sources.yaml"
    path.write_text(reg.to_yaml())
    loaded = load_registry(path)
    assert loaded.boards == reg.boards
    assert loaded.base_url("greenhouse", date(2026, 11, 2)) == "http://127.0.0.1:9/d/2026-11-02"
    assert [b.board for b in loaded.by_source()["greenhouse"]] == ["acme", "globex"]


def test_default_base_url(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("boards:\n  - {source: greenhouse, board: discord}\n")
    assert load_registry(path).base_url("greenhouse", date(2026, 1, 1)).startswith("https://")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("boards: [", "not valid YAML"),
        ("sources: []", "needs a top-level 'boards:' list"),
        ("boards:\n  - {board: x}", "needs 'source' and 'board'"),
        ("boards:\n  - {source: monster, board: x}", "supported: greenhouse"),
        ("boards: []\nbase_urls: [1]", "must be a mapping"),
    ],
)
def test_bad_registry_says_what_is_wrong(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(text)
    with pytest.raises(RegistryError, match=message):
        load_registry(path)


def test_missing_registry(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="JOBPIPE_REGISTRY"):
        load_registry(tmp_path / "nope.yaml")
