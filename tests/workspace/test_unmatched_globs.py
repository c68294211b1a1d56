"""A configured environment whose globs match nothing says so, and never reads outside."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import run_cli


def test_globs_that_leave_the_workspace_match_nothing_and_say_so(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "deploy").mkdir(parents=True)
    (repo / "deploy" / "staging.yaml").write_text("llm:\n  model: claude-sonnet-4-6\n")
    outside = tmp_path / "secret-prod.yaml"
    outside.write_text("llm:\n  model: claude-opus-4-8\n")
    (repo / ".claude-preflight.yml").write_text(
        "environments:\n"
        "  staging: ['deploy/staging.yaml']\n"
        f"  production: ['../secret-prod.yaml', '{outside}']\n"
    )
    report = tmp_path / "report.json"
    run = run_cli([str(repo), "--live-check", "off", "--json", str(report)])
    assert run.returncode == 1
    findings = json.loads(report.read_text())["findings"]
    unmatched = [f for f in findings if f["code"] == "CFG002" and f["environment"] == "production"]
    assert len(unmatched) == 1
    assert "matched no file" in unmatched[0]["message"]
    assert "claude-opus-4-8" not in json.dumps(findings)
    assert set(json.loads(report.read_text())["models"]) == {"staging"}
