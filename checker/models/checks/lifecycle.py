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
from checker.models.context import PLATFORM_NAMES, ModelCheckInputs, shown, use_finding
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
            _finding(
                "MOD005",
                f"`{shown(use.raw)}` is an alias: today it resolves to `{model.id}`, and the "
                "snapshot behind it can change without a deploy.",
                value,
                f"Pin the snapshot: replace the value with `{plan.final}`.",
                severity=Severity.WARNING if production else Severity.NOTICE,
            )
        ]
    return []


def _retired(value: _Value, plan: Plan, ctx: ModelCheckInputs) -> Finding:
    use, ref, model = value.use, value.ref, value.model
    when = retirement_of(model, ref)
    on = f" on {when.isoformat()}" if when else ""
    message = f"`{shown(use.raw)}` names {model.name} (`{model.id}`), retired{on}; "
    message += "every request to it fails."
    if ref.corrected is not None:
        message += f" (It is also misspelt: {ref.malformation}.)"
    elif ref.unknown and ref.note:
        message += f" (Also, {ref.note}.)"
    platform = plan.expected.platform if plan.expected is not None else ref.platform
    if plan.expected is not None:
        name = PLATFORM_NAMES.get(platform, platform)
        message += f" {use.environment or 'This group'} calls Claude through {name}."
    fix, message = _replacement(message, value, ctx, platform)
    return _finding("MOD003", message, value, fix)


def _served_past_retirement(value: _Value, ctx: ModelCheckInputs) -> Finding:
    use, model = value.use, value.model
    when = retirement_of(model, value.ref)
    on = f"on {when.isoformat()} " if when else ""
    message = (
        f"`{shown(use.raw)}` names {model.name} (`{model.id}`), retired {on}per the catalog, but "
        "the API still serves it today (`GET /v1/models` lists it); it can stop at any moment."
    )
    fix, message = _replacement(message, value, ctx, value.ref.platform)
    return _finding("MOD004", message, value, fix, severity=Severity.WARNING)


def _deprecated(value: _Value, ctx: ModelCheckInputs) -> Finding:
    use, model = value.use, value.model
    message = f"`{shown(use.raw)}` names {model.name} (`{model.id}`), which is deprecated"
    severity = Severity.WARNING
    when = retirement_of(model, value.ref)
    if when is not None:
        days = (when - ctx.today).days
        message += f" and retires on {when.isoformat()}, {days} days from today"
        if days <= ctx.deprecation_window and ctx.is_production(use.environment):
            severity = Severity.ERROR
            message += f" (inside the {ctx.deprecation_window}-day deprecation window)"
        value.details["retirement"] = when.isoformat()
        value.details["days_left"] = str(days)
    else:
        message += "; its retirement date is not announced yet"
    message += "."
    fix, message = _replacement(message, value, ctx, value.ref.platform)
    return _finding("MOD004", message, value, fix, severity=severity)


def _replacement(
    message: str, value: _Value, ctx: ModelCheckInputs, platform: str
) -> tuple[str | None, str]:
    """The fix naming the replacement in the platform's format, when there is one."""
    ref = value.ref
    replacement = ctx.normalizer.catalog.models.get(value.model.replacement or "")
    if replacement is None:
        return None, message
    written = ctx.normalizer.format_for(replacement, platform) or replacement.id
    if ref.route is not None:
        written = f"{ref.route}/{written}"
    value.details["replacement"] = written
    fix = f"Move to `{written}` ({replacement.name}) and re-test before deploying."
    if ref.platform == GATEWAY:
        fix = (
            f"Move to {replacement.name} (`{written}` on the Claude API; your gateway may spell "
            "it differently) and re-test before deploying."
        )
    return fix, message + f" Replacement: `{written}`."


def _finding(
    code: str,
    message: str,
    value: _Value,
    fix: str | None,
    *,
    severity: Severity | None = None,
) -> Finding:
    return use_finding(code, message, value.use, fix=fix, details=value.details, severity=severity)
