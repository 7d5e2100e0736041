"""Helpers for the demo wire-format tests: recorded files and their common keys."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import RECORDED

DAY = date(2026, 11, 1)


def recorded_objects(ats: str, pattern: str, pick: Callable[[Any], Any]) -> list[dict[str, Any]]:
    """``pick(parsed file)`` for every recorded file of ``ats`` matching ``pattern``."""
    folder = RECORDED / ats
    files = sorted(folder.glob(pattern)) if folder.is_dir() else []
    if not files:
        pytest.skip(f"recorded {ats} fixtures not available")
    return [pick(json.loads(Path(f).read_text(encoding="utf-8"))) for f in files]


def common_keys(objects: list[dict[str, Any]]) -> set[str]:
    """Keys every recorded object has: the platform's stable core."""
    keys = set(objects[0])
    for obj in objects[1:]:
        keys &= set(obj)
    return keys
