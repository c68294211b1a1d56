"""The retry policy and the classification rules as plain functions (no server needed)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from checker.live.classify import CallTarget, classify, sanitize
from checker.live.headroom import parse_headroom
from checker.live.result import CallResult
from checker.live.retry import MAX_RETRIES, backoff, decide, server_delay, wants_retry

NOW = datetime(2026, 11, 1, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after-ms": "1500", "retry-after": "9"}, 1.5),
        ({"retry-after": "7"}, 7.0),
        ({"retry-after": "Sun, 01 Nov 2026 12:00:30 GMT"}, 30.0),
        ({"retry-after": "Sun, 01 Nov 2026 11:00:00 GMT"}, 0.0),
        ({"retry-after": "soon"}, None),
        ({"retry-after-ms": "nan", "retry-after": "2"}, 2.0),
        ({}, None),
    ],
)
def test_the_server_asked_delay(headers: dict[str, str], expected: float | None) -> None:
    assert server_delay(headers, now=NOW) == expected


@pytest.mark.parametrize("retries", range(6))
def test_backoff_is_the_sdks_with_jitter(retries: int) -> None:
    ceiling = min(0.5 * 2**retries, 8.0)
    for _ in range(50):
        assert 0.75 * ceiling <= backoff(retries) <= ceiling


def test_a_wait_longer_than_the_budget_stops_with_a_reason() -> None:
    decision = decide(503, {"retry-after": "5"}, None, None, retries_made=0, remaining=2.0)
    assert not decision.retry
    assert decision.reason is not None
    assert "would not fit" in decision.reason


def test_a_wait_that_leaves_no_time_for_the_attempt_stops() -> None:
    """Waiting 1.9 s of 2 s left would only end in a budget timeout that hides the real cause."""
    decision = decide(503, {"retry-after": "1.9"}, None, None, retries_made=0, remaining=2.0)
    assert not decision.retry
    assert decide(503, {"retry-after": "1.5"}, None, None, retries_made=0, remaining=2.0).retry


def test_retries_stop_after_the_maximum() -> None:
    decision = decide(503, {}, None, None, retries_made=MAX_RETRIES, remaining=60)
    assert not decision.retry


@pytest.mark.parametrize(
    ("network", "retried"),
    [
        ("connection refused", True),
        ("connection reset", True),
        ("timeout", True),
        ("DNS lookup failed", False),
        ("TLS handshake failed", False),
        ("proxy error", False),
    ],
)
def test_which_network_failures_are_retried(network: str, retried: bool) -> None:
    assert wants_retry(None, {}, None, network) is retried


def context(official: bool = False) -> CallTarget:
    return CallTarget("ANTHROPIC_API_KEY", "https://api.anthropic.com", official, 30.0, "sk-secret")


def test_a_404_on_the_model_list_of_the_real_api_means_a_disabled_key() -> None:
    body = {"type": "error", "error": {"type": "not_found_error", "message": "Not Found"}}
    result = CallResult("GET /v1/models", status=404, body=body, attempts=1)
    finding = classify(result, context(official=True))
    assert finding is not None
    assert finding.code == "API001"
    assert "disabled" in finding.message


def test_the_request_id_falls_back_to_the_body() -> None:
    body = {
        "type": "error",
        "error": {"type": "permission_error", "message": "no"},
        "request_id": "req_body",
    }
    finding = classify(CallResult("GET /v1/models", status=403, body=body), context())
    assert finding is not None
    assert finding.details["request_id"] == "req_body"


def test_a_5xx_html_page_from_a_proxy_is_transient_not_a_base_url_problem() -> None:
    result = CallResult("GET /v1/models", status=502, body_problem="an HTML page instead of JSON")
    finding = classify(result, context())
    assert finding is not None
    assert finding.code == "API008"


def test_sanitize_keeps_one_short_line_without_the_secret() -> None:
    text = sanitize("a\nb\x1b[31m `sk-secret` " + "z" * 500, "sk-secret")
    assert "\n" not in text
    assert "\x1b" not in text
    assert "sk-secret" not in text
    assert "`" not in text
    assert len(text) <= 300


def test_headroom_reads_the_twelve_headers() -> None:
    headers = {
        "anthropic-ratelimit-requests-limit": "50",
        "anthropic-ratelimit-requests-remaining": "49",
        "anthropic-ratelimit-requests-reset": "2026-11-01T12:00:01Z",
        "anthropic-ratelimit-tokens-remaining": "²",
        "content-type": "application/json",
    }
    assert parse_headroom(headers) == {
        "requests": {"limit": 50, "remaining": 49, "reset": "2026-11-01T12:00:01Z"},
        "tokens": {"remaining": "²"},
    }
    assert parse_headroom({}) == {}
