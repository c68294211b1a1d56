"""The ladder itself: `run_live` against the fake API with explicit model lists.

This is the live job's real code path against a real server; it does not depend on model
discovery (the CLI-level model tests are in test_cli_models.py).
"""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from checker.live import LiveOutcome
from tests.fake_api import OTHER_KEY, VALID_KEY, FakeAnthropic, Reply, error_body
from tests.live.conftest import live, report_of


def entry(outcome: LiveOutcome, model: str) -> dict[str, Any]:
    return next(item for item in report_of(outcome)["models"] if item["id"] == model)


def test_auth_level_lists_every_page_and_nothing_else(api: FakeAnthropic) -> None:
    api.max_page = 3
    outcome = live(api, "auth", ["claude-opus-4-8"])
    assert outcome.findings == []
    assert outcome.served_models is not None
    assert set(outcome.served_models) == set(api.models)
    pages = api.to("GET", "/v1/models")
    assert len(pages) == 4
    assert [page.query.get("after_id") for page in pages] == [
        None,
        api.models[2],
        api.models[5],
        api.models[8],
    ]
    assert all(page.query["limit"] == "1000" for page in pages)
    assert len(api.requests) == 4
    assert report_of(outcome)["auth"]["pages"] == 4


def test_models_level_retrieves_each_distinct_model_and_resolves_aliases(
    api: FakeAnthropic,
) -> None:
    outcome = live(api, "models", ["claude-haiku-4-5", "claude-opus-4-8", "claude-haiku-4-5"])
    assert outcome.findings == []
    assert outcome.resolved == {"claude-haiku-4-5": "claude-haiku-4-5-20251001"}
    assert sorted(r.path for r in api.requests if r.path != "/v1/models") == [
        "/v1/models/claude-haiku-4-5",
        "/v1/models/claude-opus-4-8",
    ]
    haiku = entry(outcome, "claude-haiku-4-5")
    assert haiku["resolved"] == "claude-haiku-4-5-20251001"
    assert haiku["ok"] is True
    assert haiku["checked"] == ["models"]
    assert haiku["status"] == 200
    assert isinstance(haiku["latency_ms"], int)
    assert report_of(outcome)["tokens"] == {"input": 0, "output": 0}
    assert api.output_tokens == api.input_tokens == 0


def test_an_unknown_model_is_api003_and_the_others_still_pass(api: FakeAnthropic) -> None:
    outcome = live(
        api,
        "message",
        ["claude-opus-4-8", "claude-sonnet-4-6-20250514"],
        ["claude-sonnet-4-6-20250514"],
    )
    (finding,) = outcome.findings
    assert finding.code == "API003"
    assert finding.details["model"] == "claude-sonnet-4-6-20250514"
    assert finding.details["endpoint"] == "GET /v1/models/claude-sonnet-4-6-20250514"
    assert finding.details["request_id"].startswith("req_")
    assert entry(outcome, "claude-opus-4-8")["ok"] is True
    assert entry(outcome, "claude-sonnet-4-6-20250514")["failed"] == "API003"
    assert api.to("POST", "/v1/messages") == []  # the next rung only if this one passed


def test_nothing_after_a_failed_key(api: FakeAnthropic) -> None:
    outcome = live(api, "message", ["claude-opus-4-8"], ["claude-opus-4-8"], key=OTHER_KEY)
    assert [f.code for f in outcome.findings] == ["API001"]
    assert len(api.requests) == 1
    assert outcome.served_models is None


def test_count_tokens_level_counts_production_models_only(api: FakeAnthropic) -> None:
    outcome = live(
        api, "count-tokens", ["claude-opus-4-8", "claude-sonnet-4-6"], ["claude-sonnet-4-6"]
    )
    assert outcome.findings == []
    (counted,) = api.to("POST", "/v1/messages/count_tokens")
    assert counted.body == {
        "model": "claude-sonnet-4-6",
        "messages": [{"role": "user", "content": "ping"}],
    }
    assert api.to("POST", "/v1/messages") == []
    assert entry(outcome, "claude-sonnet-4-6")["checked"] == ["models", "count-tokens"]
    assert report_of(outcome)["tokens"] == {"input": 0, "output": 0}


