"""Local HTTP server for the demo market, in the Greenhouse Job Board API wire format.

Routes (``{day}`` is ``YYYY-MM-DD``; without the ``/d/{day}`` prefix the server's default day
is used):

- ``GET /robots.txt``
- ``GET [/d/{day}]/v1/boards/{board}/jobs[?content=true]``
- ``GET [/d/{day}]/v1/boards/{board}/jobs/{id}[?pay_transparency=true]``
- ``GET [/d/{day}]/boards.json`` - ``[{"board", "company", "ats", "source_board"}]`` (``ats``:
  the board's home format, ``source_board``: its token for that format's spider)

The other wire formats (Lever, Ashby, SmartRecruiters, Workable, Workday, Recruitee, Personio,
schema.org career pages) are routed by :mod:`jobpipe.demo.routes`.

Faults can be injected per board token (see :data:`FAULT_KINDS`).
"""

from __future__ import annotations

import contextlib
import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

import orjson

from jobpipe.demo import greenhouse
from jobpipe.demo.market import Market

log = logging.getLogger(__name__)

FAULT_KINDS = frozenset({
    "truncated_json",  # list body cut in half, still 200
    "missing_id",  # one job in the list (and its detail) lacks "id"
    "error_500_once",  # first list request for the board -> 500, then normal
    "rate_limit_429_once",  # first list request -> 429 with Retry-After: 1, then normal
    "not_found",  # 404 for everything under the board
    "html_instead_of_json",  # 200 text/html error page instead of JSON
    "slow",  # list answered after a 3 s delay
    "invalid_utf8",  # list body with invalid UTF-8 bytes inside a title
})  # fmt: skip
SLOW_SECONDS = 3.0
MAX_POST_BYTES = 64 * 1024  # list POST bodies (Workday) are tiny
JSON_TYPE = "application/json; charset=utf-8"
ROBOTS_TXT = b"""# Demo job board (jobpipe)
User-agent: *
Allow: /v1/
Allow: /d/
Disallow: /private/

User-agent: BadBot
Disallow: /
"""
HTML_ERROR_PAGE = b"""<!DOCTYPE html>
<html><head><title>Service Unavailable</title></head>
<body><h1>Something went wrong</h1><p>We're having trouble loading this job board.
Please try again later.</p></body></html>
"""

_ROUTE = re.compile(
    r"^(?:/d/(?P<day>[^/]+))?"
    r"(?:/v1/boards/(?P<board>[^/]+)/jobs(?:/(?P<job>[^/]+))?|/(?P<boards>boards\.json))/?$"
)


@dataclass
class Response:
    """A response ready to send."""

    status: int
    body: bytes
    content_type: str = JSON_TYPE
    headers: dict[str, str] = field(default_factory=dict)


def _json(status: int, obj: Any) -> Response:
    return Response(status, orjson.dumps(obj))


def _error(status: int, message: str) -> Response:
    return _json(status, {"status": status, "error": message})


def _parse_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def _flag(query: dict[str, list[str]], name: str) -> bool:
    return query.get(name, ["false"])[-1].lower() in ("true", "1", "yes")


