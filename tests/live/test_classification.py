"""Every live failure becomes the right API code, through the real CLI against the fake API.

These run at `--live-check auth` (GET /v1/models only), so they do not depend on model discovery.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.fake_api import OTHER_KEY, VALID_KEY, FakeAnthropic, Reply, error_body
from tests.live.conftest import CliRunner, live, live_findings

CREDIT_MESSAGE = (
    "Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to "
    "upgrade or purchase credits."
)
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def only_finding(report: dict[str, Any], code: str) -> dict[str, Any]:
    found = live_findings(report)
    assert [f["code"] for f in found] == [code], found
    return found[0]


def test_a_valid_key_passes_with_one_call_and_zero_tokens(
    cli: CliRunner, api: FakeAnthropic
) -> None:
    run, report = cli()
    assert run.returncode == 0, run.stdout
    live = report["live"]
    assert live["calls"] == 1
    assert live["tokens"] == {"input": 0, "output": 0}
    assert live["served_models"] == len(api.models)
    assert live["rate_limits"]["requests"]["limit"] == 50
    assert set(live["rate_limits"]) == {"requests", "tokens", "input-tokens", "output-tokens"}
    (request,) = api.to("GET", "/v1/models")
    assert request.query == {"limit": "1000"}
    assert request.headers["anthropic-version"] == "2023-06-01"
    assert request.headers["user-agent"].startswith("claude-preflight/")
    assert "authorization" not in request.headers


def test_a_revoked_key_is_api001_with_request_id_and_timestamp(cli: CliRunner) -> None:
    run, report = cli(key=OTHER_KEY)
    assert run.returncode == 1
    finding = only_finding(report, "API001")
    assert finding["severity"] == "error"
    assert "invalid x-api-key" in finding["message"]
    assert "revoked or expired" in finding["message"]
    assert "ANTHROPIC_API_KEY" in finding["fix"]
    details = finding["details"]
    assert details["request_id"].startswith("req_011Fake")
    assert details["request_id"] in finding["message"]
    assert TIMESTAMP.match(details["timestamp"])
    assert details["status"] == "401"
    assert details["endpoint"] == "GET /v1/models"


@pytest.mark.parametrize(
    ("message", "in_fix"),
    [
        ("x-api-key header is required", "forward `x-api-key`"),
        ("Invalid bearer token", "Authorization: Bearer"),
        ("OAuth authentication is currently not supported.", "Console API key"),
    ],
)
def test_401_sub_causes_get_their_own_fix(api: FakeAnthropic, message: str, in_fix: str) -> None:
    api.script(
        "GET", "/v1/models", Reply(401, error_body("authentication_error", message, "req_1"))
    )
    (finding,) = live(api, "auth", []).findings
    assert finding.code == "API001"
    assert message in finding.message
    assert in_fix in finding.fix


def test_403_is_api002(cli: CliRunner, api: FakeAnthropic) -> None:
    api.script("GET", "/v1/models", Reply(403))
    run, report = cli()
    assert run.returncode == 1
    assert only_finding(report, "API002")["details"]["status"] == "403"


def test_another_400_is_api004_with_the_api_message(cli: CliRunner, api: FakeAnthropic) -> None:
    body = error_body(
        "invalid_request_error",
        'anthropic-version: "2023-06-01, 2023-06-01" is not a valid version',
        "req_x",
    )
    api.script("GET", "/v1/models", Reply(400, body))
    _, report = cli()
    finding = only_finding(report, "API004")
    assert "is not a valid version" in finding["message"]
    assert finding["details"]["api_message"].startswith("anthropic-version")
    assert len(api.requests) == 1


@pytest.mark.parametrize(
    "reply",
    [
        Reply(
            400,
            error_body(
                "invalid_request_error",
                CREDIT_MESSAGE,
                "req_c",
            ),
        ),
        Reply(402, error_body("billing_error", "Your payment method was declined.", "req_b")),
    ],
    ids=["credit-400", "billing-402"],
)
def test_billing_problems_are_api005_not_api004(api: FakeAnthropic, reply: Reply) -> None:
    api.script("GET", "/v1/models", reply)
    assert [f.code for f in live(api, "auth", []).findings] == ["API005"]
    assert len(api.requests) == 1


def test_an_exhausted_credit_balance_fails_the_gate(cli: CliRunner, api: FakeAnthropic) -> None:
    body = error_body("invalid_request_error", CREDIT_MESSAGE, "req_c")
    api.script("GET", "/v1/models", Reply(400, body))
    run, report = cli()
    assert run.returncode == 1
    assert only_finding(report, "API005")["severity"] == "error"


def test_a_persisting_rate_limit_is_an_api006_warning(cli: CliRunner, api: FakeAnthropic) -> None:
    api.always("GET", "/v1/models", Reply(429, headers={"retry-after": "0.2"}))
    run, report = cli()
    finding = only_finding(report, "API006")
    assert run.returncode == 0  # transient: a warning does not block the deploy
    assert finding["severity"] == "warning"
    assert finding["details"]["attempts"] == "4"
    assert len(api.requests) == 4


@pytest.mark.parametrize(
    "reply",
    [
        Reply(
            429,
            error_body(
                "rate_limit_error",
                "You have reached your API usage limits: your organization has crossed its "
                "monthly API usage threshold, set based on your organization's API tier. You "
                "will regain access on 2026-09-01 at 00:00 UTC.",
                "req_s",
            ),
        ),
        Reply(
            429,
            error_body(
                "rate_limit_error",
                "You have reached your API usage limits.",
                "req_s",
                details={"error_code": "enforced_spend_limit_reached"},
            ),
            headers={"retry-after": "1"},
        ),
        Reply(
            400,
            error_body(
                "invalid_request_error",
                "You have reached your specified API usage limits. You will regain access on "
                "2026-12-01 at 00:00 UTC.",
                "req_u",
            ),
        ),
        Reply(
            400,
            error_body(
                "invalid_request_error",
                "You have reached your specified workspace API usage limits. You will regain "
                "access on 2026-12-01 at 00:00 UTC.",
                "req_w",
            ),
        ),
    ],
    ids=[
        "429-no-retry-after",
        "429-enforced-spend-limit",
        "400-usage-limit",
        "400-workspace-limit",
    ],
)
def test_spend_and_usage_limits_are_api007_errors_without_retries(
    api: FakeAnthropic, reply: Reply
) -> None:
    api.always("GET", "/v1/models", reply)
    (finding,) = live(api, "auth", []).findings
    assert finding.code == "API007"
    assert finding.severity == "error"
    assert len(api.requests) == 1


def test_a_spend_cap_429_fails_the_gate(cli: CliRunner, api: FakeAnthropic) -> None:
    body = error_body("rate_limit_error", "You have reached your API usage limits.", "req_s")
    api.always("GET", "/v1/models", Reply(429, body))
    run, report = cli()
    assert run.returncode == 1
    assert only_finding(report, "API007")["severity"] == "error"
    assert len(api.requests) == 1


def test_a_persisting_overload_is_an_api008_warning(cli: CliRunner, api: FakeAnthropic) -> None:
    api.always("GET", "/v1/models", Reply(529, headers={"retry-after-ms": "20"}))
    run, report = cli()
    finding = only_finding(report, "API008")
    assert run.returncode == 0
    assert finding["severity"] == "warning"
    assert finding["details"]["status"] == "529"
    assert len(api.requests) == 4


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_persisting_server_errors_are_api008(api: FakeAnthropic, status: int) -> None:
    api.always("GET", "/v1/models", Reply(status, headers={"retry-after-ms": "20"}))
    (finding,) = live(api, "auth", []).findings
    assert finding.code == "API008"
    assert finding.details["status"] == str(status)
    assert len(api.requests) == 4


def test_an_overload_that_clears_on_retry_passes(cli: CliRunner, api: FakeAnthropic) -> None:
    api.script("GET", "/v1/models", Reply(529, headers={"retry-after-ms": "50"}))
    run, report = cli()
    assert run.returncode == 0
    assert live_findings(report) == []
    assert report["live"]["calls"] == 2


def test_an_html_page_is_api010(cli: CliRunner, api: FakeAnthropic) -> None:
    api.always("GET", "/v1/models", Reply(200, action="html"))
    run, report = cli()
    finding = only_finding(report, "API010")
    assert "HTML page" in finding["message"]
    assert run.returncode == 1


def test_a_malformed_json_body_is_api010(cli: CliRunner, api: FakeAnthropic) -> None:
    api.always("GET", "/v1/models", Reply(200, action="malformed"))
    _, report = cli()
    assert "malformed JSON" in only_finding(report, "API010")["message"]


def test_json_that_is_not_a_model_list_is_api010(cli: CliRunner, api: FakeAnthropic) -> None:
    api.always("GET", "/v1/models", Reply(200, {"status": "ok"}))
    _, report = cli()
    assert "not a model list" in only_finding(report, "API010")["message"].replace(
        "without a", "not a"
    )


def test_a_redirect_to_a_login_page_is_api010(cli: CliRunner, api: FakeAnthropic) -> None:
    api.always(
        "GET", "/v1/models", Reply(302, b"", headers={"location": "https://sso.example.com/login"})
    )
    _, report = cli()
    assert "redirect" in only_finding(report, "API010")["message"]


def test_a_404_on_the_model_list_behind_a_gateway_path_is_api010(
    cli: CliRunner, api: FakeAnthropic
) -> None:
    run, report = cli(base_url=api.url + "/gateway")
    finding = only_finding(report, "API010")
    assert run.returncode == 1
    assert finding["details"]["status"] == "404"
    assert api.requests[0].path == "/gateway/v1/models"


def test_an_api_message_cannot_inject_lines_or_the_key(cli: CliRunner, api: FakeAnthropic) -> None:
    evil = "bad\n::error::injected\r\nkey " + VALID_KEY + " " + "x" * 2000
    api.script("GET", "/v1/models", Reply(400, error_body("invalid_request_error", evil, "req_e")))
    run, report = cli()
    finding = only_finding(report, "API004")
    assert "\n" not in finding["message"]
    assert len(finding["details"]["api_message"]) <= 300
    assert not any(line.startswith("::error::injected") for line in run.stdout.splitlines())