def test_message_level_spends_at_most_one_output_token_per_production_model(
    api: FakeAnthropic,
) -> None:
    production = ["claude-sonnet-4-6", "claude-haiku-4-5"]
    outcome = live(api, "message", ["claude-opus-4-8", *production], production)
    assert outcome.findings == []
    sent = api.to("POST", "/v1/messages")
    assert sorted(r.body["model"] for r in sent) == sorted(production)
    for request in sent:
        assert request.body["max_tokens"] == 1
        assert request.body["messages"] == [{"role": "user", "content": "ping"}]
        assert set(request.body) == {"model", "max_tokens", "messages"}
    assert api.output_tokens == len(production)
    assert report_of(outcome)["tokens"] == {"input": 16, "output": 2}
    assert entry(outcome, "claude-haiku-4-5")["checked"] == ["models", "count-tokens", "message"]


def test_a_rejected_count_tokens_stops_that_models_message(api: FakeAnthropic) -> None:
    body = error_body("invalid_request_error", "messages: Field required", "req_q")
    api.always("POST", "/v1/messages/count_tokens", Reply(400, body))
    outcome = live(api, "message", ["claude-sonnet-4-6"], ["claude-sonnet-4-6"])
    assert [f.code for f in outcome.findings] == ["API004"]
    assert outcome.findings[0].details["endpoint"] == "POST /v1/messages/count_tokens"
    assert api.to("POST", "/v1/messages") == []


def test_credit_exhausted_on_the_message_call_is_api005(api: FakeAnthropic) -> None:
    body = error_body(
        "invalid_request_error",
        "Your credit balance is too low to access the "
        "Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.",
        "req_c",
    )
    api.always("POST", "/v1/messages", Reply(400, body))
    outcome = live(api, "message", ["claude-sonnet-4-6"], ["claude-sonnet-4-6"])
    assert [f.code for f in outcome.findings] == ["API005"]


def test_model_calls_run_concurrently(api: FakeAnthropic) -> None:
    api.latency = 0.4
    models = list(api.models)
    started = time.monotonic()
    outcome = live(api, "models", models)
    elapsed = time.monotonic() - started
    assert outcome.findings == []
    arrivals = [r.at for r in api.requests if r.path != "/v1/models"]
    assert len(arrivals) == len(models)
    assert max(arrivals) - min(arrivals) < 0.4  # all sent before the first one came back
    assert elapsed < 0.4 * len(models) / 2  # sequential would be 4.4 s


def test_the_rate_limit_headroom_comes_from_the_last_response(api: FakeAnthropic) -> None:
    api.max_page = 5  # two pages; the fake counts `remaining` down with every request
    outcome = live(api, "auth", [])
    limits = report_of(outcome)["rate_limits"]
    assert len(api.requests) == 2
    assert limits["requests"] == {
        "limit": 50,
        "remaining": 48,
        "reset": limits["requests"]["reset"],
    }
    assert limits["output-tokens"]["limit"] == 8000
    assert limits["requests"]["reset"].endswith("Z")


def test_the_report_has_the_documented_shape(api: FakeAnthropic) -> None:
    outcome = live(api, "models", ["claude-opus-4-8"])
    report = report_of(outcome)
    assert {"level", "base_url", "calls", "duration_ms", "tokens", "models", "rate_limits"} <= set(
        report
    )
    assert report["level"] == "models"
    assert report["calls"] == 2
    assert set(report["models"][0]) >= {"id", "resolved", "ok", "status", "latency_ms", "checked"}
    json.dumps(report)


@pytest.mark.parametrize("key", [VALID_KEY + "\n", " " + VALID_KEY, "sk-ant-é"])
def test_a_key_that_cannot_go_in_a_header_is_never_sent(api: FakeAnthropic, key: str) -> None:
    outcome = live(api, "models", ["claude-opus-4-8"], key=key)
    assert api.requests == []
    assert "skipped" in report_of(outcome)
    assert outcome.findings == []  # the secrets job reports the malformed key (SEC003)


def test_the_hard_budget_holds_even_for_a_trickling_body(api: FakeAnthropic) -> None:
    api.always("GET", "/v1/models", Reply(200, {"data": [], "has_more": False}, action="slow-body"))
    started = time.monotonic()
    outcome = live(api, "auth", [], timeout=1)
    assert time.monotonic() - started < 2.0
    assert [f.code for f in outcome.findings] == ["API009"]
    assert "timeout" in outcome.findings[0].message


def test_off_makes_no_call(api: FakeAnthropic) -> None:
    outcome = live(api, "off", ["claude-opus-4-8"])
    assert api.requests == []
    assert outcome.findings == []
