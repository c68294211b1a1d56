"""SEC001 (a required secret is missing or empty) and SEC002 (withheld by design in this run).

On GitHub a secret that does not exist, is misspelt, belongs to an environment the job does not
declare or is not wired into the step all arrive as the same empty string, so messages name the
exact input or env var and fixes say how to wire it.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence

from checker.context import RunContext
from checker.findings import Finding, Severity, make_finding
from checker.findings.rule import fill
from checker.findings.rules.secrets import NEAR_MISS
from checker.secrets.values import SecretSlot

KNOWN_ALIASES = ("CLAUDE_API_KEY", "ANTHROPIC_KEY", "ANTHROPIC_TOKEN", "CLAUDE_KEY", "API_KEY")


def missing_finding(slot: SecretSlot, environ: Mapping[str, str], context: RunContext) -> Finding:
    """SEC001 for one slot, saying whether it is unset, empty or blank, and how to wire it."""
    value = environ.get(slot.name) if not slot.from_input else slot.value
    if not context.on_github:
        local = "api_key_local" if slot.is_api_key else "secret_local"
        wording = "input_blank_local" if slot.from_input else local
    elif slot.from_input:
        wording = "input_blank"
    # Set but empty is what GitHub makes of a secret that is missing or not wired into the step.
    elif slot.is_api_key:
        wording = "api_key_unset" if value is None else "api_key_empty"
    else:
        wording = "secret_unset" if value is None else "secret_empty"
    hint = near_miss(slot.name, environ)
    return make_finding(
        "SEC001",
        wording,
        variable=slot.name,
        state=_state(value),
        near_miss=fill(NEAR_MISS, {"similar": hint}) if hint else "",
    )


def _state(value: str | None) -> str:
    if value is None:
        return "is not set"
    if value == "":
        return "is set but empty"
    return "contains only whitespace"


def near_miss(name: str, environ: Mapping[str, str]) -> str | None:
    """A set variable whose name looks like a typo or a common alias of `name`."""
    candidates = [
        key
        for key, value in environ.items()
        if key != name and value.strip() and not key.startswith(("INPUT_", "GITHUB_", "RUNNER_"))
    ]
    aliases = [key for key in KNOWN_ALIASES if key in candidates and "KEY" in name]
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.85)
    found = close or aliases
    return found[0] if found else None


def withheld_finding(context: RunContext, missing: Sequence[str], *, fail: bool) -> Finding:
    """SEC002: one notice naming what GitHub withheld, with the fix that fits the context."""
    fork = context.fork_repository
    if context.secrets_withheld == "fork-pr":
        wording = "fork_pr_fail" if fail else "fork_pr"
    else:
        wording = "dependabot_fail" if fail else "dependabot"
    return make_finding(
        "SEC002",
        wording,
        severity=Severity.ERROR if fail else None,
        fork=f" from the fork `{fork}`" if fork else "",
        names=", ".join(f"`{name}`" for name in missing),
        verb="is" if len(missing) == 1 else "are",
        plural="s" if len(missing) > 1 else "",
    )
