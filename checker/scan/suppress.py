"""What the repository asks the gate to leave alone: inline ignore comments and include / exclude.

`claude-preflight: ignore` (every code) or `claude-preflight: ignore[MOD003,MOD005]` in a comment
(`#`, `//`, `--`, `/* */`, `<!-- -->`, `{# #}`, `;`) covers its own line and the line below it.
Every finding dropped this way is counted and listed with its origin, never dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from checker.findings import Finding
from checker.report import SuppressedFinding
from checker.scan.globs import GlobSet

MARKER = "claude-preflight:"
_COMMENT = re.compile(
    r"(?:#|//|--|/\*|<!--|\{#|;|%|')\s*claude-preflight:\s*ignore"
    r"(?:\[(?P<codes>[A-Za-z0-9_, ]*)\])?",
    re.IGNORECASE,
)
MAX_MARKERS_PER_FILE = 1_000
EVERY_CODE: frozenset[str] = frozenset()  # an empty set stands for "every code"

LineIgnores = dict[int, frozenset[str]]


def inline_ignores(text: str) -> LineIgnores:
    """Line number -> codes an ignore comment on it covers (EVERY_CODE for a bare ignore)."""
    found: LineIgnores = {}
    if MARKER not in text.lower():
        return found
    for number, line in enumerate(text.split("\n"), start=1):
        if "preflight" not in line.lower():
            continue
        match = _COMMENT.search(line)
        if match is None:
            continue
        codes = match.group("codes")
        parsed = (
            frozenset(code.strip().upper() for code in codes.split(",") if code.strip())
            if codes is not None
            else EVERY_CODE
        )
        found[number] = parsed
        if len(found) >= MAX_MARKERS_PER_FILE:
            break
    return found


@dataclass(slots=True)
class Suppression:
    """Applies the inline ignores of every file to a list of findings."""

    by_file: dict[str, LineIgnores] = field(default_factory=dict)

    def apply(self, findings: list[Finding]) -> tuple[list[Finding], list[SuppressedFinding]]:
        """The findings that stay, and the ones an ignore comment covers."""
        kept: list[Finding] = []
        dropped: list[SuppressedFinding] = []
        for finding in findings:
            ignores = self.by_file.get(finding.file or "") if finding.line else None
            if ignores and finding.line is not None and _covers(ignores, finding):
                dropped.append(
                    SuppressedFinding(code=finding.code, file=finding.file or "", line=finding.line)
                )
            else:
                kept.append(finding)
        return kept, dropped


def _covers(ignores: LineIgnores, finding: Finding) -> bool:
    assert finding.line is not None
    for line in (finding.line, finding.line - 1):
        codes = ignores.get(line)
        if codes is not None and (codes == EVERY_CODE or finding.code in codes):
            return True
    return False


class PathGlobs:
    """`include` / `exclude` globs of `.claude-preflight.yml`, matched on workspace paths (a glob
    that matches a folder matches everything under it), in linear time (`checker.scan.globs`)."""

    def __init__(self, globs: Sequence[str]) -> None:
        self.globs = tuple(globs)
        self._set = GlobSet(self.globs)

    def matches(self, path: str) -> bool:
        return self._set.matches(path)
