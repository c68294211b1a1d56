"""Which findings `fix` applies, and the value each one's fix names.

Four rules fix a value (SPEC section 1): MOD007 names the corrected ID, MOD005 the snapshot an
alias resolves to, MOD003 a retired model's replacement (when the catalog names one), MOD011 the
inference profile. Each already names the value after every correction (`checker.models.checks.
final`), so one value takes one edit. Values in docs, tests and examples are left as written (they
never block, and they often quote old IDs on purpose), and so are the run's own variables and a
gateway's own spellings, whose replacement the catalog cannot spell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from checker.findings import Finding
from checker.models.ids.normalize import Normalizer
from checker.models.ids.refs import GATEWAY
from checker.scan.kinds import NON_RUNTIME, Tier
from checker.scan.runenv import RUN_ENVIRONMENT

# The detail that holds the new value, per rule.
FIX_DETAILS = {
    "MOD007": "corrected",
    "MOD005": "resolves_to",
    "MOD003": "replacement",
    "MOD011": "profile",
}


@dataclass(frozen=True, slots=True)
class Target:
    """Replace `old` at file:line:column with `new`, as the finding `code` says."""

    code: str
    file: str
    line: int
    column: int
    old: str
    new: str

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class LeftAlone:
    """A fixable finding `fix` did not apply; `blocking` ones keep the exit code at 1."""

    code: str
    where: str
    reason: str
    blocking: bool = True


def fix_targets(
    findings: Iterable[Finding],
    normalizer: Normalizer,
    tier_of: Callable[[str], Tier],
) -> tuple[list[Target], list[LeftAlone]]:
    """The edits the findings ask for (one per place), and the fixable ones set aside."""
    targets: dict[tuple[str, int, int], Target] = {}
    left: list[LeftAlone] = []
    for finding in findings:
        target = _target(finding, normalizer)
        if target is None:
            continue
        if target.file.startswith(RUN_ENVIRONMENT):
            reason = "set in this run's environment: change it where the variable is set"
            left.append(LeftAlone(target.code, target.file, reason, blocking=False))
            continue
        if not target.line or not target.column:
            continue  # a finding without a position names no bytes to replace
        if tier_of(target.file) == NON_RUNTIME:
            reason = "docs, tests and examples never block"
            left.append(LeftAlone(target.code, target.where, reason, blocking=False))
            continue
        key = (target.file, target.line, target.column)
        known = targets.get(key)
        if known is not None and known.new != target.new:
            reason = f"two fixes disagree on this value (`{known.new}`, `{target.new}`)"
            left.append(LeftAlone(target.code, target.where, reason))
            continue
        targets[key] = target
    return list(targets.values()), left


def _target(finding: Finding, normalizer: Normalizer) -> Target | None:
    detail = FIX_DETAILS.get(finding.code)
    old = finding.details.get("value")
    new = finding.details.get(detail) if detail else None
    if not old or not new or old == new or not finding.file:
        return None
    ref = normalizer.normalize(old)
    if ref is not None and ref.platform == GATEWAY:
        return None  # the fix names the Claude API's spelling, not the gateway's
    if finding.code == "MOD005" and ref is not None and ref.route:
        new = f"{ref.route}/{new}"  # the route stays: `anthropic/claude-x` -> `anthropic/…-date`
    return Target(finding.code, finding.file, finding.line or 0, finding.column or 0, old, new)
