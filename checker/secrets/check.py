"""Entry point of the secrets job. (Skeleton: presence only; issue 3 fills in the rest.)"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from checker.context import RunContext
from checker.findings import Finding, make_finding
from checker.settings import Settings
from checker.workspace.model import WorkspaceScan


@dataclass(slots=True)
class SecretsOutcome:
    """Findings, plus whether the live check may run and with which key."""

    findings: list[Finding] = field(default_factory=list)
    api_key: str | None = None
    live_skip_reason: str | None = None


def check_secrets(
    settings: Settings,
    context: RunContext,
    environ: Mapping[str, str],
    scan: WorkspaceScan,
) -> SecretsOutcome:
    """Run every secrets check; never prints, exits or reads os.environ."""
    outcome = SecretsOutcome()
    api_key = settings.api_key.get_secret_value() if settings.api_key else None
    if not api_key:
        api_key = environ.get(settings.api_key_env) or None
    for name in settings.required_secrets:
        value = api_key if name == settings.api_key_env else environ.get(name)
        if not value:
            outcome.findings.append(
                make_finding("SEC001", f"`{name}` is missing or empty in this run.")
            )
    outcome.api_key = api_key
    if not api_key:
        outcome.live_skip_reason = "no API key in this run"
    return outcome
