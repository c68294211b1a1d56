"""Plain console text for the log: colour only on a TTY and never with NO_COLOR set."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TextIO

from checker.findings import Severity
from checker.report import Report
from checker.reporters.left_alone import left_alone_sentence

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.NOTICE: "36"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def use_colour(stream: TextIO, environ: Mapping[str, str]) -> bool:
    if "NO_COLOR" in environ or environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def one_line(text: str) -> str:
    """Untrusted text on one line: no newlines or control characters (so no injected commands)."""
    return _CONTROL.sub("?", text.replace("\r\n", " ").replace("\n", " ").replace("\r", " "))


def render_console(report: Report, redact: Callable[[str], str], *, colour: bool) -> str:
    def paint(text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if colour else text

    lines = []
    for finding in report.findings:
        where = ""
        if finding.file:
            where = finding.file + (f":{finding.line}" if finding.line else "")
            where += f":{finding.column}" if finding.line and finding.column else ""
            where += ": "
        env = f" [{finding.environment}]" if finding.environment else ""
        head = paint(f"{finding.severity.value}", _COLOURS[finding.severity])
        lines.append(one_line(redact(f"  {head} {finding.code}{env} {where}{finding.message}")))
        lines.append(one_line(redact(f"      fix: {finding.fix}")))
    scan = report.scan
    if scan.files_read:
        lines.append(
            redact(
                f"  read {scan.files_read} files: {scan.environment_files} environment config, "
                f"{scan.shared_sources} shared sources; {scan.capped} capped (docs, tests, "
                f"examples, templates), {len(scan.suppressed)} suppressed inline, "
                f"{scan.excluded} excluded"
            )
        )
    left_alone = left_alone_sentence(report.unchecked_references)
    if left_alone:
        lines.append(one_line(redact(f"  note: {left_alone}")))
    counts = report.counts
    verdict = paint("PASSED", "32") if report.passed else paint("FAILED", "31")
    verdict_line = (
        f"claude-preflight {verdict}: {counts.get('error', 0)} error(s), "
        f"{counts.get('warning', 0)} warning(s), {counts.get('notice', 0)} notice(s)"
        f" (fail-on: {report.tool.fail_on}, live-check: {report.tool.live_level})"
    )
    # Even our own words: a secret may be any string, "claude-p" included, and the runner would
    # mask it there too.
    lines.append(redact(verdict_line))
    return "\n".join(lines) + "\n"
