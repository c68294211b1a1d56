"""A fake Anthropic API: a real HTTP server on 127.0.0.1 for the tests and the bench.

It answers like the real API (error shapes, messages, `request-id`, rate-limit headers, model
pagination, alias resolution) and can be scripted per test: forced replies per path (status,
headers, body), latency, a dropped connection, a malformed, slow or HTML body, or a hostile
gateway that echoes the caller's key back in its answer (`echo-key`). Faults for the hostile
suite: a gzip bomb, single or stacked (`gzip-bomb`, see `Bomb`), a connection reset half-way
through the body (`reset-mid-body`), a server that accepts and never answers (`silent`), a body
trickled in small chunks (`trickle`), and replies computed per request (`Reply.compute`: endless
pagination, huge pages). It records every request (path, headers, body, arrival time) so tests can
assert what was sent and when.

    with FakeAnthropic() as api:
        api.script("GET", "/v1/models", Reply(429, headers={"retry-after": "1"}))
        run_cli([..., "--base-url", api.url], env=base_env(ANTHROPIC_API_KEY=VALID_KEY))
"""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import itertools
import json
import socket
import struct
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal
from urllib.parse import parse_qs, unquote, urlsplit

from tests.loopback import QuietHandler, QuietServer, Recorded

Action = Literal[
    "respond",
    "drop",
    "close",
    "slow-body",
    "malformed",
    "html",
    "echo-key",
    "gzip-bomb",
    "reset-mid-body",
    "silent",
    "trickle",
]


def fake_key(seed: str) -> str:
    """A realistic-shaped Console key (`sk-ant-api03-` + 93 chars + `AA`, 108 in all)."""
    digest = hashlib.sha512(seed.encode()).digest() + hashlib.sha512(seed.encode() + b"2").digest()
    core = base64.urlsafe_b64encode(digest).decode().rstrip("=")[:93]
    return f"sk-ant-api03-{core}AA"


VALID_KEY = fake_key("valid")
OTHER_KEY = fake_key("revoked")

DEFAULT_MODELS = (
    "claude-opus-5",
    "claude-sonnet-5",
    "claude-fable-5",
    "claude-opus-4-8",
    "claude-opus-4-7",
    "claude-opus-4-6",
    "claude-sonnet-4-6",
    "claude-haiku-4-5-20251001",
    "claude-sonnet-4-5-20250929",
    "claude-opus-4-5-20251101",
)
DEFAULT_ALIASES = {
    "claude-haiku-4-5": "claude-haiku-4-5-20251001",
    "claude-sonnet-4-5": "claude-sonnet-4-5-20250929",
    "claude-opus-4-5": "claude-opus-4-5-20251101",
}
HTML_PAGE = "<!DOCTYPE html><html><head><title>Welcome</title></head><body>nginx</body></html>"


@dataclass
class Reply:
    """One forced answer: status, headers, body (dict -> JSON, str/bytes -> raw) and behaviour."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    action: Action = "respond"
    # Computes the reply per request (its path and query), e.g. an endless model list.
    compute: Callable[[Recorded], Reply] | None = None


@dataclass(frozen=True)
class Bomb:
    """The body of a `gzip-bomb` reply: `inflated` bytes of JSON-ish filler, gzipped `layers`
    times and declared as `content-encoding: gzip, gzip, ...` (one `gzip` per layer)."""

    inflated: int = 1 << 30
    layers: int = 1


@functools.lru_cache(maxsize=8)
def gzip_bomb(inflated: int, layers: int) -> bytes:
    """`inflated` bytes (a JSON list opening, then spaces) gzipped `layers` times, built in
    chunks so a gigabyte bomb costs a few megabytes of memory to make."""
    chunk = b" " * (1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: the gzip container
    parts = [compressor.compress(b'{"data": [')]
    left = inflated - 10
    while left > 0:
        parts.append(compressor.compress(chunk[: min(left, len(chunk))]))
        left -= len(chunk)
    parts.append(compressor.flush())
    data = b"".join(parts)
    for _ in range(layers - 1):
        data = gzip_layer(data)
    return data


def gzip_layer(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    return compressor.compress(data) + compressor.flush()


def error_body(kind: str, message: str, request_id: str, **extra: Any) -> dict[str, Any]:
    """Anthropic's error shape."""
    error: dict[str, Any] = {"type": kind, "message": message, **extra}
    return {"type": "error", "error": error, "request_id": request_id}


