"""The Finding record and the one constructor that fills it from the rule catalog."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from checker.findings.catalog import docs_url, rule_for
from checker.findings.rule import fill


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


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One problem found; the JSON report, annotations, SARIF and the summary all render this.

    A plain dataclass, not pydantic: it is built in hot loops and importing pydantic would
    double the gate's start-up time. Findings are only ever made by our own checks.
    """

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
    details: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The finding as SPEC section 3 serializes it."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "title": self.title,
            "message": self.message,
            "fix": self.fix,
            "environment": self.environment,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "docs": self.docs,
            "details": dict(self.details),
        }


def make_finding(
    code: str,
    wording: str | None = None,
    /,
    *,
    severity: Severity | None = None,
    environment: str | None = None,
    location: Location | None = None,
    details: dict[str, str] | None = None,
    **facts: object,
) -> Finding:
    """Build a finding in its rule's words: the named wording (the rule's first when none is
    named) filled from `facts`, plus the title, default severity and docs link.

    `environment` is a fact too, so templates can say "in {environment}". A wording without a fix
    template uses the rule's generic fix.
    """
    rule = rule_for(code)
    words = rule.wording(wording)
    named = {"environment": environment, **facts} if environment is not None else facts
    return Finding(
        code=rule.code,
        severity=severity or Severity(rule.severity),
        title=rule.title,
        message=fill(words.message, named),
        fix=fill(words.fix, named) if words.fix is not None else rule.fix,
        environment=environment,
        file=location.file if location else None,
        line=location.line if location else None,
        column=location.column if location else None,
        docs=docs_url(rule.code),
        details=dict(details or {}),
    )
