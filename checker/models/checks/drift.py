"""MOD001: one slot, different models across environments."""

from __future__ import annotations

from checker.findings import Finding, Severity, make_finding
from checker.models.context import ModelCheckInputs, pre_production_of, shown, where
from checker.models.slots import Slot, drift_key
from checker.models.values import matches_any
from checker.vocabulary import PRE_PRODUCTION_ORDER


def drift_findings(slots: list[Slot], ctx: ModelCheckInputs) -> list[Finding]:
    """Production against its pre-production (error); any other difference is a warning."""
    findings: list[Finding] = []
    for slot in slots:
        if len(slot.values) < 2 or matches_any(ctx.allow_drift, slot.group, slot.key_path):
            continue
        production = ctx.production if ctx.production in slot.values else None
        pre = pre_production_of(production, set(slot.values))
        anchor = pre or production or _first(slot)
        expected = drift_key(slot.values[anchor])
        if production is not None and pre is not None:
            use = slot.values[production]
            if drift_key(use) != expected:
                findings.append(_finding(slot, production, pre, Severity.ERROR))
        for environment, use in sorted(slot.values.items()):
            if environment in (anchor, production) or drift_key(use) == expected:
                continue
            findings.append(_finding(slot, environment, anchor, Severity.WARNING))
    return findings


def _first(slot: Slot) -> str:
    for name in PRE_PRODUCTION_ORDER:
        if name in slot.values:
            return name
    return sorted(slot.values)[0]


def _finding(slot: Slot, environment: str, other_environment: str, severity: Severity) -> Finding:
    """`environment`'s value against `other_environment`'s; either may be the group's base."""
    use, other = slot.values[environment], slot.values[other_environment]
    here = where(use.location.file, use.location.line)
    there = where(other.location.file, other.location.line)
    message = (
        f"`{slot.name}` is `{shown(use.raw)}` in {environment} ({here}) but "
        f"`{shown(other.raw)}` in {other_environment} ({there})"
    )
    if severity is Severity.ERROR:
        message += f": production would run a model {other_environment} never tested."
        fix = (
            f"Set `{slot.key_path}` in {use.location.file} to `{shown(other.raw)}` (the value "
            f"{other_environment} tested), or list `{slot.name}` under `allow_drift` in "
            "`.claude-preflight.yml` if the difference is intentional."
        )
    else:
        message += "."
        fix = (
            f"Align the value with {other_environment}'s, or list `{slot.name}` under "
            "`allow_drift` in `.claude-preflight.yml` if the difference is intentional."
        )
    return make_finding(
        "MOD001",
        message,
        severity=severity,
        fix=fix,
        environment=environment,
        location=use.location,
        details={
            "slot": slot.name,
            environment: use.raw,
            other_environment: other.raw,
            f"{environment}_file": use.location.file,
            f"{other_environment}_file": other.location.file,
        },
    )
