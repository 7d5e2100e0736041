"""A scripted HTTP server on 127.0.0.1 for spider tests: path → queue of canned responses."""

from __future__ import annotations

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


class StubServer:
    """Serve canned responses by path (query ignored); the last one of a queue repeats."""

    def __init__(self) -> None:
        self.routes: dict[str, deque[Canned]] = {}
        self.hits: dict[str, int] = defaultdict(int)
        self.lock = threading.Lock()
        self.routes["/robots.txt"] = deque([Canned(200, b"User-agent: *\nAllow: /\n", {})])
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = urlsplit(self.path).path
                with server.lock:
                    server.hits[path] += 1
                    queue = server.routes.get(path)
                    if queue is None:
                        canned = Canned(404, b'{"status":404,"error":"Not found"}')
                    else:
                        canned = queue.popleft() if len(queue) > 1 else queue[0]
                if canned.delay:
                    time.sleep(canned.delay)
                self.send_response(canned.status)
                for key, value in canned.headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(canned.body)))
                self.end_headers()
                self.wfile.write(canned.body)

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
