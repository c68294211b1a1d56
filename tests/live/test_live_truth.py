"""The live model list is the truth at run time, through the CLI against the fake API: what it
serves past the catalog's retirement date, what it no longer serves, the output limit it states,
and what it says about models the catalog lacks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from checker.live.ladder import run_live
from checker.live.served import ServedModel, served_model
from checker.reporters.summary import render_summary
from checker.settings import Settings
from tests.fake_api import VALID_KEY, FakeAnthropic
from tests.live.conftest import CliRunner, report_of
from tests.reporting.reports import build_report

SONNET_4_5 = "claude-sonnet-4-5-20250929"


def workspace(root: Path, production: str, staging: str | None = None) -> Path:
    """`config/production.yaml` (and staging's) with the given `llm:` bodies."""
    (root / "config").mkdir(parents=True)
    (root / "config" / "production.yaml").write_text(f"llm:\n{production}")
    (root / "config" / "staging.yaml").write_text(f"llm:\n{staging or production}")
    return root


def by_code(report: dict[str, Any], code: str) -> list[dict[str, Any]]:
    return [f for f in report["findings"] if f["code"] == code]


def test_a_model_served_past_its_retirement_date_is_a_warning_not_an_error(
    cli: CliRunner, api: FakeAnthropic, tmp_path: Path
) -> None:
    assert SONNET_4_5 in api.models  # the fake API still serves it, as the real one may
    repo = workspace(tmp_path / "app", f"  model: {SONNET_4_5}\n")
    run, report = cli(level="models", repo=repo)
    assert run.returncode == 0, run.stdout
    assert by_code(report, "MOD003") == []
    served = by_code(report, "MOD004")
    assert [(f["environment"], f["severity"]) for f in served] == [
        ("production", "warning"),
        ("staging", "warning"),
    ]
    assert (
        "retired on 2026-11-30 per the catalog, but the API still serves it today "
        "(`GET /v1/models` lists it); it can stop at any moment."
    ) in served[0]["message"]
    assert served[0]["details"]["replacement"] == "claude-sonnet-5-5"


def test_the_same_model_no_longer_served_is_retired(tmp_path: Path, cli: CliRunner) -> None:
    with FakeAnthropic(models=("claude-sonnet-5-5", "claude-opus-4-8")) as gone:
        repo = workspace(tmp_path / "app", f"  model: {SONNET_4_5}\n")
        run, report = cli(level="auth", repo=repo, base_url=gone.url)
    assert run.returncode == 1
    assert [f["severity"] for f in by_code(report, "MOD003")] == ["error", "error"]
    assert by_code(report, "MOD004") == []


def test_a_live_max_tokens_below_the_catalogs_is_the_limit(
    cli: CliRunner, api: FakeAnthropic, tmp_path: Path
) -> None:
    api.facts["claude-opus-4-8"] = {"max_tokens": 32_000}  # the catalog says 128,000
    repo = workspace(tmp_path / "app", "  model: claude-opus-4-8\n  max_tokens: 64000\n")
    run, report = cli(level="models", repo=repo)
    assert run.returncode == 1
    limits = by_code(report, "MOD008")
    assert [(f["environment"], f["details"]["limit"]) for f in limits] == [
        ("production", "32000"),
        ("staging", "32000"),
    ]
    assert (
        "(the limit the API states for this model in `GET /v1/models` today)"
        in (limits[0]["message"])
    )
    assert "`max_tokens: 64000 > 32000`" in limits[0]["message"]


def test_without_a_lower_live_limit_the_same_setting_passes(
    cli: CliRunner, api: FakeAnthropic, tmp_path: Path
) -> None:
    repo = workspace(tmp_path / "app", "  model: claude-opus-4-8\n  max_tokens: 64000\n")
    run, report = cli(level="models", repo=repo)
    assert run.returncode == 0, run.stdout
    assert by_code(report, "MOD008") == []


def _with_replacement(repo: Path) -> None:
    """A user catalog naming a replacement for the invitation-only Mythos 5."""
    (repo / ".claude-preflight.yml").write_text("catalog: models.yaml\n")
    (repo / "models.yaml").write_text(
        "models:\n  - id: claude-mythos-5\n    replacement: claude-opus-5\n"
    )


def test_a_catalog_model_the_key_is_not_served_is_api003_naming_the_replacement(
    cli: CliRunner, api: FakeAnthropic, tmp_path: Path
) -> None:
    repo = workspace(tmp_path / "app", "  model: claude-mythos-5\n", "  model: claude-opus-4-8\n")
    _with_replacement(repo)
    run, report = cli(level="models", repo=repo)
    assert run.returncode == 1
    [unserved] = by_code(report, "API003")
    assert unserved["details"]["model"] == "claude-mythos-5"
    assert "`claude-opus-5`, the catalog's replacement for `claude-mythos-5`" in unserved["fix"]
    assert by_code(report, "MOD002") == []  # the catalog knows the model: only the key lacks it


def test_at_the_auth_level_the_list_alone_reports_an_unserved_catalog_model(
    cli: CliRunner, api: FakeAnthropic, tmp_path: Path
) -> None:
    repo = workspace(tmp_path / "app", "  model: claude-mythos-5\n", "  model: claude-sonnet-4-5\n")
    _with_replacement(repo)
    run, report = cli(level="auth", repo=repo)
    assert [r.path for r in api.requests] == ["/v1/models"]  # no per-model call at `auth`
    [unserved] = by_code(report, "API003")
    assert unserved["details"] == {"model": "claude-mythos-5", "endpoint": "GET /v1/models"}
    assert "not in the model list the API serves to this key" in unserved["message"]
    assert "`claude-opus-5`" in unserved["fix"]
    assert run.returncode == 1
    # the alias is served through its snapshot: not reported as unserved
    assert "claude-sonnet-4-5" not in json.dumps(by_code(report, "API003"))


def test_the_summary_describes_a_served_model_the_catalog_lacks(api: FakeAnthropic) -> None:
    api.models.append("claude-opus-6")
    api.facts["claude-opus-6"] = {
        "display_name": "Claude Opus 6",
        "created_at": "2026-11-20T00:00:00Z",
    }
    settings = Settings(
        workspace=Path.cwd(), config_path=None, live_check="models", base_url=api.url
    )
    outcome = run_live(settings, VALID_KEY, ["claude-opus-6", "claude-opus-4-8"], [])
    assert outcome.served_models is not None
    assert outcome.served_models["claude-opus-6"].display_name == "Claude Opus 6"
    assert outcome.served_models["claude-opus-4-8"].max_tokens == 128_000
    entries = {entry["id"]: entry for entry in report_of(outcome)["models"]}
    assert entries["claude-opus-6"]["in_catalog"] is False
    assert entries["claude-opus-4-8"]["in_catalog"] is True
    summary = render_summary(build_report([], live=outcome.report), lambda text: text)
    assert "Claude Opus 6, created 2026-11-20 (not in the bundled catalog)" in summary
    assert "Claude Opus 4.8" not in summary  # the catalog knows it: its row stays as it was


def test_model_objects_are_read_defensively() -> None:
    """The API's answer is untrusted JSON: odd types are dropped, text made one safe line."""
    assert served_model({"id": 7}) is None
    assert served_model("claude-opus-4-8") is None
    model = served_model(
        {
            "id": "claude-opus-6",
            "display_name": "Claude `Opus`\n6",
            "created_at": 20261120,
            "max_tokens": True,
            "max_input_tokens": -1,
        }
    )
    assert model == ServedModel("claude-opus-6", display_name="Claude Opus 6")
