"""Request failures get specific reasons in bronze (pure)."""

from __future__ import annotations

import pytest

from spiders.pipelines import refine_reason


@pytest.mark.parametrize(
    ("reason", "detail", "expected"),
    [
        ("ignored", "Ignored response ... exceeded DOWNLOAD_MAXSIZE (20 B) during decompression.",
         "response_too_large"),
        ("DownloadCancelledError", "Expected to receive 5 bytes which is larger than download "
         "max size (4) in request", "response_too_large"),
        ("DownloadCancelledError", "", "response_too_large"),
        ("ignored", "max redirections reached", "redirect_loop"),
        ("DownloadTimeoutError", "Getting http://x took longer than 1.0 seconds.", "timeout"),
        ("TCPTimedOutError", "", "timeout"),
        ("ConnectionRefusedError", "", "connection_refused"),
        ("DNSLookupError", "", "dns_lookup_failed"),
        ("robots_disallowed", "Forbidden by robots.txt", "robots_disallowed"),
        ("http_404", "HTTP 404", "http_404"),
    ],
)  # fmt: skip
def test_refine_reason(reason: str, detail: str, expected: str) -> None:
    assert refine_reason(reason, detail) == expected
