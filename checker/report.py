"""The JSON report (SPEC section 3) and the gate's verdict."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from checker.findings import Finding, Severity

# The drift matrix's column for a group's shared base (Helm `values.yaml`, wrangler `[vars]`):
# every environment without its own value runs it, so it is shown once.
SHARED_COLUMN = "shared"


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolInfo:
    """Footer facts: which tool, catalog and live level produced this report."""

    name: str = "claude-preflight"
    version: str
    catalog_as_of: str | None = None
    live_level: str
    fail_on: str
    duration_ms: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class SuppressedFinding:
    """A finding an inline `claude-preflight: ignore` comment dropped: counted, never silent."""

    code: str
    file: str
    line: int
    origin: str = "inline comment"


@dataclass(frozen=True, slots=True, kw_only=True)
class ScanFacts:
    """What the one pass read, and what it was asked to leave alone or capped by path."""

    files_listed: int = 0
    files_read: int = 0
    environment_files: int = 0
    shared_sources: int = 0
    excluded: int = 0
    capped: int = 0  # findings in docs, tests, examples or templates, capped to notice/warning
    suppressed: tuple[SuppressedFinding, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["suppressed"] = [asdict(item) for item in self.suppressed]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ScanFacts:
        suppressed = tuple(SuppressedFinding(**item) for item in data.get("suppressed", ()))
        return cls(**{**data, "suppressed": suppressed})


@dataclass(frozen=True, slots=True, kw_only=True)
class UncheckedReferences:
    """Env var references SEC006 left alone because they are not Claude settings: how many,
    to how many variables, and a few of their names (names are not secrets; values are)."""

    references: int = 0
    variables: int = 0
    examples: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "examples": list(self.examples)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> UncheckedReferences:
        return cls(**{**data, "examples": tuple(data.get("examples", ()))})


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """Everything a reporter needs; serialized as the JSON report."""

    version: int = 1
    passed: bool
    counts: dict[str, int]
    findings: list[Finding]
    environments: dict[str, Any] = field(default_factory=dict)
    models: dict[str, dict[str, str]] = field(default_factory=dict)
    # The same matrix by the model each value names (canonical ID), so a view can tell a model
    # that differs from one only written differently (`anthropic/claude-x` vs `claude-x`).
    canonical_models: dict[str, dict[str, str]] = field(default_factory=dict)
    live: dict[str, Any] = field(default_factory=dict)
    context: dict[str, Any] = field(default_factory=dict)
    scan: ScanFacts = field(default_factory=ScanFacts)
    unchecked_references: UncheckedReferences = field(default_factory=UncheckedReferences)
    tool: ToolInfo

    @property
    def errors(self) -> int:
        return self.counts.get("error", 0)

    @property
    def warnings(self) -> int:
        return self.counts.get("warning", 0)

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON-able data, in SPEC order (shared, not copied: read it only)."""
        return {
            "version": self.version,
            "passed": self.passed,
            "counts": self.counts,
            "findings": [finding.to_dict() for finding in self.findings],
            "environments": self.environments,
            "models": self.models,
            "canonical_models": self.canonical_models,
            "live": self.live,
            "context": self.context,
            "scan": self.scan.to_dict(),
            "unchecked_references": self.unchecked_references.to_dict(),
            "tool": asdict(self.tool),
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False, default=str)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        """Rebuild a report from `to_dict` output (used after redacting every string in it)."""
        findings = [
            Finding(**{**item, "severity": Severity(item["severity"])}) for item in data["findings"]
        ]
        return cls(
            version=data["version"],
            passed=data["passed"],
            counts=data["counts"],
            findings=findings,
            environments=data["environments"],
            models=data["models"],
            canonical_models=data.get("canonical_models", {}),
            live=data["live"],
            context=data["context"],
            scan=ScanFacts.from_dict(data.get("scan", {})),
            unchecked_references=UncheckedReferences.from_dict(
                data.get("unchecked_references", {})
            ),
            tool=ToolInfo(**data["tool"]),
        )


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
