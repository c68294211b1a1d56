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
    return make_finding(
        "MOD001",
        "production" if severity is Severity.ERROR else "elsewhere",
        severity=severity,
        environment=environment,
        location=use.location,
        slot=slot.name,
        value=shown(use.raw),
        place=where(use.location.file, use.location.line),
        other_value=shown(other.raw),
        other_environment=other_environment,
        other_place=where(other.location.file, other.location.line),
        key_path=slot.key_path,
        file=use.location.file,
        details={
            "slot": slot.name,
            environment: use.raw,
            other_environment: other.raw,
            f"{environment}_file": use.location.file,
            f"{other_environment}_file": other.location.file,
        },
    )
