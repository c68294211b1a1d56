"""When to retry a call and how long to wait: the official SDKs' policy, bounded by our budget.

Order of the decision (as in the SDKs): `x-should-retry` first, then the status. A 429 without
`retry-after` is a spend cap, not a rate limit, so it is not retried; neither is a 429 whose body
says `enforced_spend_limit_reached`, whatever the headers say.
"""

from __future__ import annotations

import contextlib
import math
import random
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

MAX_RETRIES = 3
INITIAL_DELAY = 0.5
MAX_BACKOFF = 8.0
MAX_RETRY_AFTER = 60.0
MIN_ATTEMPT_SECONDS = 0.25  # a retry is only worth it if the attempt itself has time to answer
SPEND_LIMIT_CODE = "enforced_spend_limit_reached"
RETRYABLE_STATUSES = frozenset({408, 409, 429})
# Network failures worth another attempt; DNS, TLS and proxy failures do not heal in seconds.
RETRYABLE_NETWORK = frozenset(
    {"connection refused", "connection reset", "connection closed", "timeout", "connection failed"}
)


class Budget:
    """A time budget (`--timeout`) shared by every call and retry.

    Its clock runs from creation; a budget made with `Budget.idle` runs only inside `spending()`,
    which is how the live ladder keeps the time it waits for discovery out of its budget.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._spent = 0.0
        self._since: float | None = time.monotonic()

    @classmethod
    def idle(cls, seconds: float) -> Budget:
        """A budget whose clock has not started."""
        budget = cls(seconds)
        budget._since = None
        return budget

    @contextlib.contextmanager
    def spending(self) -> Iterator[None]:
        """Run the clock for the duration of the block."""
        self._since = time.monotonic()
        try:
            yield
        finally:
            self._spent += time.monotonic() - self._since
            self._since = None

    def spent(self) -> float:
        running = time.monotonic() - self._since if self._since is not None else 0.0
        return self._spent + running

    def remaining(self) -> float:
        return max(0.0, self.seconds - self.spent())

    def elapsed_ms(self) -> int:
        return int(self.spent() * 1000)


@dataclass(frozen=True, slots=True)
class RetryDecision:
    """Retry after `delay` seconds, or stop; `reason` says why we stopped early (for findings)."""

    retry: bool
    delay: float = 0.0
    reason: str | None = None


def is_spend_limit(body: object) -> bool:
    """True for the tier spend-cap 429 body (`error.details.error_code`)."""
    if not isinstance(body, dict):
        return False
    error = body.get("error")
    details = error.get("details") if isinstance(error, dict) else None
    return isinstance(details, dict) and details.get("error_code") == SPEND_LIMIT_CODE


def server_delay(headers: Mapping[str, str], *, now: datetime | None = None) -> float | None:
    """Seconds the server asked us to wait: `retry-after-ms`, else `retry-after` (secs or date)."""
    milliseconds = headers.get("retry-after-ms")
    if milliseconds is not None:
        value = _number(milliseconds)
        if value is not None:
            return max(0.0, value / 1000)
    raw = headers.get("retry-after")
    if raw is None:
        return None
    value = _number(raw)
    if value is not None:
        return max(0.0, value)
    try:
        when = parsedate_to_datetime(raw.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff(retries_made: int) -> float:
    """SDK backoff: 0.5 * 2**n capped at 8 s, minus up to 25 % jitter."""
    return min(INITIAL_DELAY * 2.0**retries_made, MAX_BACKOFF) * (1 - 0.25 * random.random())  # noqa: S311


def wants_retry(
    status: int | None, headers: Mapping[str, str], body: object, network: str | None
) -> bool:
    """Whether this outcome is worth another attempt at all (ignoring time)."""
    if network is not None:
        return network in RETRYABLE_NETWORK
    if status is None:
        return False
    if status == 429 and is_spend_limit(body):
        return False
    should = headers.get("x-should-retry", "").strip().lower()
    if should in ("true", "false"):
        return should == "true"
    if status == 429:
        return server_delay(headers) is not None
    return status in RETRYABLE_STATUSES or status >= 500


def decide(
    status: int | None,
    headers: Mapping[str, str],
    body: object,
    network: str | None,
    *,
    retries_made: int,
    remaining: float,
) -> RetryDecision:
    """Retry or stop; a wait that would not fit in the remaining budget stops, with a reason."""
    if not wants_retry(status, headers, body, network):
        return RetryDecision(False)
    if retries_made >= MAX_RETRIES:
        return RetryDecision(False, reason=f"still failing after {retries_made} retries")
    asked = server_delay(headers) if network is None else None
    if asked is not None and asked > MAX_RETRY_AFTER:
        return RetryDecision(
            False, reason=f"the API asked to wait {asked:.0f} s (more than {MAX_RETRY_AFTER:.0f} s)"
        )
    delay = asked if asked else backoff(retries_made)
    if delay + MIN_ATTEMPT_SECONDS >= remaining:
        return RetryDecision(
            False,
            reason=f"a retry in {delay:.1f} s, plus time to answer, would not fit in the remaining "
            f"{remaining:.1f} s of the --timeout budget",
        )
    return RetryDecision(True, delay=delay)


def _number(text: str) -> float | None:
    try:
        value = float(text.strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None
