"""A scripted HTTP server on 127.0.0.1 for spider tests: path → queue of canned responses.

Besides plain answers it can misbehave on purpose: delays, bodies sent without a length
(read until the connection closes), huge bodies streamed in chunks, and conditional answers
(``304`` when the request's ``If-None-Match`` / ``If-Modified-Since`` match).
"""

from __future__ import annotations

import gzip
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


@dataclass
class Canned:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/json"})
    delay: float = 0.0  #: seconds to wait before answering
    etag: str | None = None  #: sent as ETag; a matching If-None-Match gets 304
    last_modified: str | None = None  #: sent as Last-Modified; a matching If-Modified-Since: 304
    stream_bytes: int = 0  #: instead of body: this many bytes of JSON-ish filler, in chunks
    no_length: bool = False  #: omit Content-Length (the body ends when the connection closes)


def gzip_bomb(size: int) -> Canned:
    """A tiny gzip body that inflates to ``size`` bytes of JSON whitespace."""
    body = gzip.compress(b"[" + b" " * (size - 2) + b"]", compresslevel=9)
    return Canned(200, body, {"Content-Type": "application/json", "Content-Encoding": "gzip"})


class StubServer:
    """Serve canned responses by path (query ignored); the last one of a queue repeats."""

    def __init__(self) -> None:
        self.routes: dict[str, deque[Canned]] = {}
        self.hits: dict[str, int] = defaultdict(int)
        self.requests: list[tuple[str, str, dict[str, str]]] = []  #: (method, path, headers)
        self.times: dict[str, list[float]] = defaultdict(list)  #: path → monotonic arrival times
        self.active = 0  #: requests being answered right now
        self.max_active = 0  #: the most answered at the same time
        self.lock = threading.Lock()
        self.routes["/robots.txt"] = deque([Canned(200, b"User-agent: *\nAllow: /\n", {})])
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = urlsplit(self.path).path
                with server.lock:
                    server.hits[path] += 1
                    server.times[path].append(time.monotonic())
                    server.requests.append((self.command, path, dict(self.headers.items())))
                    server.active += 1
                    server.max_active = max(server.max_active, server.active)
                    queue = server.routes.get(path)
                    if queue is None:
                        canned = Canned(404, b'{"status":404,"error":"Not found"}')
                    else:
                        canned = queue.popleft() if len(queue) > 1 else queue[0]
                try:
                    self._answer(canned)
                finally:
                    with server.lock:
                        server.active -= 1

            do_POST = do_GET

            def _answer(self, canned: Canned) -> None:
                if canned.delay:
                    time.sleep(canned.delay)
                if (canned.etag and self.headers.get("If-None-Match") == canned.etag) or (
                    canned.last_modified
                    and self.headers.get("If-Modified-Since") == canned.last_modified
                ):
                    self.send_response(304)
                    self._validators(canned)
                    self.end_headers()
                    return
                self.send_response(canned.status)
                for key, value in canned.headers.items():
                    self.send_header(key, value)
                self._validators(canned)
                size = canned.stream_bytes or len(canned.body)
                if not canned.no_length:
                    self.send_header("Content-Length", str(size))
                self.end_headers()
                if not canned.stream_bytes:
                    self.wfile.write(canned.body)
                    return
                chunk = b'{"jobs": [' + b" " * (1 << 20)
                sent = 0
                while sent < size:
                    part = chunk[: min(len(chunk), size - sent)]
                    self.wfile.write(part)
                    sent += len(part)

            def _validators(self, canned: Canned) -> None:
                if canned.etag:
                    self.send_header("ETag", canned.etag)
                if canned.last_modified:
                    self.send_header("Last-Modified", canned.last_modified)

            def log_message(self, *args: object) -> None:
                pass

        class QuietServer(ThreadingHTTPServer):
            def handle_error(self, request: object, client_address: object) -> None:
                pass  # clients that hang up early (size limits, timeouts) are expected here

        self.httpd = QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def route(self, path: str, *responses: Canned) -> None:
        self.routes[path] = deque(responses)

    def __enter__(self) -> StubServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
