"""A copy of the report with every string redacted, for reporters that transform text before
writing it (encoding, hashing, JSON escaping), where redacting the final output would be too late.

Keys are redacted only where they are data (environment and slot names). The schema's own keys
stay as written: a secret that happens to be `duration` or `error` must not rename a field, break
the copy or corrupt the JSON a consumer parses (values are where secrets live, and all are
redacted).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from checker.report import Report


def redact_report(report: Report, redact: Callable[[str], str]) -> Report:
    data = redact_strings(report.to_dict(), redact)
    for matrix in ("models", "canonical_models"):
        data[matrix] = {
            redact(environment): {redact(slot): model for slot, model in slots.items()}
            for environment, slots in data[matrix].items()
        }
    data["environments"] = {
        redact(environment): facts for environment, facts in data["environments"].items()
    }
    return Report.from_dict(data)


def redact_strings(value: Any, redact: Callable[[str], str]) -> Any:
    """Every string value in nested JSON-like data, redacted; keys and other types untouched."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {key: redact_strings(item, redact) for key, item in value.items()}
    if isinstance(value, list):
        return [redact_strings(item, redact) for item in value]
    return value
