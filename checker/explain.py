"""`--explain CODE`: the rule's documentation, the same text `docs/rules.md` is generated from."""

from __future__ import annotations

from typing import TextIO

from checker.findings import RULES
from checker.findings.catalog import Rule, docs_url


def rule_text(rule: Rule) -> str:
    """Plain-text documentation of one rule."""
    severity = rule.severity + (f" ({rule.severity_note})" if rule.severity_note else "")
    return (
        f"{rule.code}: {rule.title}\n"
        f"Severity: {severity}\n"
        f"Job: {rule.job}\n\n"
        f"{rule.explanation}\n\n"
        f"Fix: {rule.fix}\n\n"
        f"Docs: {docs_url(rule.code)}\n"
    )


def explain(code: str, stdout: TextIO, stderr: TextIO) -> int:
    rule = RULES.get(code.strip().upper())
    if rule is None:
        stderr.write(
            f"claude-preflight: error: unknown finding code {code[:40]!r}; "
            f"known codes: {', '.join(RULES)}\n"
        )
        return 2
    stdout.write(rule_text(rule))
    return 0
