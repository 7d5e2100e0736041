"""Pure extraction functions: payload in, typed items out. No Scrapy, no I/O."""

from __future__ import annotations


class PayloadError(ValueError):
    """A payload that cannot be parsed; ``reason`` is a short kind for counting."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