# What the real API states per model: display name, release (created_at), context, max output.
MODEL_FACTS: dict[str, tuple[str, str, int, int]] = {
    "claude-opus-5": ("Claude Opus 5", "2026-07-24T00:00:00Z", 1_000_000, 128_000),
    "claude-sonnet-5": ("Claude Sonnet 5", "2026-06-30T00:00:00Z", 1_000_000, 128_000),
    "claude-fable-5": ("Claude Fable 5", "2026-06-09T00:00:00Z", 1_000_000, 128_000),
    "claude-opus-4-8": ("Claude Opus 4.8", "2026-05-28T00:00:00Z", 1_000_000, 128_000),
    "claude-opus-4-7": ("Claude Opus 4.7", "2026-04-16T00:00:00Z", 1_000_000, 128_000),
    "claude-opus-4-6": ("Claude Opus 4.6", "2026-02-05T00:00:00Z", 1_000_000, 128_000),
    "claude-sonnet-4-6": ("Claude Sonnet 4.6", "2026-02-17T00:00:00Z", 1_000_000, 128_000),
    "claude-haiku-4-5-20251001": ("Claude Haiku 4.5", "2025-10-15T00:00:00Z", 200_000, 64_000),
    "claude-sonnet-4-5-20250929": ("Claude Sonnet 4.5", "2025-09-29T00:00:00Z", 200_000, 64_000),
    "claude-opus-4-5-20251101": ("Claude Opus 4.5", "2025-11-24T00:00:00Z", 200_000, 64_000),
}


