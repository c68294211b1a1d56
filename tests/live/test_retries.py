"""Retries done right: the server's wait is honoured, the budget holds, 4xx are never retried."""

from __future__ import annotations

import itertools
import time
from email.utils import formatdate

import pytest

from tests.fake_api import FakeAnthropic, Reply, error_body
from tests.live.conftest import CliRunner, live, live_findings


def gaps(api: FakeAnthropic) -> list[float]:
    """Seconds between consecutive arrivals at the server."""
    times = [request.at for request in api.requests]
    return [later - earlier for earlier, later in itertools.pairwise(times)]


def test_retry_after_is_honoured_the_retry_does_not_come_sooner(
    cli: CliRunner, api: FakeAnthropic
) -> None:
    api.script("GET", "/v1/models", Reply(429, headers={"retry-after": "1"}))
    run, report = cli()
    assert run.returncode == 0
    assert live_findings(report) == []
    assert len(api.requests) == 2
    assert gaps(api)[0] >= 1.0


def test_retry_after_ms_is_read_before_retry_after(cli: CliRunner, api: FakeAnthropic) -> None:
    api.script(
        "GET", "/v1/models", Reply(529, headers={"retry-after-ms": "600", "retry-after": "20"})
    )
    run, _ = cli()
    assert run.returncode == 0
    assert 0.6 <= gaps(api)[0] < 5


def test_an_http_date_retry_after_is_honoured(cli: CliRunner, api: FakeAnthropic) -> None:
    not_before = int(time.time()) + 2
    api.script(
        "GET",
        "/v1/models",
        Reply(503, headers={"retry-after": formatdate(not_before, usegmt=True)}),
    )
    run, _ = cli()
    assert run.returncode == 0
    assert len(api.requests) == 2
    assert api.requests[1].wall >= not_before


def test_without_retry_after_the_backoff_is_the_sdks(cli: CliRunner, api: FakeAnthropic) -> None:
    api.script("GET", "/v1/models", Reply(500), Reply(500))
    run, _ = cli()
    assert run.returncode == 0
    first, second = gaps(api)
    assert first >= 0.375  # 0.5 s minus at most 25 % jitter
    assert second >= 0.75


def test_the_budget_is_respected_when_the_api_keeps_failing(
    cli: CliRunner, api: FakeAnthropic
) -> None:
    api.always("GET", "/v1/models", Reply(529, headers={"retry-after": "2"}))
    _, report = cli(timeout=5.5)
    (finding,) = live_findings(report)
    assert finding["code"] == "API008"
    assert finding["severity"] == "warning"
    assert "would not fit" in finding["message"]  # the budget stops it, not the retry count
    assert report["live"]["duration_ms"] <= 5500 + 1000
    # Attempts 2 s apart, each only while 2 s + 0.25 s still fits: at t = 0, 2 and 4 s, the third
    # retry would not fit. Two attempts at least, even when a loaded machine slows the first.
    assert len(api.requests) in (2, 3)


def test_a_retry_after_beyond_the_budget_stops_at_once_with_a_warning(
    cli: CliRunner, api: FakeAnthropic
) -> None:
    api.always("GET", "/v1/models", Reply(429, headers={"retry-after": "30"}))
    run, report = cli(timeout=5)
    assert report["live"]["duration_ms"] < 2000
    (finding,) = live_findings(report)
    assert finding["code"] == "API006"
    assert "would not fit" in finding["message"]
    assert run.returncode == 0
    assert len(api.requests) == 1


def test_a_retry_after_above_the_cap_is_not_waited_for(cli: CliRunner, api: FakeAnthropic) -> None:
    api.always("GET", "/v1/models", Reply(429, headers={"retry-after": "3600"}))
    _, report = cli(timeout=600)
    (finding,) = live_findings(report)
    assert finding["code"] == "API006"
    assert "more than 60 s" in finding["message"]
    assert len(api.requests) == 1


def test_x_should_retry_false_is_obeyed_even_on_529(cli: CliRunner, api: FakeAnthropic) -> None:
    api.always("GET", "/v1/models", Reply(529, headers={"x-should-retry": "false"}))
    _, report = cli()
    assert [f["code"] for f in live_findings(report)] == ["API008"]
    assert len(api.requests) == 1


def test_x_should_retry_true_is_obeyed_even_on_a_400(cli: CliRunner, api: FakeAnthropic) -> None:
    api.script(
        "GET", "/v1/models", Reply(400, headers={"x-should-retry": "true", "retry-after-ms": "10"})
    )
    run, _ = cli()
    assert run.returncode == 0
    assert len(api.requests) == 2


def test_a_400_is_never_retried(cli: CliRunner, api: FakeAnthropic) -> None:
    api.always("GET", "/v1/models", Reply(400, headers={"retry-after": "0.1"}))
    run, _ = cli()
    assert run.returncode == 1
    assert len(api.requests) == 1


@pytest.mark.parametrize("status", [401, 403, 404, 413, 422])
def test_other_4xx_are_never_retried(api: FakeAnthropic, status: int) -> None:
    api.always("GET", "/v1/models", Reply(status, headers={"retry-after": "0.1"}))
    assert len(live(api, "auth", []).findings) == 1
    assert len(api.requests) == 1


@pytest.mark.parametrize("status", [408, 409])
def test_408_and_409_are_retried(api: FakeAnthropic, status: int) -> None:
    api.script("GET", "/v1/models", Reply(status, headers={"retry-after-ms": "10"}))
    assert live(api, "auth", []).findings == []
    assert len(api.requests) == 2


def test_a_spend_limit_429_is_not_retried_as_a_rate_limit(
    cli: CliRunner, api: FakeAnthropic
) -> None:
    body = error_body(
        "rate_limit_error",
        "You have reached your API usage limits.",
        "req_s",
        details={"error_code": "enforced_spend_limit_reached"},
    )
    api.always("GET", "/v1/models", Reply(429, body, headers={"x-should-retry": "true"}))
    run, report = cli()
    assert [f["code"] for f in live_findings(report)] == ["API007"]
    assert run.returncode == 1
    assert len(api.requests) == 1


def test_a_reset_connection_is_retried(cli: CliRunner, api: FakeAnthropic) -> None:
    api.script("GET", "/v1/models", Reply(action="drop"))
    run, report = cli()
    assert run.returncode == 0, report.get("findings")
    assert len(api.requests) == 2