class DemoApp:
    """Routing, rendering and fault injection; independent of the socket server."""

    def __init__(
        self, market: Market, default_day: date | None = None, faults: dict[str, str] | None = None
    ) -> None:
        self.market = market
        self.default_day = default_day
        self.faults = dict(faults or {})
        self._tokens = frozenset(market.board_tokens())
        unknown = set(self.faults.values()) - FAULT_KINDS
        if unknown:
            raise ValueError(f"unknown fault kinds: {sorted(unknown)}")
        missing = set(self.faults) - self._tokens
        if missing:
            raise ValueError(f"faults for boards the market does not have: {sorted(missing)}")
        self._once_lock = threading.Lock()
        self._once_fired: set[str] = set()
        self._list_body = lru_cache(maxsize=256)(self._render_list)

    def handle(
        self, path: str, method: str = "GET", body: bytes = b"", host: str | None = None
    ) -> Response:
        """Answer a request for ``path`` (which may carry a query string)."""
        from jobpipe.demo import routes

        parts = urlsplit(path)
        if parts.path == "/robots.txt":
            return Response(200, ROBOTS_TXT, "text/plain; charset=utf-8")
        other = routes.route(self, method, parts.path, parts.query, body, host)
        if other is not None:
            return other
        match = _ROUTE.match(parts.path)
        if match is None:
            return _error(404, "Not found")
        day = self._day(match["day"])
        if day is None:
            return _error(400, f"Invalid date: {match['day']!r}")
        if match["boards"]:
            return self._boards()
        query = parse_qs(parts.query)
        board = match["board"]
        if board not in self._tokens:
            return _error(404, "Job not found")
        fault = self.faults.get(board)
        if match["job"] is None:
            return self._list(board, day, _flag(query, "content"), fault)
        return self._detail(board, match["job"], day, _flag(query, "pay_transparency"), fault)

    def _day(self, text: str | None) -> date | None:
        if text is None:
            return self.default_day or datetime.now(UTC).date()
        return _parse_day(text)

    def _boards(self) -> Response:
        from jobpipe.demo.homes import home_ats, source_board

        rows = []
        for b in self.market.board_tokens():
            ats = home_ats(self.market, b)
            rows.append({"board": b, "company": self.market.company_name(b), "ats": ats,
                         "source_board": source_board(ats, b)})  # fmt: skip
        return _json(200, rows)

    def _fire_once(self, board: str) -> bool:
        """True the first time it is called for ``board`` (thread-safe)."""
        with self._once_lock:
            if board in self._once_fired:
                return False
            self._once_fired.add(board)
            return True

    def _list(self, board: str, day: date, content: bool, fault: str | None) -> Response:
        early = self._board_fault(fault)
        if early is not None:
            return early
        if fault == "error_500_once" and self._fire_once(board):
            return _error(500, "Internal Server Error")
        if fault == "rate_limit_429_once" and self._fire_once(board):
            return Response(429, orjson.dumps({"status": 429, "error": "Too Many Requests"}),
                            headers={"Retry-After": "1"})
        if fault == "slow":
            time.sleep(SLOW_SECONDS)
        body = self._list_body(board, day, content, fault)
        if fault == "truncated_json":
            body = body[: len(body) // 2]
        return Response(200, body)

    def _detail(
        self, board: str, job: str, day: date, pay: bool, fault: str | None
    ) -> Response:
        early = self._board_fault(fault)
        if early is not None:
            return early
        if not job.isdigit():
            return _error(404, "Job not found")
        obj = greenhouse.job_detail(self.market, board, int(job), day, pay_transparency=pay)
        if obj is None:
            return _error(404, "Job not found")
        if fault == "missing_id" and obj["id"] == self._missing_id_job(board, day):
            del obj["id"]
        return _json(200, obj)

    @staticmethod
    def _board_fault(fault: str | None) -> Response | None:
        if fault == "not_found":
            return _error(404, "Job not found")
        if fault == "html_instead_of_json":
            return Response(200, HTML_ERROR_PAGE, "text/html; charset=utf-8")
        return None

    def _missing_id_job(self, board: str, day: date) -> int | None:
        """The job whose ``id`` the ``missing_id`` fault drops: the first one listed."""
        postings = self.market.postings(board, day)
        return postings[0].job_id if postings else None

    def _render_list(self, board: str, day: date, content: bool, fault: str | None) -> bytes:
        obj = greenhouse.jobs_list(self.market, board, day, content=content)
        if fault == "missing_id" and obj["jobs"]:
            del obj["jobs"][0]["id"]
        body = orjson.dumps(obj)
        if fault == "invalid_utf8" and obj["jobs"]:
            head, title = b'"title":"', orjson.dumps(obj["jobs"][0]["title"])[1:-1]
            cut = max(1, len(title) // 2)
            broken = head + title[:cut] + b"\xff\xfe" + title[cut:]
            body = body.replace(head + title, broken, 1)
        return body


class _Handler(BaseHTTPRequestHandler):
    """Thin adapter from http.server to :class:`DemoApp`."""

    server: _Server
    protocol_version = "HTTP/1.1"
    server_version = "jobpipe-demo/1.0"
    timeout = 30  # idle keep-alive connections are closed after this many seconds
    disable_nagle_algorithm = True  # headers and body go out as separate writes

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self._answer(send_body=True, body=self.rfile.read(min(length, MAX_POST_BYTES)))

    def _answer(self, send_body: bool, body: bytes = b"") -> None:
        try:
            response = self.server.app.handle(
                self.path, self.command, body, self.headers.get("Host")
            )
        except Exception:  # a bug must not kill the connection thread silently
            log.exception("demo server failed on %s", self.path)
            response = _error(500, "Internal Server Error")
        # logged before sending, so a client that got its answer always finds it in the log
        self.server.record(self.command, self.path, response.status)
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(response.body)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s %s", self.address_string(), format % args)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256

    def __init__(
        self, address: tuple[str, int], app: DemoApp, record: Callable[[str, str, int], None]
    ) -> None:
        self.app = app
        self.record = record
        super().__init__(address, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("connection error from %s", client_address, exc_info=True)


class DemoBoardServer:
    """The demo job board on 127.0.0.1, served from a daemon thread.

    >>> with DemoBoardServer(Market(boards=3)) as server:  # doctest: +SKIP
    ...     urlopen(server.base_url_for(date(2026, 3, 1)) + "/v1/boards/acme/jobs")
    """

    def __init__(
        self,
        market: Market,
        host: str = "127.0.0.1",
        port: int = 0,
        default_day: date | None = None,
        faults: dict[str, str] | None = None,
    ) -> None:
        self.market = market
        self.app = DemoApp(market, default_day, faults)
        self.host = host
        self.port = port
        self.request_log: list[tuple[str, str, int]] = []
        self._log_lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:8765``."""
        return f"http://{self.host}:{self.port}"

    def base_url_for(self, day: date) -> str:
        """Base URL that serves the market as of ``day``."""
        return f"{self.url}/d/{day.isoformat()}"

    def _record(self, method: str, path: str, status: int) -> None:
        with self._log_lock:
            self.request_log.append((method, path, status))

    def start(self) -> DemoBoardServer:
        """Bind and serve in a daemon thread (port 0 picks a free port)."""
        if self._server is not None:
            raise RuntimeError("server already started")
        self._server = _Server((self.host, self.port), self.app, self._record)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.1},
            name=f"demo-board-server:{self.port}", daemon=True,
        )  # fmt: skip
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and release the port."""
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> DemoBoardServer:
        return self.start() if self._server is None else self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def serve_forever(
    market: Market,
    host: str = "127.0.0.1",
    port: int = 8765,
    default_day: date | None = None,
    faults: dict[str, str] | None = None,
) -> None:
    """Serve in the foreground until Ctrl-C (for the CLI)."""
    server = _Server((host, port), DemoApp(market, default_day, faults), lambda *_: None)
    log.info("demo job board on http://%s:%d", host, server.server_address[1])
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        log.info("demo job board stopping")
    finally:
        server.server_close()
