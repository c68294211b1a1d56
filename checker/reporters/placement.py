"""Where a file-based report (SARIF, GitLab Code Quality) puts a finding that has no file.

Both formats drop or reject a result without a file, yet a missing secret or a failed API call
belongs to no line. Such a finding goes on its environment's first config file, else on the
tool's own config file, and the report says the place is a fallback.
"""

from __future__ import annotations

from collections.abc import Mapping

from checker.findings import Finding
from checker.report import EnvironmentFacts

FALLBACK_FILE = ".claude-preflight.yml"


def fallback_file(
    finding: Finding, environments: Mapping[str, EnvironmentFacts]
) -> tuple[str, bool]:
    """The finding's file, else its environment's first config file, else the tool's config;
    the flag is True when the place is a fallback."""
    if finding.file:
        return finding.file, False
    facts = environments.get(finding.environment or "")
    if facts is not None and facts.files and facts.files[0]:
        return facts.files[0], True
    return FALLBACK_FILE, True
