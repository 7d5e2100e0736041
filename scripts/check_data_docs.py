#!/usr/bin/env python3
"""Render the GX Data Docs in headless Chromium: a screenshot plus a check of the rendered DOM.

usage: scripts/check_data_docs.py [DATA_ROOT | INDEX_HTML] [--screenshot PNG] [--chromium PATH]

Runs ``chromium --headless --no-sandbox --disable-gpu --disable-background-networking`` twice:
``--dump-dom`` (the page after its scripts ran; must name every suite that has stored results
and the Great Expectations footer) and ``--screenshot``. Exit 0 when both look right, 1 when
the page did not render, 2 when Chromium is missing (Debian: ``apt-get install chromium``).
"""

from __future__ import annotations

import argparse
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--window-size=1280,1600",
]
TIMEOUT = 90


def find_chromium(explicit: str | None = None) -> str | None:
    for name in [explicit, "/usr/bin/chromium", "chromium", "chromium-browser"]:
        if name and (found := shutil.which(name)):
            return found
    return None


def png_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG (from its IHDR chunk); (0, 0) if it is not a PNG."""
    head = path.read_bytes()[:24] if path.exists() else b""
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n":
        return 0, 0
    return struct.unpack(">II", head[16:24])


def expected_suites(index: Path) -> list[str]:
    """Suites with stored results beside the docs: ``<root>/quality/results/dt=*/<suite>.json``."""
    results = index.parent.parent / "results"
    return sorted({p.stem for p in results.glob("dt=*/*.json")})


def run(chromium: str, args: list[str], profile: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [chromium, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def check(index: Path, screenshot: Path, chromium: str) -> list[str]:
    """Problems found (empty: the docs rendered)."""
    url = index.resolve().as_uri()
    problems = []
    with tempfile.TemporaryDirectory() as profile:
        dom = run(chromium, ["--dump-dom", url], profile)
        shot = run(chromium, [f"--screenshot={screenshot}", url], profile)
    if dom.returncode != 0:
        problems.append(f"chromium --dump-dom failed ({dom.returncode}): {dom.stderr[-500:]}")
    text = dom.stdout
    for needle in ["Great Expectations", "jobpipe validation runs", *expected_suites(index)]:
        if needle not in text:
            problems.append(f"rendered page does not mention {needle!r}")
    pages = sorted(index.parent.glob("validations/*/*/*/*.html"))
    if pages:  # one validation page must render too (its content is static HTML)
        with tempfile.TemporaryDirectory() as profile:
            page = run(chromium, ["--dump-dom", pages[-1].resolve().as_uri()], profile)
        if "Expectation Validation Result" not in page.stdout:
            problems.append(f"validation page {pages[-1]} did not render")
    width, height = png_size(screenshot)
    if shot.returncode != 0 or width < 800 or height < 600:
        problems.append(
            f"no usable screenshot at {screenshot} ({width}x{height}): {shot.stderr[-300:]}"
        )
    elif screenshot.stat().st_size < 20_000:
        problems.append(f"screenshot {screenshot} is nearly empty ({screenshot.stat().st_size} B)")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", nargs="?", default="data", help="data root or index.html")
    parser.add_argument("--screenshot", default="data_docs.png", help="PNG to write")
    parser.add_argument("--chromium", default=None, help="Chromium binary")
    args = parser.parse_args(argv)
    target = Path(args.target)
    index = target if target.suffix == ".html" else target / "quality" / "data_docs" / "index.html"
    if not index.exists():
        print(f"no Data Docs at {index}: run `jobpipe quality --rebuild-docs`", file=sys.stderr)
        return 1
    chromium = find_chromium(args.chromium)
    if chromium is None:
        print("chromium not found (Debian: apt-get install chromium)", file=sys.stderr)
        return 2
    problems = check(index, Path(args.screenshot), chromium)
    for problem in problems:
        print(f"FAIL: {problem}", file=sys.stderr)
    if not problems:
        print(f"ok: {index} rendered; screenshot {args.screenshot}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
