"""What a transient failure of the very first call means for the key: it was never verified.

SPEC lets a persistent 429 or 5xx pass as a warning (API006, API008): the API is busy, not the
key wrong. But the summary must not let that read as a checked key, so the list call's failure is
worded as the job's status: "key not verified: the API answered 529 three times".
"""

from __future__ import annotations

from checker.findings import Finding
from checker.live.result import CallResult

TRANSIENT_CODES = frozenset({"API006", "API008"})
_TIMES = {1: "once", 2: "twice", 3: "three times", 4: "four times", 5: "five times"}


def unverified_reason(finding: Finding, result: CallResult) -> str | None:
    """`the API answered 529 three times` for a transient failure; None for any other."""
    if finding.code not in TRANSIENT_CODES:
        return None
    statuses = [status for status in result.statuses if status is not None]
    if not statuses:
        return f"no answer after {result.attempts} attempt(s)"
    if len(set(statuses)) == 1:
        times = _TIMES.get(len(statuses), f"{len(statuses)} times")
        return f"the API answered {statuses[0]} {times}"
    shown = [str(status) for status in statuses]
    return f"the API answered {', '.join(shown[:-1])} and {shown[-1]}"
