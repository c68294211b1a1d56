"""The Finding record and the one constructor that fills it from the rule catalog."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from checker.findings.catalog import docs_url, rule_for


class Severity(StrEnum):
    """How much a finding weighs; ordered so the gate can compare against `--fail-on`."""

    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "notice": 1}[self.value]


@dataclass(frozen=True, slots=True)
class Location:
    """Where a value sits: workspace-relative `/`-separated path, 1-based line and column."""

    file: str
    line: int | None = None
    column: int | None = None


class Finding(BaseModel):
    """One problem found; the JSON report, annotations, SARIF and the summary all render this."""

    model_config = ConfigDict(frozen=True)

    code: str
    severity: Severity
    title: str
    message: str
    fix: str
    environment: str | None = None
    file: str | None = None
    line: int | None = None
    column: int | None = None
    docs: str
    details: dict[str, str] = Field(default_factory=dict)


def make_finding(
    code: str,
    message: str,
    *,
    severity: Severity | None = None,
    fix: str | None = None,
    environment: str | None = None,
    location: Location | None = None,
    details: dict[str, str] | None = None,
) -> Finding:
    """Build a finding whose title, default severity, fix and docs link come from the catalog.

    Checks pass `fix` only when they know a fix more specific than the rule's generic one.
    """
    rule = rule_for(code)
    return Finding(
        code=rule.code,
        severity=severity or Severity(rule.severity),
        title=rule.title,
        message=message,
        fix=fix or rule.fix,
        environment=environment,
        file=location.file if location else None,
        line=location.line if location else None,
        column=location.column if location else None,
        docs=docs_url(rule.code),
        details=dict(details or {}),
    )
