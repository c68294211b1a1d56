"""Is the ID itself right? MOD007 malformed, MOD002 unknown, MOD006 wrong platform format.

Which of them reports a value, and the value its fix names, is `plan_for`'s decision
(`checker.models.checks.final`): one finding per value, carrying the final value once.
"""

from __future__ import annotations

from checker.findings import Finding
from checker.models.checks.evidence_text import evidence_text
from checker.models.checks.final import Expected, Plan, plan_for
from checker.models.checks.retirement import is_retired, retired_now
from checker.models.collect import ModelUse
from checker.models.context import PLATFORM_NAMES, ModelCheckInputs, shown, use_finding
from checker.models.ids.refs import ANTHROPIC


def identity_findings(use: ModelUse, ctx: ModelCheckInputs) -> list[Finding]:
    """Findings about how one model value is written."""
    ref = use.ref
    if ref is None:
        return []
    if ref.unknown:
        # A retired model in a route's wrong form: MOD003 names its replacement, in that form.
        return [] if ref.model is not None and retired_now(use, ctx) else [_unknown(use, ctx)]
    plan = plan_for(use, ctx)
    if plan.carrier == "MOD007":
        return [_malformed(use, plan)]
    if plan.carrier == "MOD006":
        assert plan.expected is not None
        return [_platform_mismatch(use, plan.expected)]
    return []


def _malformed(use: ModelUse, plan: Plan) -> Finding:
    ref = use.ref
    assert ref is not None
    assert ref.model is not None
    assert ref.corrected is not None
    final = plan.final or ref.corrected
    message = (
        f"`{shown(use.raw)}` is not a valid model ID ({ref.malformation}); the API matches IDs "
        f"exactly. Did you mean `{final}`?"
    )
    if plan.expected is not None:
        platform = PLATFORM_NAMES.get(plan.expected.platform, plan.expected.platform)
        because = evidence_text(use, plan.expected, PLATFORM_NAMES)
        message += f" That is {ref.model.name} in the {platform} form ({because})."
    elif plan.profile is not None and plan.profile.prefix is not None:
        message += f" Bedrock has no `{plan.profile.prefix}.` inference profile for it."
    elif plan.profile is not None:
        message += " Bedrock serves this model on demand only through an inference profile."
    elif ref.alias:
        message += (
            f" `{ref.corrected}` would be the alias, which can move to another snapshot without "
            "a deploy: the fix pins the snapshot it resolves to today."
        )
    details = {"slot": use.slot, "value": use.raw, "corrected": final}
    return use_finding(
        "MOD007", message, use, fix=f"Replace the value with `{final}`.", details=details
    )


def _unknown(use: ModelUse, ctx: ModelCheckInputs) -> Finding:
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
        final, why = _final_suggestion(ref.suggestion, ctx)
        message += why
        fix = f"Replace the value with `{final}`, or an ID `GET /v1/models` lists."
        details["suggestion"] = ref.suggestion
    return use_finding("MOD002", message, use, fix=fix, details=details)


def _final_suggestion(suggestion: str, ctx: ModelCheckInputs) -> tuple[str, str]:
    """The value the fix names for a suggestion: the replacement of a retired model, the
    snapshot of an alias; with the sentence that says why."""
    ref = ctx.normalizer.normalize(suggestion)
    model = ref.model if ref is not None else None
    if ref is None or model is None:
        return suggestion, ""
    if is_retired(model, ref, ctx.today):
        replacement = ctx.normalizer.catalog.models.get(model.replacement or "")
        when = model.retirement_on(ref.platform)
        retired = f"retired on {when.isoformat()}" if when else "retired"
        if replacement is None:
            return suggestion, f" That model is {retired}."
        written = ctx.normalizer.format_for(replacement, ref.platform) or replacement.id
        if ref.route is not None:
            written = f"{ref.route}/{written}"
        return written, f" That model is {retired}; its replacement is `{written}`."
    if ref.alias and ref.route is None:
        return model.id, f" It is an alias: the fix pins the snapshot it resolves to, `{model.id}`."
    return suggestion, ""


def _platform_mismatch(use: ModelUse, expected: Expected) -> Finding:
    ref = use.ref
    assert ref is not None
    assert ref.model is not None
    platform_name = PLATFORM_NAMES.get(ref.platform, ref.platform)
    provider_name = _the(PLATFORM_NAMES.get(expected.platform, expected.platform))
    because = evidence_text(use, expected, PLATFORM_NAMES)
    message = (
        f"`{shown(use.raw)}` is {_article(platform_name)} {platform_name} model ID, but "
        f"{use.environment or 'this group'} calls Claude through {provider_name} ({because})"
    )
    details = {"slot": use.slot, "value": use.raw, "provider": expected.platform}
    if expected.target:
        message += f"; on {provider_name} this model is `{expected.target}`."
        fix = f"Replace the value with `{expected.target}`."
        details["expected"] = expected.target
    else:
        message += f"; {ref.model.name} has no known {provider_name} ID."
        fix = f"Choose a model available on {provider_name}."
    return use_finding("MOD006", message, use, fix=fix, details=details)


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _the(platform_name: str) -> str:
    """`the Claude API`, but `Amazon Bedrock`."""
    return f"the {platform_name}" if platform_name == PLATFORM_NAMES[ANTHROPIC] else platform_name
