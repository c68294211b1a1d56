"""Plain console text for the log: colour only on a TTY and never with NO_COLOR set."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TextIO

from checker.findings import Severity
from checker.plain_text import visible
from checker.report import Report
from checker.reporters.left_alone import left_alone_sentence
from checker.reporters.weakened import header_sentences

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.NOTICE: "36"}


def use_colour(stream: TextIO, environ: Mapping[str, str]) -> bool:
    if "NO_COLOR" in environ or environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def one_line(text: str) -> str:
    """Untrusted text on one line: no newlines (so no injected commands), and controls, bidi
    overrides and zero-width characters shown as escapes (`checker.plain_text`)."""
    return visible(text)


def _live_notes(report: Report) -> list[str]:
    """What the live check could not establish: an unverified key, a cut model list."""
    run = report.live.run if report.live is not None else None
    notes = []
    if run is not None and run.auth is not None and run.auth.not_verified:
        notes.append(f"key not verified: {run.auth.not_verified}")
    if run is not None and run.served_models_cut:
        notes.append(
            f"the served-model list was read up to {run.served_models_cut} IDs; the API listed "
            "more, which were not read"
        )
    return notes


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
        head = paint(redact(finding.severity.value), _COLOURS[finding.severity])
        lines.append(
            f"  {head} " + one_line(redact(f"{finding.code}{env} {where}{finding.message}"))
        )
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
    for sentence in [*header_sentences(report), *_live_notes(report)]:
        lines.append(one_line(redact(f"  note: {sentence}")))
    counts = report.counts
    verdict = paint("PASSED", "32") if report.passed else paint("FAILED", "31")
    verdict_line = (
        f"claude-preflight {verdict}: {counts.get('error', 0)} error(s), "
        f"{counts.get('warning', 0)} warning(s), {counts.get('notice', 0)} notice(s)"
        f" (fail-on: {report.tool.fail_on}, live-check: {report.tool.live_level})"
    )
    if report.dropped:
        verdict_line += f"; {len(report.dropped)} finding(s) not counted (see the notes above)"
    # Even our own words: a secret may be any string, "claude-p" included, and the runner would
    # mask it there too.
    lines.append(redact(verdict_line))
    return "\n".join(lines) + "\n"
