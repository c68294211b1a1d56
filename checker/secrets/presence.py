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
from checker.secrets.values import SecretSlot

KNOWN_ALIASES = ("CLAUDE_API_KEY", "ANTHROPIC_KEY", "ANTHROPIC_TOKEN", "CLAUDE_KEY", "API_KEY")
_EMPTY_ON_GITHUB = (
    " On GitHub this is what a secret that does not exist, is misspelt, belongs to an environment "
    "the job does not declare, or is not passed to this step looks like."
)


def missing_finding(slot: SecretSlot, environ: Mapping[str, str], context: RunContext) -> Finding:
    """SEC001 for one slot, saying whether it is unset, empty or blank, and how to wire it."""
    value = environ.get(slot.name) if not slot.from_input else slot.value
    if slot.from_input:
        message = "No API key in this run: the `api-key` input contains only whitespace."
    elif not slot.is_api_key:
        message = f"{_state(slot.name, value)} in this run."
    elif context.on_github:
        message = (
            f"No API key in this run: the `api-key` input is empty and {_state(slot.name, value)}."
        )
    else:
        message = f"No API key in this run: {_state(slot.name, value)}."
    if context.on_github and value is not None and not value.strip():
        message += _EMPTY_ON_GITHUB
    hint = near_miss(slot.name, environ)
    if hint:
        message += (
            f" `{hint}` is set, though: a misspelt name, or a variable your SDK does not read?"
        )
    return make_finding("SEC001", message, fix=_wiring_fix(slot, context))


def _state(name: str, value: str | None) -> str:
    if value is None:
        return f"`{name}` is not set"
    if value == "":
        return f"`{name}` is set but empty"
    return f"`{name}` contains only whitespace"


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
    names = ", ".join(f"`{name}`" for name in missing)
    verb = "is" if len(missing) == 1 else "are"
    if context.secrets_withheld == "fork-pr":
        source = f" from the fork `{context.fork_repository}`" if context.fork_repository else ""
        message = (
            f"This run is a pull request{source}: GitHub passes no secrets to it, so {names} "
            f"{verb} empty, as expected."
        )
        fix = (
            "Nothing to fix in this pull request. To check the key for fork PRs too, run "
            "claude-preflight from a second workflow triggered by `workflow_run` after this one: "
            "it runs in the base repository with its secrets (do not check out or run the PR's "
            "code there). Do not switch to `pull_request_target` to get secrets: it hands them to "
            "untrusted code."
        )
    else:
        message = (
            f"This run was triggered by Dependabot, which only sees Dependabot secrets, and "
            f"{names} {verb} not among them."
        )
        fix = (
            f"Add {names} as Dependabot secret{'s' if len(missing) > 1 else ''} with the same "
            "name (Settings > Secrets and variables > Dependabot), or accept that Dependabot PRs "
            "skip the live check."
        )
    message += " The live check was skipped; every offline check ran."
    if fail:
        message += " `on-unavailable-secrets: fail` makes this an error."
    severity = Severity.ERROR if fail else None
    return make_finding("SEC002", message, severity=severity, fix=fix)


def _wiring_fix(slot: SecretSlot, context: RunContext) -> str:
    if not context.on_github:
        return f"Export `{slot.name}` in the environment that runs claude-preflight."
    secret = f"${{{{ secrets.{slot.name} }}}}"
    if slot.is_api_key:
        wire = f"`with: api-key: {secret}` (or `env: {slot.name}: {secret}`)"
    else:
        wire = f"`env: {slot.name}: {secret}`"
    return (
        f"Create the secret `{slot.name}` (Settings > Secrets and variables > Actions) and pass "
        f"it to this step with {wire}. If it is an environment secret, give the job "
        "`environment: <name>`; with required reviewers it is only available once approved."
    )
