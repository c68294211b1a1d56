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
from checker.models.context import ModelCheckInputs, use_finding


def platform_findings(use: ModelUse, ctx: ModelCheckInputs) -> list[Finding]:
    """MOD011 for one value, when it is the finding that carries the value's fix."""
    plan = plan_for(use, ctx)
    if plan.carrier != "MOD011" or plan.profile is None or use.ref is None:
        return []
    model = use.ref.model
    assert model is not None
    problem = plan.profile
    situation = "base_id" if problem.prefix is None else "wrong_prefix"
    details = {"slot": use.slot, "value": use.raw, "model": model.id}
    if plan.final:
        details["profile"] = plan.final
    else:
        situation += "_no_profile"
    return [
        use_finding(
            "MOD011",
            situation,
            use,
            details=details,
            model=model.name,
            prefix=problem.prefix,
            profiles=", ".join(f"`{name}.`" for name in sorted(problem.allowed or ())) or "none",
            profile=plan.final,
            profile_id=_profile(plan.final) if plan.final else "",
        )
    ]


def _profile(final: str) -> str:
    """The profile ID inside a routed value (`bedrock/us.anthropic.…`)."""
    return final.rsplit("/", 1)[-1]
