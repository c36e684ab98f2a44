"""A local HTTP server for the press review's tests: feeds and article pages served from
127.0.0.1, every request's headers recorded, so that no test reaches the network."""

import contextlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict = field(default_factory=dict)
    #: Seconds to wait before answering (a feed that times out).
    delay: float = 0.0
    #: Answer 304 when the request's If-None-Match is this ETag.
    etag: str = ""


class FeedServer:
    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict]] = []
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the standard library's name
                with server.lock:
                    server.requests.append((self.path, dict(self.headers.items())))
                route = server.routes.get(self.path)
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if route.delay:
                    time.sleep(route.delay)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.send_header("ETag", route.etag)
                    self.end_headers()
                    return
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.etag:
                    self.send_header("ETag", route.etag)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                # The client may have given up (a timeout test).
                with contextlib.suppress(OSError):
                    self.wfile.write(route.body)

            def log_message(self, format, *args):  # noqa: A002 - the standard library's name
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def headers_of(self, path: str) -> list[dict]:
        with self.lock:
            return [headers for request_path, headers in self.requests if request_path == path]


@pytest.fixture
def feed_server():
    server = FeedServer()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()
