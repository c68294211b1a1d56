"""SEC007: a literal Anthropic credential committed to a workspace file, never showing the value.

Rules follow gitleaks and TruffleHog (anthropic-api.md section 7): `sk-ant-api03-`/`sk-ant-admin01-`
with 93 key characters and `AA`, and the OAuth/refresh tokens with at least 40. Bodies with only a
handful of distinct characters are documentation examples, not keys.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from checker.findings import Finding, Location, make_finding
from checker.secrets.files import MAX_FILES, list_files, read_text_file
from checker.secrets.formats import Kind, classify

COMMITTED_KEY = re.compile(
    r"(?<![A-Za-z0-9_\-])sk-ant-(?:(?:api03|admin01)-[A-Za-z0-9_\-]{93}AA"
    r"|(?:oat01|ort01|api01)-[A-Za-z0-9_\-]{40,})(?![A-Za-z0-9_\-])"
)
MIN_DISTINCT_CHARACTERS = 10
MAX_FINDINGS = 100
SCAN_BUDGET_SECONDS = 20.0
_WHAT = {
    Kind.API_KEY: "an Anthropic API key",
    Kind.ADMIN_KEY: "an Anthropic Admin API key",
    Kind.ENTERPRISE_ADMIN_KEY: "an Anthropic key",
    Kind.OAUTH_TOKEN: "an Anthropic OAuth access token",
    Kind.REFRESH_TOKEN: "an Anthropic OAuth refresh token",
}


@dataclass(slots=True)
class CommittedScan:
    """Findings, plus how much was read (for the report and the bench)."""

    findings: list[Finding] = field(default_factory=list)
    files_read: int = 0


def scan_committed(
    root: Path,
    *,
    run_key: str | None = None,
    max_files: int = MAX_FILES,
    budget_seconds: float = SCAN_BUDGET_SECONDS,
) -> CommittedScan:
    """Search the workspace's text files for committed keys, within the file and time caps."""
    result = CommittedScan()
    listed = list_files(root, limit=max_files)
    deadline = time.monotonic() + budget_seconds
    stopped_early = False
    for relative in listed.paths:
        if time.monotonic() > deadline:
            stopped_early = True
            break
        text = read_text_file(root, relative)
        if text is None:
            continue
        result.files_read += 1
        if "sk-ant-" not in text:
            continue
        for finding in _scan_text(relative, text, run_key):
            if len(result.findings) >= MAX_FINDINGS:
                break
            result.findings.append(finding)
    if listed.capped or stopped_early:
        why = f"after {max_files} files" if listed.capped else f"after {budget_seconds:g} s"
        result.findings.append(
            make_finding(
                "CFG003",
                f"The search for committed keys stopped {why}; "
                f"{result.files_read} files were searched, the rest were not.",
                fix="Run claude-preflight on the sub-folder that holds the app "
                "(`working-directory`), or add build and dependency folders to `.gitignore`.",
            )
        )
    return result


def _scan_text(relative: str, text: str, run_key: str | None) -> list[Finding]:
    findings = []
    for match in COMMITTED_KEY.finditer(text):
        literal = match.group(0)
        body = literal.split("-", 3)[-1]
        if len(set(body)) < MIN_DISTINCT_CHARACTERS:
            continue
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        what = _WHAT.get(classify(literal).kind, "an Anthropic credential")
        same = " It is the same key this run uses." if run_key and literal == run_key else ""
        findings.append(
            make_finding(
                "SEC007",
                f"`{relative}` line {line} contains {what} in plain text.{same}",
                location=Location(relative, line, column),
                details={"kind": classify(literal).kind.value},
            )
        )
    return findings
