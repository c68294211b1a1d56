"""Step outputs through `$GITHUB_OUTPUT`, in the multiline form with a random delimiter."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from pathlib import Path

from checker.report import Report


def action_outputs(report: Report, report_path: Path | None) -> dict[str, str]:
    """The action's outputs, as SPEC section 1 names them."""
    return {
        "passed": "true" if report.passed else "false",
        "errors": str(report.errors),
        "warnings": str(report.warnings),
        "report": str(report_path) if report_path else "",
        "models": json.dumps(report.models, sort_keys=True),
    }


def write_outputs(path: Path, outputs: dict[str, str], redact: Callable[[str], str]) -> None:
    """Append `name<<delimiter` blocks; the delimiter is fresh and never occurs in the value."""
    with path.open("a", encoding="utf-8") as file:
        for name, raw in outputs.items():
            value = redact(raw)
            delimiter = f"ghadelimiter_{uuid.uuid4()}"
            while delimiter in value:
                delimiter = f"ghadelimiter_{uuid.uuid4()}"
            file.write(f"{name}<<{delimiter}\n{value}\n{delimiter}\n")
