"""The live ladder proves the models the code calls, not only those of environment config files."""

from __future__ import annotations

from tests.fake_api import FakeAnthropic
from tests.helpers import FIXTURES
from tests.live.conftest import CliRunner

SOURCE_ONLY = FIXTURES / "live" / "source-only"


def test_models_named_in_source_code_are_proved_and_docs_are_not(
    cli: CliRunner, api: FakeAnthropic
) -> None:
    run, report = cli(level="models", repo=SOURCE_ONLY)
    assert run.returncode == 0, run.stdout
    asked = sorted(r.path for r in api.requests if r.path.startswith("/v1/models/"))
    assert asked == ["/v1/models/claude-opus-4-8", "/v1/models/claude-sonnet-4-6"]
    assert sorted(model["id"] for model in report["live"]["models"]) == [
        "claude-opus-4-8",
        "claude-sonnet-4-6",
    ]
    assert "/v1/models/claude-opus-4-7" not in asked  # named only in docs/history.md


def test_the_run_environment_model_is_production_s_and_goes_to_the_live_check(
    cli: CliRunner, api: FakeAnthropic
) -> None:
    run, report = cli(level="models", repo=SOURCE_ONLY, env={"ANTHROPIC_MODEL": "claude-opus-4-7"})
    assert run.returncode == 0, run.stdout
    asked = {r.path for r in api.requests if r.path.startswith("/v1/models/")}
    assert "/v1/models/claude-opus-4-7" in asked
    assert report["models"] == {}  # shared references are checked, never compared
