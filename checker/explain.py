"""`--explain CODE`: the rule's documentation, the same text as its section of `docs/rules.md`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from checker.findings import RULES
from checker.findings.catalog import RETIRED, docs_url
from checker.findings.rule import Rule
from checker.rules_doc import rule_body


def rule_text(rule: Rule) -> str:
    """The rule's `docs/rules.md` section, followed by the link to it."""
    return f"{rule_body(rule)}\nDocs: {docs_url(rule.code)}\n"


def explain(code: str, stdout: TextIO, stderr: TextIO, redact: Callable[[str], str]) -> int:
    wanted = code.strip().upper()
    if wanted in RETIRED:
        stdout.write(f"{wanted} is not assigned. {RETIRED[wanted].reason}\n")
        return 0
    rule = RULES.get(wanted)
    if rule is None:
        message = (
            f"claude-preflight: error: unknown finding code {code[:40]!r}; "
            f"known codes: {', '.join(RULES)}"
        )
        stderr.write(redact(message) + "\n")
        return 2
    stdout.write(rule_text(rule))
    return 0
