"""The JSON report file (SPEC section 3)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from checker.regular_files import open_for_writing
from checker.report import Report
from checker.reporters.redacted import redact_report


def render_json(report: Report, redact: Callable[[str], str]) -> str:
    """Redacted value by value, so a secret that equals a field name cannot rename the field."""
    return redact_report(report, redact).to_json() + "\n"


def write_json(path: Path, report: Report, redact: Callable[[str], str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = render_json(report, redact)  # before the open: a failure leaves the old file whole
    with open_for_writing(path, append=False) as file:
        file.write(text)
