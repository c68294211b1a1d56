"""Fixtures for the live-check tests: the fake Anthropic API and a CLI runner pointed at it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from checker.live import LiveOutcome
from checker.live.ladder import run_live
from checker.settings import Settings
from tests.fake_api import VALID_KEY, FakeAnthropic
from tests.helpers import FIXTURES, Run, base_env, run_cli

BASIC_REPO = FIXTURES / "live" / "basic"


CliRunner = Callable[..., tuple[Run, dict[str, Any]]]


@pytest.fixture
def cli(api: FakeAnthropic, tmp_path: Path) -> CliRunner:
    """Run the real CLI against the fake API; returns the run and its JSON report."""

    def run(
        *args: str,
        level: str = "auth",
        key: str = VALID_KEY,
        repo: Path = BASIC_REPO,
        base_url: str | None = None,
        timeout: float | None = None,
        env: dict[str, str] | None = None,
    ) -> tuple[Run, dict[str, Any]]:
        report_path = tmp_path / "report.json"
        report_path.unlink(missing_ok=True)
        command = [
            str(repo),
            "--live-check",
            level,
            "--base-url",
            base_url or api.url,
            "--json",
            str(report_path),
            *args,
        ]
        if timeout is not None:
            command += ["--timeout", f"{timeout:g}"]
        run_env = base_env(ANTHROPIC_API_KEY=key, **(env or {}))
        result = run_cli(command, env=run_env)
        assert "Traceback" not in result.stderr, result.stderr
        report = json.loads(report_path.read_text()) if report_path.exists() else {}
        result.report = report
        assert key not in result.all_text
        return result, report

    return run


def codes(report: dict[str, Any]) -> list[str]:
    """The finding codes of a JSON report, in report order."""
    return [finding["code"] for finding in report.get("findings", [])]


def live_findings(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in report.get("findings", []) if str(f["code"]).startswith("API")]


def live(
    api: FakeAnthropic,
    level: str,
    models: list[str],
    production: list[str] | None = None,
    *,
    key: str = VALID_KEY,
    timeout: float = 30,
    base_url: str | None = None,
) -> LiveOutcome:
    """`run_live` itself against the fake API: no process start-up, same code path."""
    settings = Settings(
        workspace=Path.cwd(),
        config_path=None,
        live_check=level,  # type: ignore[arg-type]
        base_url=base_url or api.url,
        timeout=timeout,
    )
    outcome = run_live(settings, key, models, production or [])
    text = json.dumps(report_of(outcome)) + json.dumps([f.to_dict() for f in outcome.findings])
    assert key not in text
    return outcome


def report_of(outcome: LiveOutcome) -> dict[str, Any]:
    """The outcome's `live` section as the JSON report holds it."""
    assert outcome.report is not None
    return outcome.report.to_dict()
