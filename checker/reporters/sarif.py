"""SARIF 2.1.0 for code scanning: one rule per finding code, one result per finding.

GitHub code scanning rejects a result without a location ("locationFromSarifResult: expected at
least one location"), so a finding with no file of its own (a missing secret, an API failure) is
placed on its environment's first config file, else on `.claude-preflight.yml`, and says so in
its properties. `partialFingerprints` keep an alert the same alert when lines move.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

from checker import __version__
from checker.findings import RULES, Finding
from checker.findings.catalog import DOCS_BASE, docs_url
from checker.regular_files import open_for_writing
from checker.report import Report
from checker.reporters.placement import fallback_file
from checker.reporters.redacted import redact_report, redact_strings

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "claudePreflight/v1"
_LEVELS = {"error": "error", "warning": "warning", "notice": "note"}


def build_sarif(report: Report) -> dict[str, Any]:
    index = {code: position for position, code in enumerate(RULES)}
    results = [_result(finding, report, index) for finding in report.findings]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claude-preflight",
                        "version": __version__,
                        "informationUri": DOCS_BASE,
                        "rules": [_rule(rule.code) for rule in RULES.values()],
                    }
                },
                "invocations": [{"executionSuccessful": not _crashed(report)}],
                "results": results,
                "properties": {
                    "passed": report.passed,
                    "liveLevel": report.tool.live_level,
                    "catalogAsOf": report.tool.catalog_as_of or "",
                },
            }
        ],
    }


def _rule(code: str) -> dict[str, Any]:
    rule = RULES[code]
    return {
        "id": rule.code,
        "name": "".join(word.capitalize() for word in rule.title.split() if word.isalnum()),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.explanation},
        "help": {
            "text": f"{rule.explanation}\n\nFix: {rule.fix}",
            "markdown": f"{rule.explanation}\n\n**Fix:** {rule.fix}\n\n"
            f"[{rule.code}]({docs_url(code)})",
        },
        "helpUri": docs_url(rule.code),
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"tags": [rule.job, "claude"]},
    }


def _result(finding: Finding, report: Report, index: Mapping[str, int]) -> dict[str, Any]:
    file, fallback = fallback_file(finding, report.environments)
    region: dict[str, int] = {}
    if finding.line and not fallback:
        region["startLine"] = finding.line
        if finding.column:
            region["startColumn"] = finding.column
    physical: dict[str, Any] = {"artifactLocation": {"uri": quote(file, safe="/")}}
    if region:
        physical["region"] = region
    where = f" [{finding.environment}]" if finding.environment else ""
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": _LEVELS[finding.severity.value],
        "message": {"text": f"{finding.message}{where} Fix: {finding.fix}"},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {FINGERPRINT_KEY: _fingerprint(finding)},
        "properties": {
            "environment": finding.environment or "",
            "locationIsFallback": fallback,
            **{f"detail.{key}": value for key, value in sorted(finding.details.items())},
        },
    }
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    return result


def _fingerprint(finding: Finding) -> str:
    """Stable across runs and line moves: code, environment, file and message, not the line."""
    key = "\x1f".join(
        [finding.code, finding.environment or "", finding.file or "", finding.message]
    )
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _crashed(report: Report) -> bool:
    return any(finding.code == "TOOL001" for finding in report.findings)


def render_sarif(report: Report, redact: Callable[[str], str]) -> str:
    """Redacted value by value: the report before the fingerprint hashes its message, then every
    string of the log (rule texts included); SARIF's own keys stay, so the log stays valid."""
    sarif = redact_strings(build_sarif(redact_report(report, redact)), redact)
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"


def write_sarif(path: Path, report: Report, redact: Callable[[str], str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = render_sarif(report, redact)  # before the open: a failure leaves the old file whole
    with open_for_writing(path, append=False) as file:  # never a FIFO or a device
        file.write(text)
