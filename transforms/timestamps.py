"""Timestamps as platforms write them → aware UTC datetimes."""

from __future__ import annotations

from datetime import UTC, datetime

MIN_EPOCH_MS = 10**11  # below this an integer epoch is taken as seconds, not milliseconds


def parse_timestamp(value: object) -> datetime | None:
    """ISO-8601 (with offset or ``Z``; naive taken as UTC), or epoch seconds/milliseconds.

    Returns None for anything unparseable rather than raising: the raw value stays in bronze.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        seconds = value / 1000 if abs(value) >= MIN_EPOCH_MS else value
        try:
            return datetime.fromtimestamp(seconds, UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if text.endswith(" UTC"):
        text = text[:-4] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)
