"""The model rungs through the real CLI: the IDs come from the repository's config files.

These depend on model discovery (`checker.models.inventory_models`) finding `llm.model` in
`config/{staging,production}.yaml`.
"""

from __future__ import annotations

from tests.fake_api import FakeAnthropic
from tests.helpers import FIXTURES
from tests.live.conftest import CliRunner, live_findings

UNSERVED_REPO = FIXTURES / "live" / "unserved-model"


def test_the_default_level_proves_each_model_with_zero_tokens(
    cli: CliRunner, api: FakeAnthropic
) -> None:
    run, report = cli(level="models")
    assert run.returncode == 0, run.stdout
    assert [r.path for r in api.requests] == ["/v1/models", "/v1/models/claude-sonnet-4-6"]
    (model,) = report["live"]["models"]
    assert model["id"] == "claude-sonnet-4-6"
    assert model["ok"] is True
    assert report["live"]["tokens"] == {"input": 0, "output": 0}
    assert api.output_tokens == api.input_tokens == 0


def test_the_message_level_sends_one_ping_with_max_tokens_1(
    cli: CliRunner, api: FakeAnthropic
) -> None:
    run, report = cli(level="message")
    assert run.returncode == 0, run.stdout
    (message,) = api.to("POST", "/v1/messages")
    assert message.body == {
        "model": "claude-sonnet-4-6",
        "max_tokens": 1,
        "messages": [{"role": "user", "content": "ping"}],
    }
    assert len(api.to("POST", "/v1/messages/count_tokens")) == 1
    assert api.output_tokens == 1
    assert report["live"]["tokens"]["output"] == 1


def test_a_model_the_key_is_not_given_is_api003(cli: CliRunner, api: FakeAnthropic) -> None:
    run, report = cli(level="message", repo=UNSERVED_REPO)
    found = [f for f in live_findings(report) if f["code"] == "API003"]
    assert len(found) == 1
    assert found[0]["details"]["model"] == "claude-mythos-5"
    assert run.returncode == 1
    assert api.to("POST", "/v1/messages") == []
