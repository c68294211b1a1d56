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
from checker.models.context import PLATFORM_NAMES, ModelCheckInputs, use_finding
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
    expected, profile = plan.expected, plan.profile
    if expected is not None:
        situation = "other_platform"
    elif profile is not None:
        situation = "base_id" if profile.prefix is None else "no_such_profile"
    else:
        situation = "alias" if ref.alias else "misspelt"
    details = {"slot": use.slot, "value": use.raw, "corrected": final}
    return use_finding(
        "MOD007",
        situation,
        use,
        details=details,
        malformation=ref.malformation,
        final=final,
        corrected=ref.corrected,
        model=ref.model.name,
        platform=PLATFORM_NAMES.get(expected.platform, expected.platform) if expected else "",
        evidence=evidence_text(use, expected, PLATFORM_NAMES) if expected else "",
        prefix=profile.prefix if profile else "",
    )


def _unknown(use: ModelUse, ctx: ModelCheckInputs) -> Finding:
    ref = use.ref
    assert ref is not None
    if ctx.served is not None:
        known = "neither the model catalog nor the live model list knows it"
    else:
        known = "the model catalog does not know it"
    details = {"slot": use.slot, "value": use.raw}
    situation, final, on = "no_suggestion", "", ""
    if ref.suggestion:
        situation, final, on = _final_suggestion(ref.suggestion, ctx)
        details["suggestion"] = ref.suggestion
    return use_finding(
        "MOD002",
        situation,
        use,
        details=details,
        known=known,
        as_of=ctx.normalizer.catalog.as_of,
        note=f"; {ref.note}" if ref.note else "",
        suggestion=ref.suggestion,
        final=final,
        on=on,
    )


def _final_suggestion(suggestion: str, ctx: ModelCheckInputs) -> tuple[str, str, str]:
    """The situation of a suggestion (plain, an alias, a retired model with or without a
    replacement), the value the fix names (the replacement, the alias's snapshot) and when a
    retired one retired (` on 2025-10-28`)."""
    ref = ctx.normalizer.normalize(suggestion)
    model = ref.model if ref is not None else None
    if ref is None or model is None:
        return "suggestion", suggestion, ""
    if is_retired(model, ref, ctx.today):
        replacement = ctx.normalizer.catalog.models.get(model.replacement or "")
        when = model.retirement_on(ref.platform)
        on = f" on {when.isoformat()}" if when else ""
        if replacement is None:
            return "suggestion_retired", suggestion, on
        written = ctx.normalizer.format_for(replacement, ref.platform) or replacement.id
        if ref.route is not None:
            written = f"{ref.route}/{written}"
        return "suggestion_replaced", written, on
    if ref.alias and ref.route is None:
        return "suggestion_alias", model.id, ""
    return "suggestion", suggestion, ""


def _platform_mismatch(use: ModelUse, expected: Expected) -> Finding:
    ref = use.ref
    assert ref is not None
    assert ref.model is not None
    platform_name = PLATFORM_NAMES.get(ref.platform, ref.platform)
    details = {"slot": use.slot, "value": use.raw, "provider": expected.platform}
    if expected.target:
        details["expected"] = expected.target
    return use_finding(
        "MOD006",
        "expected" if expected.target else "no_equivalent",
        use,
        details=details,
        article=_article(platform_name),
        platform=platform_name,
        caller=use.environment or "this group",
        provider=_the(PLATFORM_NAMES.get(expected.platform, expected.platform)),
        evidence=evidence_text(use, expected, PLATFORM_NAMES),
        expected=expected.target,
        model=ref.model.name,
    )


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _the(platform_name: str) -> str:
    """`the Claude API`, but `Amazon Bedrock`."""
    return f"the {platform_name}" if platform_name == PLATFORM_NAMES[ANTHROPIC] else platform_name
