"""SARIF 2.1.0 for code scanning: one rule per finding code, one result per finding."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from checker import __version__
from checker.findings import RULES
from checker.findings.catalog import docs_url
from checker.report import Report

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "notice": "note"}


def build_sarif(report: Report) -> dict[str, Any]:
    rules = [
        {
            "id": rule.code,
            "name": rule.title,
            "shortDescription": {"text": rule.title},
            "fullDescription": {"text": rule.explanation},
            "help": {"text": rule.fix},
            "helpUri": docs_url(rule.code),
            "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        }
        for rule in RULES.values()
    ]
    index = {code: position for position, code in enumerate(RULES)}
    results = []
    for finding in report.findings:
        result: dict[str, Any] = {
            "ruleId": finding.code,
            "ruleIndex": index[finding.code],
            "level": _LEVELS[finding.severity.value],
            "message": {"text": f"{finding.message} Fix: {finding.fix}"},
        }
        if finding.file:
            region: dict[str, int] = {}
            if finding.line:
                region["startLine"] = finding.line
                if finding.column:
                    region["startColumn"] = finding.column
            location: dict[str, Any] = {"artifactLocation": {"uri": finding.file}}
            if region:
                location["region"] = region
            result["locations"] = [{"physicalLocation": location}]
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claude-preflight",
                        "version": __version__,
                        "informationUri": docs_url("").rsplit("#", 1)[0],
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }


def write_sarif(path: Path, report: Report, redact: Callable[[str], str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(redact(json.dumps(build_sarif(report), indent=2)) + "\n", encoding="utf-8")
