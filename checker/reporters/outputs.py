"""Step outputs through `$GITHUB_OUTPUT`, in the multiline form with a random delimiter."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from checker.regular_files import open_for_writing
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
    with open_for_writing(path, append=True) as file:
        for name, raw in outputs.items():
            value = redact(raw)
            delimiter = _delimiter()
            # Fresh until it is neither in the value nor touched by the redactor (hex can match a
            # fragment of a secret, and a redacted delimiter would never close the block).
            while delimiter in value or redact(delimiter) != delimiter:
                delimiter = _delimiter()
            file.write(f"{name}<<{delimiter}\n{value}\n{delimiter}\n")


def _delimiter() -> str:
    """The toolkit's `ghadelimiter_<uuid4>` shape, from 16 random bytes (uuid costs start-up)."""
    raw = os.urandom(16).hex()
    return f"ghadelimiter_{raw[:8]}-{raw[8:12]}-{raw[12:16]}-{raw[16:20]}-{raw[20:]}"
