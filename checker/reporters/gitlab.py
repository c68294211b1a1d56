"""GitLab Code Quality: the JSON array the merge request widget reads, one issue per finding.

GitLab reads `description`, `check_name`, `fingerprint`, `severity`, `location.path` and
`location.lines.begin` (a subset of the Code Climate spec, whose `type` and `categories` are kept
so the file is valid Code Climate too). An issue needs a file and a line, so a finding without
one is placed as SARIF places it. The widget shows issues with one fingerprint as one entry and
compares branches by fingerprint, so it is stable across line moves and unique per finding.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from checker.findings import Finding, Severity
from checker.findings.catalog import rule_for
from checker.regular_files import open_for_writing
from checker.report import Report
from checker.reporters.placement import fallback_file
from checker.reporters.redacted import redact_report, redact_strings

SEVERITIES = ("info", "minor", "major", "critical", "blocker")
_BY_SEVERITY = {Severity.ERROR: "critical", Severity.WARNING: "major", Severity.NOTICE: "info"}
_CATEGORIES = {"secrets": "Security"}
_NOT_A_FILE = ("env:",)  # the run's own environment variables: no file to point at


def build_gitlab(report: Report) -> list[dict[str, Any]]:
    """The Code Quality issues of a report, in the report's order."""
    seen: dict[str, int] = {}
    issues = []
    for finding in report.findings:
        key = _identity(finding)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        issues.append(_issue(finding, report, f"{key}\x1f{occurrence}"))
    return issues


def gitlab_severity(finding: Finding, fail_on: str) -> str:
    """`blocker` for a finding that fails the gate (the deploy is blocked), else by severity."""
    if fail_on != "never" and finding.severity.rank >= Severity(fail_on).rank:
        return "blocker"
    return _BY_SEVERITY[finding.severity]


def _issue(finding: Finding, report: Report, identity: str) -> dict[str, Any]:
    placed = finding
    if finding.file and finding.file.startswith(_NOT_A_FILE):
        placed = replace(finding, file=None)
    path, fallback = fallback_file(placed, report.environments)
    line = finding.line if finding.line and not fallback else 1
    where = f" [{finding.environment}]" if finding.environment else ""
    origin = f" (reported for {finding.file})" if fallback and finding.file else ""
    return {
        "type": "issue",
        "check_name": f"claude-preflight/{finding.code}",
        "description": f"{finding.code}: {finding.message}{where}{origin} Fix: {finding.fix}",
        "categories": [_CATEGORIES.get(rule_for(finding.code).job, "Bug Risk")],
        "severity": gitlab_severity(finding, report.tool.fail_on),
        "fingerprint": hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()[:32],
        "location": {"path": path, "lines": {"begin": line}},
    }


def _identity(finding: Finding) -> str:
    """What tells two findings apart, without the line (a moved line is the same issue)."""
    return "\x1f".join(
        [finding.code, finding.environment or "", finding.file or "", finding.message]
    )


def render_gitlab(report: Report, redact: Callable[[str], str]) -> str:
    """Redacted before the fingerprint hashes a message, and every string again after."""
    issues = redact_strings(build_gitlab(redact_report(report, redact)), redact)
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def write_gitlab(path: Path, report: Report, redact: Callable[[str], str]) -> None:
    """UTF-8 without a byte order mark: GitLab's parser rejects one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = render_gitlab(report, redact)  # before the open: a failure leaves the old file whole
    with open_for_writing(path, append=False) as file:  # never a FIFO or a device
        file.write(text)
