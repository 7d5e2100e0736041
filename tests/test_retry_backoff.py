"""Backoff delays and Retry-After parsing."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from spiders.middlewares import backoff_seconds, retry_after_seconds


@pytest.mark.parametrize(
    ("header", "expected"), [(b"3", 3.0), ("0", 0.0), (b"", None), (None, None), (b"soon", None)]
)
def test_retry_after_delta_seconds(header: bytes | str | None, expected: float | None) -> None:
    assert retry_after_seconds(header) == expected


def test_retry_after_http_date() -> None:
    now = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    header = format_datetime(now + timedelta(seconds=30), usegmt=True)
    assert retry_after_seconds(header, now=now.timestamp()) == pytest.approx(30)
    past = format_datetime(now - timedelta(seconds=30), usegmt=True)
    assert retry_after_seconds(past, now=now.timestamp()) == 0


def test_backoff_grows_and_is_capped() -> None:
    rng = random.Random(1)
    delays = [backoff_seconds(n, 1.0, 10.0, rng) for n in range(1, 8)]
    assert 0.5 <= delays[0] <= 1.0
    assert 2.0 <= delays[2] <= 4.0
    assert all(d <= 10.0 for d in delays)
    assert delays[-1] >= 5.0
