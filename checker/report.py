"""The JSON report (SPEC section 3) and the gate's verdict."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from checker.findings import Finding, Severity
from checker.live.report import LiveReport

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


@dataclass(frozen=True, slots=True, kw_only=True)
class DroppedFinding:
    """A finding the gate did not count, and who asked: an `ignore` setting (its origin: input,
    flag, config file, env var) or an inline comment (its file and line)."""

    code: str
    severity: str
    origin: str  # "input", "flag", "config file", "env var" or "inline comment"
    source: str  # `ignore`, `--ignore`, `.claude-preflight.yml`, the env var, or the file
    file: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class GateSetting:
    """One setting that weakens the gate, with its value and where it came from."""

    setting: str  # the option's name: `ignore`, `fail-on`, `live-check`, `allow-drift`, ...
    value: str
    origin: str
    source: str


@dataclass(frozen=True, slots=True, kw_only=True)
class SettingsFacts:
    """How the repository's own config was treated and which settings weaken this run.

    `not_applied` lists the config file's settings under `repository-config: report` (shown,
    never applied); `catalog_overrides` says where a user catalog contradicts the bundled
    lifecycle of a model (un-retiring it, moving its retirement later).
    """

    repository_config: str = "use"
    config_file: str | None = None
    config_problem: str | None = None
    weakening: tuple[GateSetting, ...] = ()
    not_applied: tuple[GateSetting, ...] = ()
    catalog_overrides: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for name in ("weakening", "not_applied", "catalog_overrides"):
            data[name] = list(data[name])
        return data


@dataclass(frozen=True, slots=True, kw_only=True)
class UncheckedReferences:
    """Env var references SEC006 left alone because they are not Claude settings: how many,
    to how many variables, and a few of their names (names are not secrets; values are)."""

    references: int = 0
    variables: int = 0
    examples: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "examples": list(self.examples)}


@dataclass(frozen=True, slots=True, kw_only=True)
class EnvironmentFacts:
    """What the model checks learned about one environment: its role, provider and files."""

    production: bool = False
    pre_production: bool = False
    provider: str | None = None
    files: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "production": self.production,
            "pre_production": self.pre_production,
            "provider": self.provider,
            "files": list(self.files),
        }


# The report's sections whose dict keys are data (environment and slot names), not schema:
# redaction changes those keys too (`checker.reporters.redacted`).
DATA_KEYS = {"data_keys": True}


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """Everything a reporter needs; serialized as the JSON report."""

    version: int = 1
    passed: bool
    counts: dict[str, int]
    findings: list[Finding]
    environments: dict[str, EnvironmentFacts] = field(default_factory=dict, metadata=DATA_KEYS)
    models: dict[str, dict[str, str]] = field(default_factory=dict, metadata=DATA_KEYS)
    # The same matrix by the model each value names (canonical ID), so a view can tell a model
    # that differs from one only written differently (`anthropic/claude-x` vs `claude-x`).
    canonical_models: dict[str, dict[str, str]] = field(default_factory=dict, metadata=DATA_KEYS)
    live: LiveReport | None = None
    context: dict[str, Any] = field(default_factory=dict)
    scan: ScanFacts = field(default_factory=ScanFacts)
    unchecked_references: UncheckedReferences = field(default_factory=UncheckedReferences)
    # Every finding not counted (inline comments and `ignore` alike), and the run's settings.
    dropped: tuple[DroppedFinding, ...] = ()
    settings: SettingsFacts = field(default_factory=SettingsFacts)
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
            "environments": {name: facts.to_dict() for name, facts in self.environments.items()},
            "models": self.models,
            "canonical_models": self.canonical_models,
            "live": self.live.to_dict() if self.live is not None else {},
            "context": self.context,
            "scan": self.scan.to_dict(),
            "unchecked_references": self.unchecked_references.to_dict(),
            "suppressions": [asdict(item) for item in self.dropped],
            "settings": self.settings.to_dict(),
            "tool": asdict(self.tool),
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False, default=str)


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
