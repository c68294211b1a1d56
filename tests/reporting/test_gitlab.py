"""`--gitlab PATH`: the Code Quality report GitLab's merge request widget reads, validated against
the fields GitLab documents (schemas/gitlab-code-quality.json)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from checker.findings import Location, Severity, make_finding
from checker.redaction import Redactor
from checker.reporters.gitlab import SEVERITIES, build_gitlab, gitlab_severity, render_gitlab
from tests.helpers import EXAMPLES, base_env, run_action, run_cli
from tests.reporting.reports import REPORTS, api_echoing, build_report, model_finding

SCHEMA = Path(__file__).parent / "schemas" / "gitlab-code-quality.json"


@cache
def validator() -> Any:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def assert_valid(issues: list[dict[str, Any]]) -> None:
    errors = sorted(validator().iter_errors(issues), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == len(fingerprints), "the widget merges equal fingerprints"


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_report_is_a_valid_code_quality_report(name: str) -> None:
    assert_valid(json.loads(render_gitlab(REPORTS[name](), lambda s: s)))


def test_the_cli_writes_it_for_the_example_without_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "out" / "gl-code-quality-report.json"
    run = run_cli([str(EXAMPLES), "--live-check", "off", "--gitlab", str(path)], env=base_env())
    assert run.returncode == 1, run.stderr
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    issues = json.loads(raw.decode("utf-8"))
    assert_valid(issues)
    assert "claude-preflight/SEC001" in {issue["check_name"] for issue in issues}
    blocking = [issue for issue in issues if issue["severity"] == "blocker"]
    assert blocking, "the findings that fail the gate are blockers in the widget"


def test_the_action_input_writes_it_into_the_workspace(tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    workspace.mkdir()
    (workspace / "config").mkdir()
    (workspace / "config" / "production.yaml").write_text("llm:\n  model: claude-3-opus\n")
    run = run_action(
        workspace, tmp_path, inputs={"live-check": "off", "gitlab": "gl-code-quality-report.json"}
    )
    assert run.returncode == 1, run.stderr
    issues = json.loads((workspace / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert_valid(issues)
    located = [i for i in issues if i["location"]["path"] == "config/production.yaml"]
    assert located
    assert located[0]["location"]["lines"]["begin"] == 2


def test_a_finding_fails_the_gate_as_a_blocker_and_otherwise_keeps_its_weight() -> None:
    error = model_finding("MOD003", "claude-2.1")
    warning = model_finding("MOD005", "claude-haiku-4-5", severity=Severity.WARNING)
    notice = make_finding("CFG004", "old", as_of="2026-06-01", age=183, limit=60)
    assert gitlab_severity(error, "error") == "blocker"
    assert gitlab_severity(warning, "error") == "major"
    assert gitlab_severity(warning, "warning") == "blocker"
    assert gitlab_severity(notice, "error") == "info"
    assert gitlab_severity(error, "never") == "critical"
    assert {gitlab_severity(f, "never") for f in (error, warning, notice)} <= set(SEVERITIES)


def test_a_finding_without_a_file_goes_on_its_environments_config_on_line_one() -> None:
    bare = make_finding(
        "SEC001",
        "api_key_unset",
        environment="production",
        variable="ANTHROPIC_API_KEY",
        near_miss="",
    )
    orphan = make_finding(
        "API009", "over_budget", budget=30.0, base_url="https://api.anthropic.com"
    )
    from_env = model_finding(
        "MOD003",
        "claude-2.1",
        environment="production",
        location=Location("env:ANTHROPIC_MODEL"),
    )
    issues = build_gitlab(build_report([bare, orphan, from_env]))
    assert_valid(issues)
    by_code = {issue["check_name"].split("/")[1]: issue for issue in issues}
    assert by_code["SEC001"]["location"] == {
        "path": "config/production.yaml",
        "lines": {"begin": 1},
    }
    assert by_code["API009"]["location"]["path"] == ".claude-preflight.yml"
    assert by_code["MOD003"]["location"]["path"] == "config/production.yaml"
    assert "reported for env:ANTHROPIC_MODEL" in by_code["MOD003"]["description"]


def test_fingerprints_survive_a_line_move_and_tell_repeated_findings_apart() -> None:
    def fingerprints(*lines: int) -> list[str]:
        findings = [
            model_finding("MOD002", "x", location=Location("app.py", line)) for line in lines
        ]
        return [issue["fingerprint"] for issue in build_gitlab(build_report(findings))]

    assert fingerprints(3) == fingerprints(30)
    twice = fingerprints(3, 9)
    assert len(set(twice)) == 2
    assert twice == fingerprints(4, 12)


def test_the_report_never_holds_a_secret_even_hashed() -> None:
    secret = 'sk-live-value_with"quote'
    finding = api_echoing(secret)
    text = render_gitlab(build_report([finding]), Redactor([secret]))
    assert "sk-live" not in text
    clean = render_gitlab(build_report([api_echoing("[REDACTED]")]), str)
    assert json.loads(text)[0]["fingerprint"] == json.loads(clean)[0]["fingerprint"]
