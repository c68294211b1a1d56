"""Is the model still there? MOD003 retired, MOD004 deprecated, MOD005 unpinned alias.

Dates are the value's platform's (Vertex has its own shutdowns). The live list is the truth at
run time: a model it still serves past the catalog's retirement date works today and can stop at
any moment, so that is a MOD004 warning, not MOD003's "every request fails" and not silence.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.findings import Finding, Severity
from checker.models.checks.final import Plan, plan_for
from checker.models.checks.retirement import (
    is_deprecated,
    is_retired,
    retirement_of,
    still_served,
)
from checker.models.collect import ModelUse
from checker.models.context import PLATFORM_NAMES, ModelCheckInputs, use_finding
from checker.models.ids.catalog import ModelInfo
from checker.models.ids.refs import GATEWAY, ModelRef


@dataclass(frozen=True, slots=True)
class _Value:
    """One value whose model the catalog knows, and the details its finding carries."""

    use: ModelUse
    ref: ModelRef
    model: ModelInfo
    details: dict[str, str]


def lifecycle_findings(use: ModelUse, ctx: ModelCheckInputs) -> list[Finding]:
    """Findings about where the named model is in its life, relative to `ctx.today`."""
    ref = use.ref
    if ref is None or ref.model is None:
        return []  # an opaque value with a model is a gateway's spelling: its life still counts
    model = ref.model
    value = _Value(use, ref, model, {"slot": use.slot, "value": use.raw, "model": model.id})
    plan = plan_for(use, ctx)
    if is_retired(model, ref, ctx.today):
        if still_served(use, ctx):
            return [_served_past_retirement(value, ctx)]
        return [_retired(value, plan, ctx)]
    if is_deprecated(model, ref, ctx.today):
        return [_deprecated(value, ctx)]
    if plan.carrier == "MOD005":
        production = ctx.is_production(use.environment)
        value.details["resolves_to"] = model.id
        return [
            use_finding(
                "MOD005",
                "alias",
                use,
                details=value.details,
                severity=Severity.WARNING if production else Severity.NOTICE,
                model_id=model.id,
                final=plan.final,
            )
        ]
    return []


def _retired(value: _Value, plan: Plan, ctx: ModelCheckInputs) -> Finding:
    ref = value.ref
    situation = "retired"
    if ref.corrected is not None:
        situation += "_misspelt"
    elif ref.unknown and ref.note:
        situation += "_noted"
    platform = ref.platform
    if plan.expected is not None:
        situation += "_through"
        platform = plan.expected.platform
    return _finding(
        "MOD003",
        situation,
        value,
        ctx,
        platform,
        on=_on(value),
        malformation=ref.malformation,
        note=ref.note,
        caller=value.use.environment or "This group",
        platform=PLATFORM_NAMES.get(platform, platform),
    )


def _served_past_retirement(value: _Value, ctx: ModelCheckInputs) -> Finding:
    return _finding(
        "MOD004",
        "still_served",
        value,
        ctx,
        value.ref.platform,
        severity=Severity.WARNING,
        on=_on(value),
    )


def _deprecated(value: _Value, ctx: ModelCheckInputs) -> Finding:
    severity = Severity.WARNING
    when = retirement_of(value.model, value.ref)
    if when is None:
        return _finding("MOD004", "undated", value, ctx, value.ref.platform, severity=severity)
    days = (when - ctx.today).days
    situation = "retires"
    if days <= ctx.deprecation_window and ctx.is_production(value.use.environment):
        severity = Severity.ERROR
        situation = "retires_soon"
    value.details["retirement"] = when.isoformat()
    value.details["days_left"] = str(days)
    return _finding(
        "MOD004",
        situation,
        value,
        ctx,
        value.ref.platform,
        severity=severity,
        retirement=when.isoformat(),
        days=days,
        window=ctx.deprecation_window,
    )


def _on(value: _Value) -> str:
    """` on 2025-10-28`, or nothing when the catalog has no date."""
    when = retirement_of(value.model, value.ref)
    return f" on {when.isoformat()}" if when else ""


def _finding(
    code: str,
    situation: str,
    value: _Value,
    ctx: ModelCheckInputs,
    written_for: str,
    *,
    severity: Severity | None = None,
    **facts: object,
) -> Finding:
    """A lifecycle finding in its situation's words, naming the replacement (in the format of
    the platform `written_for`) when the catalog has one."""
    ref = value.ref
    replacement = ctx.normalizer.catalog.models.get(value.model.replacement or "")
    if replacement is None:
        situation += "_unreplaced"
    else:
        written = ctx.normalizer.format_for(replacement, written_for) or replacement.id
        if ref.route is not None:
            written = f"{ref.route}/{written}"
        value.details["replacement"] = written
        facts |= {"replacement": written, "replacement_name": replacement.name}
        if ref.platform == GATEWAY:
            situation += "_via_gateway"
    return use_finding(
        code,
        situation,
        value.use,
        details=value.details,
        severity=severity,
        model=value.model.name,
        model_id=value.model.id,
        **facts,
    )
