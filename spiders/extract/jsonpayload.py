"""Decoding JSON bodies defensively: clear reasons instead of stack traces."""

from __future__ import annotations

from typing import Any

import orjson

from spiders.extract import PayloadError

EXCERPT_CHARS = 200


def excerpt(body: bytes | str, limit: int = EXCERPT_CHARS) -> str:
    """The first ``limit`` characters of a body, for error records."""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    return text[:limit]


def load_json(body: bytes | str) -> tuple[Any, bool]:
    """Parse a JSON body; returns ``(value, repaired_utf8)``.

    Invalid UTF-8 bytes are replaced with U+FFFD and parsing retried (``repaired_utf8`` is
    then True); anything else that is not JSON raises :class:`PayloadError`.
    """
    raw = body.encode("utf-8") if isinstance(body, str) else body
    if not raw.strip():
        raise PayloadError("empty_body", "the response body is empty")
    stripped = raw.lstrip()[:1]
    if stripped == b"<":
        raise PayloadError("html_instead_of_json", f"expected JSON, got HTML: {excerpt(raw, 80)!r}")
    try:
        return orjson.loads(raw), False
    except orjson.JSONDecodeError as exc:
        if "utf-8" not in str(exc).lower():
            raise PayloadError("invalid_json", f"{exc}") from None
    try:
        return orjson.loads(raw.decode("utf-8", "replace")), True
    except orjson.JSONDecodeError as exc:
        raise PayloadError("invalid_json", f"{exc}") from None
