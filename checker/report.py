"""The JSON report (SPEC section 3) and the gate's verdict."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from checker.findings import Finding, Severity


class ToolInfo(BaseModel):
    """Footer facts: which tool, catalog and live level produced this report."""

    name: str = "claude-preflight"
    version: str
    catalog_as_of: str | None = None
    live_level: str
    fail_on: str
    duration_ms: int = 0


class Report(BaseModel):
    """Everything a reporter needs; serialized as the JSON report."""

    version: int = 1
    passed: bool
    counts: dict[str, int]
    findings: list[Finding]
    environments: dict[str, Any] = Field(default_factory=dict)
    models: dict[str, dict[str, str]] = Field(default_factory=dict)
    live: dict[str, Any] = Field(default_factory=dict)
    context: dict[str, Any] = Field(default_factory=dict)
    tool: ToolInfo

    @property
    def errors(self) -> int:
        return self.counts.get("error", 0)

    @property
    def warnings(self) -> int:
        return self.counts.get("warning", 0)


def count_findings(findings: list[Finding]) -> dict[str, int]:
    counts = {severity.value: 0 for severity in Severity}
    for finding in findings:
        counts[finding.severity.value] += 1
    return counts


def gate_passed(findings: list[Finding], fail_on: str) -> bool:
    """True when no finding is at or above the `--fail-on` severity."""
    if fail_on == "never":
        return True
    threshold = Severity(fail_on).rank
    return all(finding.severity.rank < threshold for finding in findings)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Errors first, then by code, file and line: the order every reporter shows."""
    return sorted(
        findings,
        key=lambda f: (-f.severity.rank, f.code, f.file or "", f.line or 0, f.message),
    )
