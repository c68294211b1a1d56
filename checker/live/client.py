"""A thin async client for the few Claude API calls the ladder makes, retries included.

One httpx connection pool with keep-alive for the whole live phase; proxies from the standard
env vars. Every attempt is bounded by what is left of the budget, the body by a byte cap that
holds after decompression (`inflate`). The key goes only into the `x-api-key` header: no request
header is ever logged or returned.
"""

from __future__ import annotations

import asyncio
import json
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from checker import __version__
from checker.live import network
from checker.live.headroom import parse_headroom
from checker.live.inflate import ACCEPTED_ENCODINGS, Body, read_body
from checker.live.report import RateLimits
from checker.live.result import Answer, CallResult
from checker.live.retry import Budget, decide

if TYPE_CHECKING:
    import ssl


ANTHROPIC_VERSION = "2023-06-01"
USER_AGENT = f"claude-preflight/{__version__}"
MAX_BODY_BYTES = 8 * 1024 * 1024
MAX_CONNECT_SECONDS = 10.0
RETRY_SAFETY = 0.01


def load_http_stack() -> None:
    """Import httpx and what it would load lazily in its first request (httpcore's transport,
    anyio's asyncio backend), inside the running event loop: `Ladder.open` does it while the CA
    bundle loads in a worker thread."""
    import anyio  # noqa: PLC0415 - the live stack is imported only when a live check runs
    import httpcore  # noqa: F401, PLC0415
    import httpx  # noqa: F401, PLC0415

    anyio.get_current_task()


class ApiClient:
    """Calls `base_url` + path with the key; counts calls, keeps the latest rate-limit figures."""

    def __init__(
        self,
        base_url: str,
        api_key: str,
        budget: Budget,
        *,
        concurrency: int,
        verify: ssl.SSLContext,
    ) -> None:
        import httpx  # noqa: PLC0415 - the live stack is imported only when a live check runs

        self._httpx = httpx
        self._base_url = base_url
        self._budget = budget
        self._client = httpx.AsyncClient(
            headers={
                "x-api-key": api_key,
                "anthropic-version": ANTHROPIC_VERSION,
                "user-agent": USER_AGENT,
                "accept": "application/json",
                "accept-encoding": ACCEPTED_ENCODINGS,
            },
            limits=httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency),
            trust_env=True,
            verify=verify,
            follow_redirects=False,
        )
        self.calls = 0
        self.rate_limits: RateLimits = {}

    async def aclose(self) -> None:
        await self._client.aclose()

    async def call(
        self,
        method: str,
        path: str,
        *,
        payload: Any = None,
        model: str | None = None,
        endpoint: str | None = None,
    ) -> CallResult:
        """One logical call: attempts with retries until success, a final answer or no budget."""
        result = CallResult(
            endpoint=endpoint or f"{method} {path.split('?', maxsplit=1)[0]}", model=model
        )
        started = time.monotonic()
        retries = 0
        while True:
            if result.attempts and self._budget.remaining() <= 0:
                result.stopped = "the --timeout budget ran out before another attempt"
                break  # the last real answer stays the one reported, not a budget "timeout"
            result.timestamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            attempt = await self._attempt(method, path, payload)
            result.attempts += 1
            result.statuses.append(attempt.status)
            attempt.copy_to(result)
            if result.ok:
                break
            decision = decide(
                attempt.status,
                attempt.headers,
                attempt.body,
                attempt.network,
                retries_made=retries,
                remaining=self._budget.remaining(),
            )
            if not decision.retry:
                result.stopped = decision.reason
                break
            await asyncio.sleep(decision.delay + RETRY_SAFETY)
            retries += 1
        result.latency_ms = int((time.monotonic() - started) * 1000)
        return result

    async def _attempt(self, method: str, path: str, payload: Any) -> Answer:
        remaining = self._budget.remaining()
        if remaining <= 0:
            return Answer(network="timeout", network_detail="the --timeout budget ran out")
        httpx = self._httpx
        timeout = httpx.Timeout(remaining, connect=min(remaining, MAX_CONNECT_SECONDS))
        self.calls += 1
        try:
            async with asyncio.timeout(remaining):
                request = self._client.build_request(
                    method,
                    self._base_url + path,
                    json=payload,
                    timeout=timeout,
                )
                response = await self._client.send(request, stream=True)
                try:
                    body = await read_body(
                        response.aiter_raw(),
                        response.headers.get("content-encoding", ""),
                        MAX_BODY_BYTES,
                    )
                finally:
                    await response.aclose()
        except (TimeoutError, httpx.TimeoutException):
            return Answer(network="timeout", network_detail="no complete answer in time")
        except (httpx.HTTPError, OSError, UnicodeError, ValueError) as error:
            kind, detail = network.describe(error)
            return Answer(network=kind, network_detail=detail)
        headers = {name.lower(): value for name, value in response.headers.items()}
        self._note_rate_limits(headers)
        attempt = Answer(status=response.status_code, headers=headers)
        attempt.body, attempt.body_problem = _parse_body(body, headers)
        return attempt

    def _note_rate_limits(self, headers: dict[str, str]) -> None:
        headroom = parse_headroom(headers)
        if headroom:
            self.rate_limits = headroom


def _parse_body(body: Body, headers: dict[str, str]) -> tuple[Any, str | None]:
    """The JSON body, or why there is none: an HTML page, a malformed, oversized or bomb body."""
    if body.problem is not None:
        return None, body.problem
    raw = body.data
    content_type = headers.get("content-type", "").lower()
    start = raw.lstrip()[:1]
    if "text/html" in content_type or start == b"<":
        return None, "an HTML page instead of JSON"
    if not raw.strip():
        return None, "an empty body instead of JSON"
    try:
        return json.loads(raw), None
    except (ValueError, RecursionError):
        return None, "a malformed JSON body"
