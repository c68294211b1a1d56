"""Is the model still there? MOD003 retired, MOD004 deprecated, MOD005 unpinned alias."""

from __future__ import annotations

from checker.findings import Finding, Severity, make_finding
from checker.models.collect import ModelUse
from checker.models.context import CheckContext, shown
from checker.models.ids.catalog import ModelInfo
from checker.models.ids.refs import GATEWAY, ModelRef


def lifecycle_findings(use: ModelUse, ctx: CheckContext) -> list[Finding]:
    """Findings about where the named model is in its life, relative to `ctx.today`."""
    ref = use.ref
    if ref is None or ref.model is None:
        return []  # an opaque value with a model is a gateway's spelling: its life still counts
    model = ref.model
    served = ctx.served is not None and model.id in ctx.served
    details = {"slot": use.slot, "value": use.raw, "model": model.id}
    if model.is_retired(ctx.today):
        if served:
            return []
        when = f" on {model.retirement.isoformat()}" if model.retirement else ""
        message = f"`{shown(use.raw)}` names {model.name} (`{model.id}`), retired{when}; "
        message += "every request to it fails."
        fix, message = _replacement(message, ref, model, ctx, details)
        return [_finding("MOD003", message, use, fix, details)]
    if model.is_deprecated(ctx.today):
        return [_deprecated(use, ref, model, ctx, details)]
    if ref.alias and not ref.opaque:
        production = ctx.is_production(use.environment)
        details["resolves_to"] = model.id
        pinned = f"{ref.route}/{model.id}" if ref.route else model.id
        return [
            _finding(
                "MOD005",
                f"`{shown(use.raw)}` is an alias: today it resolves to `{model.id}`, and the "
                "snapshot behind it can change without a deploy.",
                use,
                f"Pin the snapshot: replace the value with `{pinned}`.",
                details,
                severity=Severity.WARNING if production else Severity.NOTICE,
            )
        ]
    return []


def _deprecated(
    use: ModelUse, ref: ModelRef, model: ModelInfo, ctx: CheckContext, details: dict[str, str]
) -> Finding:
    message = f"`{shown(use.raw)}` names {model.name} (`{model.id}`), which is deprecated"
    severity = Severity.WARNING
    if model.retirement is not None:
        days = (model.retirement - ctx.today).days
        message += f" and retires on {model.retirement.isoformat()}, {days} days from today"
        if days <= ctx.deprecation_window and ctx.is_production(use.environment):
            severity = Severity.ERROR
            message += f" (inside the {ctx.deprecation_window}-day deprecation window)"
        details["retirement"] = model.retirement.isoformat()
        details["days_left"] = str(days)
    else:
        message += "; its retirement date is not announced yet"
    message += "."
    fix, message = _replacement(message, ref, model, ctx, details)
    return _finding("MOD004", message, use, fix, details, severity=severity)


def _replacement(
    message: str, ref: ModelRef, model: ModelInfo, ctx: CheckContext, details: dict[str, str]
) -> tuple[str | None, str]:
    """The fix naming the replacement in the value's own platform format, when there is one."""
    replacement = ctx.normalizer.catalog.models.get(model.replacement or "")
    if replacement is None:
        return None, message
    written = ctx.normalizer.format_for(replacement, ref.platform) or replacement.id
    if ref.route is not None:
        written = f"{ref.route}/{written}"
    details["replacement"] = written
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
    use: ModelUse,
    fix: str | None,
    details: dict[str, str],
    *,
    severity: Severity | None = None,
) -> Finding:
    return make_finding(
        code,
        message,
        severity=severity,
        fix=fix,
        environment=use.environment,
        location=use.location,
        details=details,
    )
