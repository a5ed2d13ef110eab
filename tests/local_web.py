"""A real HTTP server on loopback that stands in for the web, and a fetch that reaches it.

A fake resolver says that ``news.example`` is at a public address and a fake connector sends that
connection to the local server, so the happy path runs without a network, while the address
checks see the addresses a real resolver would give.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from newsbrief.errors import SourceError
from newsbrief.pipeline.fetch import Fetched, fetch

NPR_HTML = (Path(__file__).resolve().parent / "fixtures" / "ingest" / "npr.html").read_bytes()
PUBLIC = "93.184.216.34"
ALEPPO_LINE = b"Syrian government forces have retaken most of eastern Aleppo."


class QuietHandler(BaseHTTPRequestHandler):
    """A test site's handler base: ``reply`` sends a whole body, and no access log is written."""

    def reply(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test output is not the place for an access log."""


class _Handler(QuietHandler):
    """Pages for the tests; ``/redirect?to=URL`` redirects, ``/host`` echoes the Host header."""

    def do_GET(self) -> None:
        path, _, query = self.path.partition("?")
        if path == "/article":
            self.reply(200, "text/html; charset=utf-8", NPR_HTML)
        elif path == "/text":
            self.reply(200, "text/plain", ALEPPO_LINE)
        elif path == "/host":
            self.reply(200, "text/plain", (self.headers.get("Host") or "").encode())
        elif path == "/redirect":
            self.send_response(302)
            self.send_header("Location", query.removeprefix("to="))
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/loop":
            self.send_response(301)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/big":
            self.reply(200, "text/plain", b"x" * 5000)
        elif path == "/big-chunked":
            # no Content-Length: only counting the bytes read can stop it
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"y" * 5000)
            self.close_connection = True
        else:
            self.reply(404, "text/plain", b"not here")


def serve_locally(handler: type[BaseHTTPRequestHandler] = _Handler) -> Iterator[int]:
    """The port of a real HTTP server on 127.0.0.1 serving ``handler``, until the generator is closed."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def fake_resolve(host: str, port: int) -> Sequence[str]:
    """news.example is public; rebind.example also has a private address; IP literals are themselves."""
    names = {
        "news.example": [PUBLIC],
        "www.news.example": [PUBLIC],
        "rebind.example": [PUBLIC, "10.0.0.7"],
        "metadata.example": ["169.254.169.254"],
    }
    if host in names:
        return names[host]
    try:
        socket.inet_pton(socket.AF_INET6 if ":" in host else socket.AF_INET, host)
    except OSError:
        raise SourceError(f"cannot resolve {host}") from None
    return [host]


def fetch_via(port: int, url: str, connected: list[str] | None = None, **options: int | float) -> Fetched:
    """fetch() with the fake resolver, every connection landing on the local server."""

    def connect(address: tuple[str, int], timeout: float) -> socket.socket:
        if connected is not None:
            connected.append(address[0])
        return socket.create_connection(("127.0.0.1", port), timeout)

    return fetch(url, resolve=fake_resolve, connect=connect, **options)  # type: ignore[arg-type]
