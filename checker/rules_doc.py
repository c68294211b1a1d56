"""`docs/rules.md`, generated from the finding catalog; `--explain CODE` prints the same sections.

python -m checker.rules_doc            # rewrite docs/rules.md
python -m checker.rules_doc --check    # exit 1 when docs/rules.md is stale
"""

from __future__ import annotations

import sys
from pathlib import Path

from checker.findings import RULES
from checker.findings.catalog import RETIRED
from checker.findings.rule import Rule, fill
from checker.vocabulary import JOB_TITLES

DOC_PATH = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
HEADER = """# Finding codes

Every finding claude-preflight reports has a stable code; a code is never reused for another
meaning. `claude-preflight --explain CODE` prints the same text as the section below.
Generated from `checker/findings/catalog.py` by `python -m checker.rules_doc`: do not edit by hand.
"""


SUPPRESSING = (
    "Suppress one place: a comment `claude-preflight: ignore[{code}]` (or a bare "
    "`claude-preflight: ignore` for every code) on the reported line or the line above it, in the "
    "file's own comment syntax (`#`, `//`, `--`, `/* */`, `<!-- -->`); the summary counts and "
    "lists what was suppressed. Suppress it everywhere: `ignore: [{code}]` in "
    "`.claude-preflight.yml` or the `ignore` input. Findings in docs, tests and examples are "
    "notices, and in templates warnings, whatever the rule's severity."
)


def rule_body(rule: Rule) -> str:
    """The rule's documentation, as markdown that also reads well as plain text."""
    severity = f"`{rule.severity}`" + (f" ({rule.severity_note})" if rule.severity_note else "")
    return (
        f"{rule.code}: {rule.title}\n\n"
        f"- Severity: {severity}\n"
        f"- Job: {JOB_TITLES[rule.job]}\n"
        f"- Since: {rule.since}\n\n"
        f"{rule.explanation}\n\n"
        f"Fix: {rule.fix}\n\n"
        f"{example_section(rule)}\n\n"
        f"{SUPPRESSING.format(code=rule.code)}\n"
    )


def example_section(rule: Rule) -> str:
    """What triggers the rule, the finding exactly as the code words it (the rule's first wording
    filled from the example's facts), and what the fix looks like."""
    words = rule.wording(None)
    message = fill(words.message, rule.example.facts)
    fix = fill(words.fix, rule.example.facts) if words.fix is not None else rule.fix
    return (
        f"Example:\n\n{rule.example.trigger}\n\n"
        f"claude-preflight reports:\n\n"
        f"> {rule.code} ({rule.severity}): {message}\n>\n> Fix: {fix}\n\n"
        f"After the fix:\n\n{rule.example.fixed}"
    )


def retired_section() -> str:
    """Codes that are not assigned, and why: a code is never reused, so these stay unassigned."""
    lines = ["## Retired codes", ""]
    lines += [f"- {retired.code}: {retired.reason}" for retired in RETIRED.values()]
    return "\n".join(lines) + "\n"


def render_rules_doc() -> str:
    """The whole page: an index per job, then one `## CODE` section per code, so GitHub's heading
    anchor is `#sec001`, the fragment `docs_url` links to."""
    parts = [HEADER]
    for job, title in JOB_TITLES.items():
        codes = [rule for rule in RULES.values() if rule.job == job]
        if codes:
            links = ", ".join(f"[{rule.code}](#{rule.code.lower()})" for rule in codes)
            parts.append(f"- {title}: {links}")
    parts[-1] += "\n"
    for rule in RULES.values():
        parts.append(f"## {rule.code}\n\n{rule_body(rule)}")
    parts.append(retired_section())
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    expected = render_rules_doc()
    if "--check" in args:
        current = DOC_PATH.read_text(encoding="utf-8") if DOC_PATH.exists() else ""
        if current != expected:
            sys.stderr.write(f"{DOC_PATH} is stale: run `python -m checker.rules_doc`\n")
            return 1
        return 0
    DOC_PATH.parent.mkdir(parents=True, exist_ok=True)
    DOC_PATH.write_text(expected, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
