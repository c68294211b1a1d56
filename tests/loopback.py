"""What the fake API servers share: a threaded HTTP/1.1 server on 127.0.0.1 that stays silent,
and the record of each request it saw.

`fake_api.py` (Anthropic) and `fake_github.py` (GitHub) each subclass these and route every
method to their own `_handle`.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Recorded:
    """One request as the server saw it: `at` is monotonic arrival time, `wall` is time.time()."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any
    at: float
    wall: float = 0.0


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Silent: a client that hangs up on a slow, delayed or dropped reply is part of the
        script."""


class QuietHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        """No Nagle delay: headers and body go out as separate writes."""
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: tests read the recorded requests instead."""

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def _handle(self) -> None:
        raise NotImplementedError