def model_info(model_id: str, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """A model object as `GET /v1/models` and `GET /v1/models/{id}` answer it."""
    name, created, context, output = MODEL_FACTS.get(
        model_id,
        (
            model_id.replace("claude-", "Claude ").replace("-", " ").title(),
            "2026-01-01T00:00:00Z",
            1_000_000,
            128_000,
        ),
    )
    return {
        "type": "model",
        "id": model_id,
        "display_name": name,
        "created_at": created,
        "max_input_tokens": context,
        "max_tokens": output,
        **(overrides or {}),
    }


class FakeAnthropic:
    """The server and its script; a context manager, also used as a pytest fixture."""

    def __init__(
        self,
        *,
        keys: tuple[str, ...] = (VALID_KEY,),
        models: tuple[str, ...] = DEFAULT_MODELS,
        aliases: dict[str, str] | None = None,
        max_page: int = 1000,
        latency: float = 0.0,
        rate_limit_headers: bool = True,
    ) -> None:
        self.keys = set(keys)
        self.models = list(models)
        self.aliases = dict(DEFAULT_ALIASES if aliases is None else aliases)
        # Per-model changes to the model objects (`{"claude-opus-4-8": {"max_tokens": 32000}}`)
        self.facts: dict[str, dict[str, Any]] = {}
        self.max_page = max_page
        self.latency = latency
        self.rate_limit_headers = rate_limit_headers
        self.requests: list[Recorded] = []
        self.output_tokens = 0
        self.input_tokens = 0
        self._script: dict[tuple[str, str], deque[Reply]] = {}
        self._always: dict[tuple[str, str], Reply] = {}
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._server: QuietServer | None = None
        self._thread: threading.Thread | None = None

    # -- scripting -------------------------------------------------------------------------

    def script(self, method: str, path: str, *replies: Reply) -> None:
        """Answer the next requests to METHOD PATH with these replies in order (`*`: any)."""
        with self._lock:
            self._script.setdefault((method, path), deque()).extend(replies)

    def always(self, method: str, path: str, reply: Reply) -> None:
        """Answer every request to METHOD PATH (`*` matches all) with this reply."""
        with self._lock:
            self._always[(method, path)] = reply

    def to(self, method: str, path: str) -> list[Recorded]:
        """The recorded requests to METHOD PATH (path without query)."""
        with self._lock:
            return [r for r in self.requests if r.method == method and r.path == path]

    # -- lifecycle -------------------------------------------------------------------------

    @property
    def port(self) -> int:
        assert self._server is not None
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FakeAnthropic:
        server = _Server(("127.0.0.1", 0), _Handler)
        server.fake = self
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeAnthropic:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- behaviour ------------------------------------------------------------------------

    def next_request_id(self) -> str:
        return f"req_011Fake{next(self._ids):08d}"

    def record(self, recorded: Recorded) -> None:
        with self._lock:
            self.requests.append(recorded)

    def forced(self, method: str, path: str) -> Reply | None:
        with self._lock:
            for key in ((method, path), (method, "*"), ("*", "*")):
                queue = self._script.get(key)
                if queue:
                    return queue.popleft()
            for key in ((method, path), (method, "*"), ("*", "*")):
                if key in self._always:
                    return self._always[key]
        return None

    def answer(self, request: Recorded, request_id: str) -> tuple[int, Any]:
        """The real API's behaviour for a request with no forced reply."""
        problem = self._auth_problem(request.headers, request_id)
        if problem is not None:
            return problem
        if request.method == "GET" and request.path == "/v1/models":
            return self._list(request, request_id)
        if request.method == "GET" and request.path.startswith("/v1/models/"):
            name = unquote(request.path.removeprefix("/v1/models/"))
            resolved = self._resolve(name)
            if resolved is None:
                return 404, error_body("not_found_error", f"model: {name}", request_id)
            return 200, model_info(resolved, self.facts.get(resolved))
        if request.method == "POST" and request.path in (
            "/v1/messages",
            "/v1/messages/count_tokens",
        ):
            return self._messages(request, request_id)
        return 404, error_body("not_found_error", "Not Found", request_id)

    def _auth_problem(self, headers: dict[str, str], request_id: str) -> tuple[int, Any] | None:
        key = headers.get("x-api-key")
        bearer = headers.get("authorization", "")
        if key is None and bearer.lower().startswith("bearer "):
            token = bearer[7:]
            message = (
                "OAuth authentication is currently not supported."
                if token.startswith("sk-ant-oat")
                else "Invalid bearer token"
            )
            return 401, error_body("authentication_error", message, request_id)
        if key is None:
            return 401, error_body(
                "authentication_error", "x-api-key header is required", request_id
            )
        if key not in self.keys:
            return 401, error_body("authentication_error", "invalid x-api-key", request_id)
        version = headers.get("anthropic-version")
        if version is None:
            return 400, error_body(
                "invalid_request_error", "anthropic-version: header is required", request_id
            )
        if version not in ("2023-06-01", "2023-01-01"):
            return 400, error_body(
                "invalid_request_error",
                f'anthropic-version: "{version}" is not a valid version',
                request_id,
            )
        return None

    def _list(self, request: Recorded, request_id: str) -> tuple[int, Any]:
        try:
            limit = int(request.query.get("limit", "20"))
        except ValueError:
            limit = 0
        if not 1 <= limit <= 1000:
            return 400, error_body("invalid_request_error", "limit: must be 1-1000", request_id)
        start = 0
        after = request.query.get("after_id")
        if after in self.models:
            start = self.models.index(after) + 1
        page = self.models[start : start + min(limit, self.max_page)]
        return 200, {
            "data": [model_info(model, self.facts.get(model)) for model in page],
            "first_id": page[0] if page else None,
            "last_id": page[-1] if page else None,
            "has_more": start + len(page) < len(self.models),
        }

    def _resolve(self, name: str) -> str | None:
        name = self.aliases.get(name, name)
        return name if name in self.models else None

    def _messages(self, request: Recorded, request_id: str) -> tuple[int, Any]:
        body = request.body if isinstance(request.body, dict) else {}
        model = body.get("model")
        if not isinstance(model, str):
            return 400, error_body("invalid_request_error", "model: Field required", request_id)
        if not isinstance(body.get("messages"), list) or not body["messages"]:
            return 400, error_body("invalid_request_error", "messages: Field required", request_id)
        if self._resolve(model) is None:
            return 404, error_body("not_found_error", f"model: {model}", request_id)
        if request.path.endswith("count_tokens"):
            return 200, {"input_tokens": 8}
        max_tokens = body.get("max_tokens")
        if not isinstance(max_tokens, int):
            return 400, error_body(
                "invalid_request_error", "max_tokens: Field required", request_id
            )
        output = min(max_tokens, 12)
        with self._lock:
            self.input_tokens += 8
            self.output_tokens += output
        return 200, {
            "id": "msg_01Fake",
            "type": "message",
            "role": "assistant",
            "model": self._resolve(model),
            "content": [{"type": "text", "text": "p" * output}] if output else [],
            "stop_reason": "max_tokens",
            "stop_sequence": None,
            "usage": {"input_tokens": 8, "output_tokens": output},
        }

    def rate_headers(self) -> dict[str, str]:
        if not self.rate_limit_headers:
            return {}
        reset = (datetime.now(UTC) + timedelta(seconds=60)).strftime("%Y-%m-%dT%H:%M:%SZ")
        with self._lock:
            used = len(self.requests)
        headers = {}
        for name, limit in (
            ("requests", 50),
            ("tokens", 30000),
            ("input-tokens", 30000),
            ("output-tokens", 8000),
        ):
            headers[f"anthropic-ratelimit-{name}-limit"] = str(limit)
            remaining = max(0, limit - used) if name == "requests" else limit
            headers[f"anthropic-ratelimit-{name}-remaining"] = str(remaining)
            headers[f"anthropic-ratelimit-{name}-reset"] = reset
        return headers


class _Server(QuietServer):
    fake: FakeAnthropic


class _Handler(QuietHandler):
    server: _Server
    timeout = 30

    def do_CONNECT(self) -> None:  # noqa: N802 - the name http.server calls
        """Act as a proxy that refuses: lets tests exercise proxy failures over HTTPS_PROXY."""
        self._handle()

    def _handle(self) -> None:
        fake = self.server.fake
        arrived, wall = time.monotonic(), time.time()
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", "replace")
        parts = urlsplit(self.path)
        query = {name: values[0] for name, values in parse_qs(parts.query).items()}
        recorded = Recorded(
            self.command,
            parts.path if self.command != "CONNECT" else self.path,
            query,
            {name.lower(): value for name, value in self.headers.items()},
            body,
            arrived,
            wall,
        )
        fake.record(recorded)
        request_id = fake.next_request_id()
        reply = fake.forced(self.command, recorded.path)
        if self.command == "CONNECT" and reply is None:
            reply = Reply(407, "Proxy Authentication Required")
        if fake.latency:
            time.sleep(fake.latency)
        if reply is None:
            status, payload = fake.answer(recorded, request_id)
            reply = Reply(status, payload, headers=fake.rate_headers())
        if reply.compute is not None:
            reply = reply.compute(recorded)
        if reply.delay:
            time.sleep(reply.delay)
        if reply.action == "echo-key":
            reply = _echo_key(reply, recorded, request_id)
        self._send(reply, request_id)

    def _send(self, reply: Reply, request_id: str) -> None:
        if reply.action == "silent":  # accepted, read, never answered: until the client hangs up
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.settimeout(120)
                self.connection.recv(1)
            return
        if reply.action in ("drop", "close"):
            self.close_connection = True
            with contextlib.suppress(OSError):
                if reply.action == "drop":  # RST: linger 0, then close
                    self.connection.setsockopt(
                        socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                    )
                    self.connection.close()
                else:  # FIN: an orderly close with no answer
                    self.connection.shutdown(socket.SHUT_RDWR)
            return
        content_type = "application/json"
        extra: dict[str, str] = {}
        if reply.action == "malformed":
            data = b'{"data": [{"id": "claude-opus-4-8", "type": "mo'
        elif reply.action == "html":
            data, content_type = HTML_PAGE.encode(), "text/html; charset=utf-8"
        elif reply.action == "gzip-bomb":
            bomb = reply.body if isinstance(reply.body, Bomb) else Bomb()
            data = gzip_bomb(bomb.inflated, bomb.layers)
            extra["content-encoding"] = ", ".join(["gzip"] * bomb.layers)
        elif isinstance(reply.body, bytes):
            data = reply.body
        elif isinstance(reply.body, str):
            data, content_type = reply.body.encode(), "text/plain; charset=utf-8"
        elif reply.body is None and reply.status >= 400:
            data = json.dumps(
                error_body(
                    _error_type(reply.status), _MESSAGES.get(reply.status, "Error"), request_id
                )
            ).encode()
        else:
            data = json.dumps(reply.body).encode()
        headers = {"content-type": content_type, "request-id": request_id, **extra, **reply.headers}
        self.send_response(reply.status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        if reply.action == "slow-body":
            for index in range(len(data)):
                self.wfile.write(data[index : index + 1])
                self.wfile.flush()
                time.sleep(0.2)
            return
        if reply.action == "trickle":  # 64 bytes every 50 ms: never idle long enough to time out
            with contextlib.suppress(OSError):
                for index in range(0, len(data), 64):
                    self.wfile.write(data[index : index + 64])
                    self.wfile.flush()
                    time.sleep(0.05)
            return
        if reply.action == "reset-mid-body":
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
                self.connection.close()
            return
        with contextlib.suppress(OSError):  # a client that hangs up on a bomb is its business
            self.wfile.write(data)


def _echo_key(reply: Reply, request: Recorded, request_id: str) -> Reply:
    """A hostile or careless gateway: the caller's key in the message, the body and headers.

    `reply.body` picks where: "message" (the error message), "model" (a model ID in the list),
    "html" (an HTML error page), "request-id" (the request-id header); a header echo is always
    added. Values that cannot go in a header are left out of it.
    """
    key = request.headers.get("x-api-key") or request.headers.get("authorization") or ""
    where = reply.body or "message"
    headers = dict(reply.headers)
    if key.isascii() and key.isprintable():
        headers["x-echo-key"] = key
        if where == "request-id":
            headers["request-id"] = key
    if where == "model":
        body: Any = {"data": [model_info(key)], "has_more": False, "first_id": key, "last_id": key}
    elif where == "html":
        body = f"<html><body><h1>Unauthorized</h1><p>key {key} rejected</p></body></html>"
        headers["content-type"] = "text/html"
        return Reply(reply.status, body.encode(), headers)
    else:
        body = error_body(_error_type(reply.status), f"invalid x-api-key {key!r}", request_id)
    return Reply(reply.status, body, headers)


_MESSAGES = {
    400: "Bad request",
    401: "invalid x-api-key",
    402: "Your payment method was declined.",
    403: "Your API key does not have permission to use the specified resource.",
    404: "Not Found",
    408: "Request timeout",
    409: "Conflict",
    413: "Request exceeds the maximum allowed number of bytes.",
    429: "This request would exceed your organization's requests per minute rate limit",
    500: "Internal server error",
    502: "Bad gateway",
    503: "Service unavailable",
    504: "Request timed out while processing",
    529: "Overloaded",
}


def _error_type(status: int) -> str:
    return {
        400: "invalid_request_error",
        401: "authentication_error",
        402: "billing_error",
        403: "permission_error",
        404: "not_found_error",
        408: "timeout_error",
        409: "conflict_error",
        413: "request_too_large",
        429: "rate_limit_error",
        500: "api_error",
        504: "timeout_error",
        529: "overloaded_error",
    }.get(status, "api_error")
