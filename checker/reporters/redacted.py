"""A copy of the report with every string redacted, for reporters that transform text before
writing it (encoding, hashing), where redacting the final output would be too late."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from checker.report import Report


def redact_report(report: Report, redact: Callable[[str], str]) -> Report:
    return Report.from_dict(_redact_value(report.to_dict(), redact))


def _redact_value(value: Any, redact: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {redact(str(key)): _redact_value(item, redact) for key, item in value.items()}
    if isinstance(value, list):
        return [_redact_value(item, redact) for item in value]
    return value
