"""Entry point of the secrets job: presence, placeholders, kind, shape, references, committed keys.

Checks only ever describe a value (its length, which character class sits where, which kind of
credential its prefix names); no part of a value reaches a message. The redactor is the second
layer, not the first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from checker.context import RunContext
from checker.findings import Finding, make_finding
from checker.report import UncheckedReferences
from checker.secrets.federation import SKIP_REASON, check_federation
from checker.secrets.formats import Kind, classify
from checker.secrets.kind import check_kind, is_gateway
from checker.secrets.placeholders import placeholder_reason
from checker.secrets.presence import missing_finding, withheld_finding
from checker.secrets.shape import header_safe, is_single_line_token, shape_problems
from checker.secrets.values import SecretSlot, resolve_slots, unwrap
from checker.settings import Settings
from checker.workspace.model import WorkspaceScan

_WITHHELD_REASONS = {
    "fork-pr": "secrets are withheld from pull requests from forks",
    "dependabot": "Dependabot runs only see Dependabot secrets",
}


@dataclass(slots=True)
class SecretsOutcome:
    """Findings, plus whether the live check may run and with which key, and the env var
    references left alone because they are not Claude settings."""

    findings: list[Finding] = field(default_factory=list)
    api_key: str | None = None
    live_skip_reason: str | None = None
    unchecked: UncheckedReferences = field(default_factory=UncheckedReferences)


@dataclass(slots=True)
class SecretFiles:
    """The workspace's side of the secrets job: its findings and what SEC006 left alone."""

    findings: list[Finding] = field(default_factory=list)
    unchecked: UncheckedReferences = field(default_factory=UncheckedReferences)


@dataclass(slots=True)
class _SlotVerdict:
    findings: list[Finding] = field(default_factory=list)
    live_key: str | None = None
    skip_reason: str | None = None


def check_secrets(
    settings: Settings,
    context: RunContext,
    environ: Mapping[str, str],
    scan: WorkspaceScan,
) -> SecretsOutcome:
    """Run every secrets check; never prints, exits or reads os.environ."""
    outcome = check_credentials(settings, context, environ)
    files = check_secret_files(settings, context, environ, scan, run_key=outcome.api_key)
    outcome.findings += files.findings
    outcome.unchecked = files.unchecked
    return outcome


def check_credentials(
    settings: Settings, context: RunContext, environ: Mapping[str, str]
) -> SecretsOutcome:
    """The checks of the run's own credentials; they need no workspace, so the live check can
    start on their verdict before discovery."""
    withheld = context.secrets_withheld
    federation = check_federation(environ, withheld=withheld is not None)
    outcome = SecretsOutcome(findings=list(federation.findings))
    gateway = is_gateway(settings.base_url)
    withheld_names: list[str] = []
    api_verdict = _SlotVerdict(skip_reason="no API key in this run")
    for slot in resolve_slots(settings, environ):
        if not slot.present:
            if slot.is_api_key and federation.configured:
                api_verdict.skip_reason = SKIP_REASON
            elif withheld:
                withheld_names.append(slot.name)
            else:
                outcome.findings.append(missing_finding(slot, environ, context))
            continue
        verdict = _check_value(slot, gateway=gateway)
        outcome.findings += verdict.findings
        if slot.is_api_key:
            api_verdict = verdict
    if withheld:
        withheld_names += [name for name in federation.missing if name not in withheld_names]
        if withheld_names:
            outcome.findings.append(
                withheld_finding(
                    context, withheld_names, fail=settings.on_unavailable_secrets == "fail"
                )
            )
            if settings.api_key_env in withheld_names:
                api_verdict.skip_reason = _WITHHELD_REASONS[withheld]
    outcome.api_key = api_verdict.live_key
    outcome.live_skip_reason = None if api_verdict.live_key else api_verdict.skip_reason
    return outcome


def check_secret_files(
    settings: Settings,
    context: RunContext,
    environ: Mapping[str, str],
    scan: WorkspaceScan,
    *,
    run_key: str | None,
) -> SecretFiles:
    """The workspace's side: Claude settings the run lacks (SEC006) and committed keys (SEC007).

    Its modules load here, not with the credentials' checks, so a live check started on those
    checks' verdict is not kept waiting for them.
    """
    from checker.secrets.references import check_references  # noqa: PLC0415

    # Required secrets are already reported by SEC001/SEC002, and the `api-key` input stands in for
    # its env var; SEC006 covers the Claude settings nobody declared.
    references = check_references(
        scan,
        environ,
        production=scan.production or settings.production,
        api_key_env=settings.api_key_env,
        provided=frozenset(settings.required_secrets),
        withheld=context.secrets_withheld is not None,
    )
    return SecretFiles(references.findings + scan.committed, references.unchecked)


def _check_value(slot: SecretSlot, *, gateway: bool) -> _SlotVerdict:
    """Placeholder first (it explains everything else), then kind and shape."""
    value = slot.value or ""
    core = unwrap(value)
    reason = placeholder_reason(core)
    if reason:
        return _SlotVerdict(
            [make_finding("SEC005", slot=slot.label, reason=reason)],
            skip_reason="the API key is a placeholder",
        )
    classified = classify(core)
    verdict = _SlotVerdict(live_key=core if slot.is_api_key else None)
    if slot.is_api_key:
        kind = check_kind(slot, classified, gateway=gateway)
        if kind.finding:
            verdict.findings.append(kind.finding)
        if not kind.sendable:
            verdict.live_key = None
            verdict.skip_reason = "the API-key slot holds another kind of credential"
    anthropic = classified.kind is not Kind.OTHER_PROVIDER and classified.format is not None
    if slot.is_api_key or anthropic or is_single_line_token(value):
        problems = shape_problems(
            value,
            core,
            classified.format,
            header_value=slot.is_api_key,
        )
        if slot.is_api_key and classified.kind is Kind.UNKNOWN and not gateway:
            # Whatever it is, Anthropic's API would refuse it: and it is not Anthropic's to see.
            verdict.live_key = None
            verdict.skip_reason = "the API key is not an Anthropic key"
            verdict.findings.append(
                make_finding(
                    "SEC003",
                    "not_anthropic",
                    slot=slot.label,
                    other_problems=", ".join(problems) + " and " if problems else "",
                )
            )
        elif problems:
            verdict.findings.append(
                make_finding(
                    "SEC003", "shape", slot=slot.label, problems=_join(problems), variable=slot.name
                )
            )
    if verdict.live_key is not None and not header_safe(core):
        verdict.live_key = None
        verdict.skip_reason = "the API key contains characters an HTTP header cannot carry"
    return verdict


def _join(problems: list[str]) -> str:
    if len(problems) == 1:
        return problems[0]
    return ", ".join(problems[:-1]) + " and " + problems[-1]
