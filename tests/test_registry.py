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


def test_hosts_and_overrides_decide_each_boards_api_root(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(
        "base_urls: {greenhouse: 'http://127.0.0.1:9/d/{date}'}\nboards:\n"
        "  - {source: greenhouse, board: a}\n"
        "  - {source: greenhouse, board: b, host: boards-api.eu.greenhouse.io}\n"
        "  - {source: workday, board: acme/Ext, host: acme.wd5.myworkdayjobs.com}\n"
        "  - {source: workday, board: globex/Jobs, host: globex.wd1.myworkdayjobs.com}\n"
        "  - {source: schemaorg, url: 'https://careers.acme.example/jobs'}\n"
    )
    reg = load_registry(path)
    day = date(2026, 11, 2)
    groups = {key: [r.board for r in refs] for key, refs in reg.groups(day).items()}
    assert groups[("greenhouse", "http://127.0.0.1:9/d/2026-11-02")] == ["a", "b"]
    # every Workday tenant in one process: the spider fills the host from the board token
    workday = "https://{tenant}.{datacenter}.myworkdayjobs.com"
    assert groups[("workday", workday)] == ["acme/Ext", "globex/Jobs"]
    targets = [r.target for r in reg.boards if r.source == "workday"]
    assert targets == ["acme/Ext@wd5", "globex/Jobs@wd1"]
    site = reg.boards[-1]
    assert site.board == "careers.acme.example" and site.target == site.url
    assert load_registry(path).boards == reg.boards  # stable
    path.write_text(reg.to_yaml())
    assert load_registry(path).boards == reg.boards  # round trip keeps host and url


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("{source: lever, board: a, region: eu}", "unknown keys"),
        ("{source: lever, board: a, host: jobs.eu.lever.co}", "expected e.g. api.eu.lever.co"),
        ("{source: workday, board: acme/Ext}", "needs its host"),
        ("{source: schemaorg, board: acme.example}", "needs 'url'"),
        ("{source: greenhouse, board: 'two words'}", "not a valid token"),
    ],
)
def test_entry_errors_name_the_entry(tmp_path: Path, entry: str, message: str) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(f"boards:\n  - {{source: greenhouse, board: ok}}\n  - {entry}\n")
    with pytest.raises(RegistryError, match=rf"boards\[1\].*{message}"):
        load_registry(path)


def test_duplicates_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("boards:\n  - {source: greenhouse, board: Acme}\n"
                    "  - {source: greenhouse, board: acme}\n")  # fmt: skip
    with pytest.raises(RegistryError, match=r"boards\[1\] repeats boards\[0\]"):
        load_registry(path)
    reg = Registry(boards=[BoardRef("greenhouse", "acme")])
    with pytest.raises(RegistryError, match="already listed"):
        reg.add(BoardRef("greenhouse", "ACME"))
    assert len(reg.add(BoardRef("lever", "acme")).boards) == 2


def test_lever_eu_host_travels_in_the_board_token(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(
        "boards:\n"
        "  - {source: lever, board: acme, company: Acme}\n"
        "  - {source: lever, board: globex, host: api.eu.lever.co, company: Globex}\n"
    )
    reg = load_registry(path)
    day = date(2026, 11, 2)
    assert list(reg.groups(day)) == [("lever", "https://api.lever.co")]  # one process
    assert [r.target for r in reg.boards] == ["acme", "globex@eu"]
