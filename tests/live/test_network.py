"""Failures with no HTTP answer are API009 and say which: DNS, refused, reset, TLS, proxy, timeout.

Every case stays on this machine. The DNS case uses `-bad-.invalid`: a name under the reserved
`.invalid` TLD whose first label starts with a hyphen, which glibc's resolver rejects before it
builds a query (checked with strace: no packet to the nameserver), so it fails locally and fast.
"""

from __future__ import annotations

import socket
import time
from typing import Any

import pytest

from tests.fake_api import FakeAnthropic, Reply
from tests.live.conftest import CliRunner, live_findings


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def api009(report: dict[str, Any]) -> dict[str, Any]:
    found = live_findings(report)
    assert [f["code"] for f in found] == ["API009"], found
    assert found[0]["severity"] == "error"
    return found[0]


def test_connection_refused(cli: CliRunner) -> None:
    run, report = cli(base_url=f"http://127.0.0.1:{closed_port()}", timeout=2)
    finding = api009(report)
    assert "connection refused" in finding["message"]
    assert int(finding["details"]["attempts"]) >= 2  # refused is retried, then reported
    assert run.returncode == 1


def test_dns_failure(cli: CliRunner) -> None:
    run, report = cli(base_url="http://-bad-.invalid")
    finding = api009(report)
    assert "DNS lookup failed" in finding["message"]
    assert finding["details"]["attempts"] == "1"  # a name that does not resolve is not retried
    assert run.returncode == 1


def test_tls_error_from_https_to_a_plain_http_server(cli: CliRunner, api: FakeAnthropic) -> None:
    _, report = cli(base_url=f"https://127.0.0.1:{api.port}")
    assert "TLS handshake failed" in api009(report)["message"]


def test_a_reset_that_persists(cli: CliRunner, api: FakeAnthropic) -> None:
    api.always("GET", "/v1/models", Reply(action="drop"))
    _, report = cli(timeout=4)  # room for a retry even when a loaded machine slows the first try
    assert "connection reset" in api009(report)["message"]
    assert len(api.requests) >= 2


def test_a_connection_closed_without_an_answer(cli: CliRunner, api: FakeAnthropic) -> None:
    api.always("GET", "/v1/models", Reply(action="close"))
    _, report = cli(timeout=2)
    assert "connection closed" in api009(report)["message"]


def test_a_proxy_that_refuses(cli: CliRunner, api: FakeAnthropic) -> None:
    run, report = cli(
        base_url=f"https://127.0.0.1:{closed_port()}",
        env={"HTTPS_PROXY": api.url},
    )
    assert "proxy error" in api009(report)["message"]
    assert api.requests[0].method == "CONNECT"
    assert run.returncode == 1


@pytest.mark.parametrize("action", ["slow-body", "respond"])
def test_a_slow_server_times_out_inside_the_budget(
    cli: CliRunner, api: FakeAnthropic, action: str
) -> None:
    slow = Reply(200, {"data": []}, action="slow-body") if action == "slow-body" else None
    api.always("GET", "/v1/models", slow or Reply(200, {"data": []}, delay=10))
    started = time.monotonic()
    run, report = cli(timeout=1.5)
    elapsed = time.monotonic() - started
    finding = api009(report)
    assert "timeout" in finding["message"]
    assert report["live"]["duration_ms"] <= 1500 + 1000
    assert elapsed < 1.5 + 8  # process start-up on a busy machine, never the 10 s reply
    assert run.returncode == 1


def test_a_ca_bundle_that_cannot_be_loaded_stops_before_any_call(
    cli: CliRunner, api: FakeAnthropic, tmp_path: Any
) -> None:
    run, report = cli(
        base_url=f"https://127.0.0.1:{api.port}",
        env={"SSL_CERT_FILE": str(tmp_path / "no-such-bundle.pem")},
    )
    finding = api009(report)
    assert "TLS setup failed before any call" in finding["message"]
    assert "SSL_CERT_FILE" in (finding["fix"] or "")
    assert api.requests == []
    assert run.returncode == 1
