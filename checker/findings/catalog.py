"""The finding-code catalog: the single source for titles, explanations, words, fixes and docs.

`--explain`, `docs/rules.md`, the job summary, SARIF rules and every finding's message read the
rules in `checker/findings/rules/`, one module per family. A code is never reused for another
meaning: codes that are not assigned are recorded in `RETIRED` with the reason.
"""

from __future__ import annotations

from checker.findings.rule import RetiredCode, Rule
from checker.findings.rules import api, config, models, requests, secrets, tool

DOCS_BASE = "https://github.com/claude-preflight/claude-preflight/blob/main/docs/rules.md"

RULES: dict[str, Rule] = {
    rule.code: rule
    for family in (secrets, models, api, config, requests, tool)
    for rule in family.RULES
}

RETIRED: dict[str, RetiredCode] = {
    retired.code: retired
    for retired in (
        RetiredCode(
            "MOD009",
            "Never assigned. The contract (SPEC section 3) numbers the model rules MOD001 to "
            "MOD008, then MOD010 and MOD011, and leaves MOD009 out; since a code is never "
            "reused, MOD009 stays unassigned so that no report, suppression or SARIF baseline "
            "that ever saw it can mean something else by it.",
        ),
    )
}


def rule_for(code: str) -> Rule:
    """Look a code up, case-insensitively; unknown codes are a programming error."""
    return RULES[code.upper()]


def docs_url(code: str) -> str:
    """Link to the rule's section of `docs/rules.md`."""
    return f"{DOCS_BASE}#{code.lower()}"
