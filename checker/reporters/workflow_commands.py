"""GitHub's workflow-command protocol, spoken only here: nothing else prints `::` lines.

Escaping follows actions/toolkit `command.ts`: `%`, CR and LF in data; also `:` and `,` in
properties. Repository text is made visible first (`checker.plain_text`): controls, bidi overrides
and zero-width characters become escapes, so an annotation hides or reorders nothing.
Annotations respect GitHub's limits (10 errors, 10 warnings, 10 notices per step, 50 per job);
`annotation_plan` decides which findings get one, so the summary can count the rest.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TextIO

from checker.findings import Finding, Severity
from checker.plain_text import shown

ANNOTATION_LIMIT_PER_SEVERITY = 10
ANNOTATION_LIMIT_PER_JOB = 50


@dataclass(frozen=True, slots=True)
class AnnotationPlan:
    """Which findings get an annotation (errors first) and how many of each severity do not."""

    shown: list[Finding] = field(default_factory=list)
    left_out: dict[str, int] = field(default_factory=dict)

    @property
    def left_out_total(self) -> int:
        return sum(self.left_out.values())


def annotation_plan(findings: Iterable[Finding]) -> AnnotationPlan:
    """Errors first, at most 10 per severity; when some are left out, one notice slot is kept for
    the note that says so, so the note itself never pushes a notice over GitHub's limit."""
    ordered = sorted(findings, key=lambda f: -f.severity.rank)
    plan = _plan(ordered, notice_limit=ANNOTATION_LIMIT_PER_SEVERITY)
    if plan.left_out_total:
        plan = _plan(ordered, notice_limit=ANNOTATION_LIMIT_PER_SEVERITY - 1)
    return plan


def _plan(ordered: list[Finding], *, notice_limit: int) -> AnnotationPlan:
    limits = dict.fromkeys(Severity, ANNOTATION_LIMIT_PER_SEVERITY)
    limits[Severity.NOTICE] = notice_limit
    shown: list[Finding] = []
    counts = dict.fromkeys(Severity, 0)
    left_out = {severity.value: 0 for severity in Severity}
    for finding in ordered:
        over_job = len(shown) >= ANNOTATION_LIMIT_PER_JOB - 1
        if counts[finding.severity] >= limits[finding.severity] or over_job:
            left_out[finding.severity.value] += 1
            continue
        counts[finding.severity] += 1
        shown.append(finding)
    return AnnotationPlan(shown, left_out)


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
        token = os.urandom(16).hex()  # not `secrets`: it drags hashlib and random into start-up
        while self._redact(token) != token:  # a token the redactor would alter could never resume
            token = os.urandom(16).hex()
        self._stream.write(f"::stop-commands::{token}\n")
        return token

    def resume_commands(self, token: str) -> None:
        self._stream.write(f"::{token}::\n")

    def annotate(self, findings: Iterable[Finding]) -> dict[str, int]:
        """Annotate each finding, errors first, within the limits; returns what was left out."""
        plan = annotation_plan(findings)
        for finding in plan.shown:
            self._stream.write(self._annotation(finding) + "\n")
        if plan.left_out_total:
            omitted = ", ".join(f"{n} {kind}" for kind, n in plan.left_out.items() if n)
            note = (
                f"{omitted} finding(s) not annotated "
                "(GitHub shows 10 per severity per step); the job summary lists them all"
            )
            title = escape_property(self._redact("claude-preflight"))
            self._stream.write(f"::notice title={title}::{escape_data(self._redact(note))}\n")
        self._stream.flush()
        return plan.left_out

    def _annotation(self, finding: Finding) -> str:
        title = shown(f"{finding.code} {finding.title}")
        properties = [f"title={escape_property(self._redact(title))}"]
        if finding.file:
            properties.append(f"file={escape_property(self._redact(shown(finding.file)))}")
            if finding.line:
                properties.append(f"line={finding.line}")
            if finding.column:
                properties.append(f"col={finding.column}")
        message = self._redact(f"{shown(finding.message)}\nFix: {shown(finding.fix)}")
        return f"::{finding.severity.value} {','.join(properties)}::{escape_data(message)}"
