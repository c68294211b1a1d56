"""GitHub's workflow-command protocol, spoken only here: nothing else prints `::` lines.

Escaping follows actions/toolkit `command.ts`: `%`, CR and LF in data; also `:` and `,` in
properties. Annotations respect GitHub's per-step limits (10 of each severity).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from typing import TextIO

from checker.findings import Finding, Severity

ANNOTATION_LIMIT_PER_SEVERITY = 10


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class WorkflowCommands:
    """Writes workflow commands to one stream, each passed through the run's redactor."""

    def __init__(self, stream: TextIO, redact: Callable[[str], str]) -> None:
        self._stream = stream
        self._redact = redact
        self._masked: set[str] = set()

    def add_mask(self, value: str) -> None:
        """Register a secret with the runner; the one place a secret is written, on purpose."""
        for word in value.split():
            if word in self._masked:
                continue
            self._masked.add(word)
            self._stream.write(f"::add-mask::{escape_data(word)}\n")
        self._stream.flush()

    def stop_commands(self) -> str:
        """Pause command parsing so untrusted text is never read as a command; returns a token."""
        token = secrets.token_hex(16)
        self._stream.write(f"::stop-commands::{token}\n")
        return token

    def resume_commands(self, token: str) -> None:
        self._stream.write(f"::{token}::\n")

    def annotate(self, findings: Iterable[Finding]) -> dict[str, int]:
        """Annotate each finding, errors first, within the limits; returns what was left out."""
        shown = dict.fromkeys(Severity, 0)
        left_out = {severity.value: 0 for severity in Severity}
        ordered = sorted(findings, key=lambda f: -f.severity.rank)
        for finding in ordered:
            if shown[finding.severity] >= ANNOTATION_LIMIT_PER_SEVERITY:
                left_out[finding.severity.value] += 1
                continue
            shown[finding.severity] += 1
            self._stream.write(self._annotation(finding) + "\n")
        if any(left_out.values()):
            omitted = ", ".join(f"{n} {kind}" for kind, n in left_out.items() if n)
            self._stream.write(
                f"::notice title=claude-preflight::{omitted} annotation(s) left out "
                "(GitHub shows 10 per severity per step); see the job summary for all findings\n"
            )
        self._stream.flush()
        return left_out

    def _annotation(self, finding: Finding) -> str:
        properties = [f"title={escape_property(self._redact(f'{finding.code} {finding.title}'))}"]
        if finding.file:
            properties.append(f"file={escape_property(self._redact(finding.file))}")
            if finding.line:
                properties.append(f"line={finding.line}")
            if finding.column:
                properties.append(f"col={finding.column}")
        message = self._redact(f"{finding.message}\nFix: {finding.fix}")
        return f"::{finding.severity.value} {','.join(properties)}::{escape_data(message)}"
