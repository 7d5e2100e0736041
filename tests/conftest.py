"""Shared fixtures: recorded-response paths, a temp data root, settings."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RECORDED = ROOT.parent / "shared" / "fixtures" / "recorded"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(Path(__file__).resolve().parent))


def recorded(*parts: str) -> Path:
    """Path of a recorded real response; skips the test when the shared folder is absent."""
    path = RECORDED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"recorded fixtures not available ({path})")
    return path


@pytest.fixture
def settings(tmp_path: Path):
    from jobpipe.config import load_settings

    return load_settings(tmp_path / "data")
