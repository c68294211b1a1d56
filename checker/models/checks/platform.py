"""MOD011: a Bedrock ID that Bedrock would not serve on demand.

Two ways: the bare base ID (`anthropic.claude-sonnet-4-5-20250929-v1:0`) of a model the catalog
marks profile-only (Bedrock answers 400 "on-demand throughput isn't supported"), or a profile
prefix (`apac.`) the catalog's entry for the model does not list. The fix names the profile ID
`checker.models.ids.profiles` picks: the AWS region's geography when the config names a region,
else `global.`, else `us.`.
"""

from __future__ import annotations

from checker.findings import Finding
from checker.models.checks.final import plan_for
from checker.models.collect import ModelUse
from checker.models.context import ModelCheckInputs, shown, use_finding


def platform_findings(use: ModelUse, ctx: ModelCheckInputs) -> list[Finding]:
    """MOD011 for one value, when it is the finding that carries the value's fix."""
    plan = plan_for(use, ctx)
    if plan.carrier != "MOD011" or plan.profile is None or use.ref is None:
        return []
    model = use.ref.model
    assert model is not None
    problem = plan.profile
    if problem.prefix is None:
        message = (
            f"`{shown(use.raw)}` is the Bedrock base model ID of {model.name}, which Bedrock "
            "serves on demand only through a cross-region inference profile: every call with "
            "the base ID fails with 400 (on-demand throughput isn't supported)."
        )
    else:
        listed = ", ".join(f"`{name}.`" for name in sorted(problem.allowed or ())) or "none"
        message = (
            f"`{shown(use.raw)}` uses the `{problem.prefix}.` inference profile, which Bedrock "
            f"does not offer for {model.name} (its profiles: {listed}); every call fails."
        )
    details = {"slot": use.slot, "value": use.raw, "model": model.id}
    if plan.final:
        message += f" Use the inference profile `{plan.final}`."
        fix = (
            f"Replace the value with `{plan.final}` (or that profile's ARN, "
            f"`arn:aws:bedrock:<region>:<account-id>:inference-profile/{_profile(plan.final)}`)."
        )
        details["profile"] = plan.final
    else:
        fix = (
            "Choose a model Bedrock serves in your region (`aws bedrock list-inference-profiles`)."
        )
    return [use_finding("MOD011", message, use, fix=fix, details=details)]


def _profile(final: str) -> str:
    """The profile ID inside a routed value (`bedrock/us.anthropic.…`)."""
    return final.rsplit("/", 1)[-1]
