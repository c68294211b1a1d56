"""Annotations: errors first, within GitHub's per-step limits, each pointing at file, line, col."""

from __future__ import annotations

import io

from checker.findings import Finding, Location, Severity, make_finding
from checker.reporters.workflow_commands import (
    ANNOTATION_LIMIT_PER_SEVERITY,
    WorkflowCommands,
    annotation_plan,
)
from tests.reporting.reports import model_finding


def findings(code: str, count: int, severity: Severity) -> list[Finding]:
    return [
        model_finding(
            code,
            f"claude-x-{n}",
            severity=severity,
            location=Location(f"config/f{n}.yaml", n + 1, 3),
        )
        for n in range(count)
    ]


def annotate(items: list[Finding]) -> tuple[list[str], dict[str, int]]:
    out = io.StringIO()
    left_out = WorkflowCommands(out, lambda s: s).annotate(items)
    return out.getvalue().rstrip("\n").split("\n"), left_out


def test_errors_come_first_whatever_the_input_order() -> None:
    mixed = [
        *findings("MOD005", 2, Severity.NOTICE),
        *findings("MOD005", 2, Severity.WARNING),
        *findings("MOD002", 2, Severity.ERROR),
    ]
    lines, left_out = annotate(mixed)
    assert [line.split(" ", 1)[0] for line in lines] == [
        "::error",
        "::error",
        "::warning",
        "::warning",
        "::notice",
        "::notice",
    ]
    assert left_out == {"error": 0, "warning": 0, "notice": 0}


def test_each_annotation_has_title_file_line_and_col() -> None:
    lines, _ = annotate(findings("MOD002", 1, Severity.ERROR))
    assert lines == [
        "::error title=MOD002 Unknown model ID,file=config/f0.yaml,line=1,col=3::"
        "`claude-x-0` is not a Claude model ID: the model catalog does not know it (catalog as "
        "of 2026-12-01).%0AFix: Use the suggested ID, or one listed by `GET /v1/models`."
    ]


def test_over_the_limit_the_rest_is_counted_and_one_notice_says_so() -> None:
    many = [
        *findings("MOD002", 15, Severity.ERROR),
        *findings("MOD005", 12, Severity.WARNING),
        *findings("MOD005", 12, Severity.NOTICE),
    ]
    lines, left_out = annotate(many)
    kinds = [line.split(" ", 1)[0] for line in lines]
    assert kinds.count("::error") == ANNOTATION_LIMIT_PER_SEVERITY
    assert kinds.count("::warning") == ANNOTATION_LIMIT_PER_SEVERITY
    # nine findings plus the note: the note never pushes notices over GitHub's limit
    assert kinds.count("::notice") == ANNOTATION_LIMIT_PER_SEVERITY
    assert left_out == {"error": 5, "warning": 2, "notice": 3}
    assert "5 error, 2 warning, 3 notice finding(s) not annotated" in lines[-1]
    assert annotation_plan(many).left_out == left_out


def test_findings_without_a_file_are_annotated_without_location() -> None:
    missing = make_finding("SEC001", "api_key_unset", variable="ANTHROPIC_API_KEY", near_miss="")
    lines, _ = annotate([missing])
    assert lines[0].startswith("::error title=SEC001 Required secret missing or empty::")
