"""The comment body: marker first, links to the head commit, a suggested change for a one-line
value fix, the summary's markdown safety and redaction, and GitHub's 65,536-character limit."""

from __future__ import annotations

from pathlib import Path

from checker.findings import Finding, Location, make_finding
from checker.github.comment import COMMENT_LIMIT, FAILED_STATE, Links, build_comment, marker
from checker.redaction import Redactor
from checker.report import Report, ToolInfo, count_findings, gate_passed, sort_findings
from checker.reporters.markdown_safe import fenced
from tests.reporting.reports import model_finding

SHA = "0123456789abcdef0123456789abcdef01234567"
LINKS = Links(
    blob_base=f"https://github.com/acme/app/blob/{SHA}/",
    workspace_prefix="services/api/",
    run_url="https://github.com/acme/app/actions/runs/42",
    commit=SHA,
)


def build_report(findings: list[Finding]) -> Report:
    """A report with only what the comment reads: findings, verdict, tool facts."""
    ordered = sort_findings(findings)
    return Report(
        passed=gate_passed(ordered, "error"),
        counts=count_findings(ordered),
        findings=ordered,
        tool=ToolInfo(version="0.1.0", live_level="off", fail_on="error"),
    )


def _retired(file: str, line: int = 2, column: int = 10) -> Finding:
    return make_finding(
        "MOD003",
        "retired",
        value="claude-3-opus-20240229",
        model="Claude Opus 3",
        model_id="claude-3-opus-20240229",
        on=" on 2026-01-05",
        replacement="claude-opus-4-8",
        replacement_name="Claude Opus 4.8",
        environment="production",
        location=Location(file, line, column),
        details={"value": "claude-3-opus-20240229", "replacement": "claude-opus-4-8"},
    )


def _body(workspace: Path, *findings: Finding, redactor: Redactor | None = None) -> str:
    report = build_report(list(findings))
    return build_comment(
        report,
        redactor or Redactor(),
        workspace_marker=marker("services/api/"),
        links=LINKS,
        workspace=workspace,
        catalog=None,
        previous_failed=False,
    )


def test_the_marker_comes_first_and_differs_per_workspace(tmp_path: Path) -> None:
    body = _body(tmp_path, _retired("config/production.yaml"))
    assert body.startswith(marker("services/api/") + "\n" + FAILED_STATE + "\n")
    assert marker("services/api/") != marker("services/worker/")
    assert marker(".").startswith("<!-- claude-preflight:")


def test_a_finding_links_to_its_line_in_the_head_commit_through_the_workspace(
    tmp_path: Path,
) -> None:
    body = _body(tmp_path, _retired("config/prod #1.yaml", line=7))
    assert f"(https://github.com/acme/app/blob/{SHA}/services/api/config/prod%20%231.yaml#L7)" in (
        body
    )


def test_a_one_line_value_fix_gets_a_suggested_change(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "production.yaml").write_text(
        "llm:\n  model: claude-3-opus-20240229  # main model\n", encoding="utf-8"
    )
    body = _body(tmp_path, _retired("config/production.yaml"))
    assert "  ```suggestion\n    model: claude-opus-4-8  # main model\n  ```" in body


def test_no_suggestion_when_the_file_no_longer_holds_the_value(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "production.yaml").write_text("llm:\n  model: other\n")
    assert "suggestion" not in _body(tmp_path, _retired("config/production.yaml"))


def test_a_backtick_fence_in_the_line_cannot_close_the_suggestion() -> None:
    block = str(fenced("x = ```` `y` </details>", "suggestion", 2))
    assert block.startswith("`````suggestion\n  x = ```` `y` </details>\n  `````")


def test_hostile_file_names_and_messages_stay_inert(tmp_path: Path) -> None:
    hostile = model_finding(
        "MOD002",
        "<img src=x onerror=alert(1)>\n## injected heading",
        location=Location("</details><script>x</script>|.yaml", 1, 1),
    )
    body = _body(tmp_path, hostile)
    assert "<script>" not in body
    assert "<img" not in body
    assert "\n## injected" not in body


def test_secrets_are_redacted(tmp_path: Path) -> None:
    secret = "ghs_" + "S3cretT0ken" * 3
    finding = model_finding("MOD002", secret, location=Location("config/production.yaml", 1))
    body = _body(tmp_path, finding, redactor=Redactor([secret]))
    assert secret not in body
    assert "REDACTED" in body


def test_thousands_of_findings_stay_under_githubs_limit(tmp_path: Path) -> None:
    findings = [_retired(f"config/{'deep/' * 20}file{index}.yaml") for index in range(5000)]
    body = _body(tmp_path, *findings)
    assert len(body) <= COMMENT_LIMIT
    assert "block the deploy: the job summary lists them." in body
    assert body.startswith("<!-- claude-preflight:")


def test_a_pass_after_a_failure_says_it_passes_now(tmp_path: Path) -> None:
    body = build_comment(
        build_report([]),
        Redactor(),
        workspace_marker=marker("."),
        links=LINKS,
        workspace=tmp_path,
        catalog=None,
        previous_failed=True,
    )
    assert "claude-preflight: passes now" in body
    assert FAILED_STATE not in body
