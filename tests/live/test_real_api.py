"""The ladder against the real Claude API; runs only when ANTHROPIC_API_KEY is set.

It spends zero tokens at the default level and at most one output token at `message` level.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.helpers import FIXTURES, base_env, run_cli

KEY = os.environ.get("ANTHROPIC_API_KEY", "")
pytestmark = [
    pytest.mark.real_api,
    pytest.mark.skipif(not KEY, reason="needs ANTHROPIC_API_KEY (calls the real API)"),
]


@pytest.mark.parametrize("level", ["models", "message"])
def test_the_real_api_accepts_the_key_and_the_model(level: str, tmp_path: Path) -> None:
    report_path = tmp_path / "report.json"
    run = run_cli(
        [str(FIXTURES / "live" / "basic"), "--live-check", level, "--json", str(report_path)],
        env=base_env(ANTHROPIC_API_KEY=KEY),
    )
    report = json.loads(report_path.read_text())
    assert KEY not in run.stdout + run.stderr + report_path.read_text()
    live = report["live"]
    api_findings = [f for f in report["findings"] if f["code"].startswith("API")]
    assert api_findings == [], api_findings
    assert live["served_models"] > 0
    assert live["tokens"]["output"] <= (1 if level == "message" else 0)
    if level == "models":
        assert live["tokens"] == {"input": 0, "output": 0}
