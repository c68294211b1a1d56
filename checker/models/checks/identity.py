"""Is the ID itself right? MOD007 malformed, MOD002 unknown, MOD006 wrong platform format."""

from __future__ import annotations

from checker.findings import Finding, make_finding
from checker.models.collect import ModelUse
from checker.models.context import PLATFORM_NAMES, CheckContext, shown, where


def identity_findings(use: ModelUse, ctx: CheckContext) -> list[Finding]:
    """Findings about how one model value is written."""
    ref = use.ref
    if ref is None:
        return []
    findings: list[Finding] = []
    if ref.corrected is not None:
        findings.append(
            make_finding(
                "MOD007",
                f"`{shown(use.raw)}` is not a valid model ID ({ref.malformation}); the API "
                f"matches IDs exactly. Did you mean `{ref.corrected}`?",
                fix=f"Replace the value with `{ref.corrected}`.",
                environment=use.environment,
                location=use.location,
                details={"slot": use.slot, "value": use.raw, "corrected": ref.corrected},
            )
        )
    if ref.unknown:
        findings.append(_unknown(use, ctx))
    elif ref.model is not None and not ref.opaque and ref.route is None:
        # A routed value (`bedrock/…`) names its platform itself; the route was checked above.
        mismatch = _platform_mismatch(use, ctx)
        if mismatch is not None:
            findings.append(mismatch)
    return findings


def _unknown(use: ModelUse, ctx: CheckContext) -> Finding:
    ref = use.ref
    assert ref is not None
    if ctx.served is not None:
        known = "neither the model catalog nor the live model list knows it"
    else:
        known = "the model catalog does not know it"
    message = f"`{shown(use.raw)}` is not a Claude model ID: {known}"
    message += f" (catalog as of {ctx.normalizer.catalog.as_of})"
    if ref.note:
        message += f"; {ref.note}"
    message += "."
    details = {"slot": use.slot, "value": use.raw}
    fix = None
    if ref.suggestion:
        message += f" Did you mean `{ref.suggestion}`?"
        fix = f"Replace the value with `{ref.suggestion}`, or an ID `GET /v1/models` lists."
        details["suggestion"] = ref.suggestion
    return make_finding(
        "MOD002",
        message,
        fix=fix,
        environment=use.environment,
        location=use.location,
        details=details,
    )


def _platform_mismatch(use: ModelUse, ctx: CheckContext) -> Finding | None:
    ref = use.ref
    provider = ctx.providers.get((use.environment, use.group))
    if ref is None or ref.model is None or provider is None or not provider.enforced:
        return None
    if provider.name in ref.platforms:
        return None
    evidence = provider.evidence
    assert evidence is not None
    target = ctx.normalizer.format_for(ref.model, provider.name)
    platform_name = PLATFORM_NAMES.get(ref.platform, ref.platform)
    provider_name = PLATFORM_NAMES.get(provider.name, provider.name)
    message = (
        f"`{shown(use.raw)}` is a {platform_name} model ID, but {use.environment} calls Claude "
        f"through {provider_name} (`{evidence.key_path}` at "
        f"{where(evidence.location.file, evidence.location.line)})"
    )
    details = {"slot": use.slot, "value": use.raw, "provider": provider.name}
    if target:
        message += f"; on {provider_name} this model is `{target}`."
        fix = f"Replace the value with `{target}`."
        details["expected"] = target
    else:
        message += f"; {ref.model.name} has no known {provider_name} ID."
        fix = f"Choose a model available on {provider_name}."
    return make_finding(
        "MOD006",
        message,
        fix=fix,
        environment=use.environment,
        location=use.location,
        details=details,
    )
