"""One fix per value: where several rules meet one value, one finding carries the final value.

A value can be misspelt (MOD007), in another platform's form (MOD006), a Bedrock ID without a
valid inference profile (MOD011) and an unpinned alias (MOD005) at once. Fixing them one finding
at a time would take several deploys, and a fix that only respells `claude-haiku-4.5` as the alias
`claude-haiku-4-5` is a fix that the next rule rejects. So the checks ask `plan_for` which of
them reports the value, and all of them agree on the value that fixes everything:
- a retired model (MOD003): its replacement, in the form the environment's platform takes;
- else the first of MOD007, MOD006, MOD011, MOD005 that applies, naming the value after every
  correction: respelt, in the platform's form, with an inference profile, pinned.
Lifecycle warnings (MOD004) are about the future, not the value: they are reported as well.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from checker.models.checks.retirement import retired_now
from checker.models.collect import Evidence, ModelUse
from checker.models.context import ModelCheckInputs
from checker.models.ids.profiles import profile_prefix
from checker.models.ids.refs import BEDROCK
from checker.models.inferred import Inference
from checker.models.values import aws_region

Carrier = Literal["MOD003", "MOD007", "MOD006", "MOD011", "MOD005"]


@dataclass(frozen=True, slots=True)
class Expected:
    """The platform a value's form should be for: stated by `evidence`, or `inferred`."""

    platform: str
    target: str | None
    evidence: Evidence | None = None
    inferred: Inference | None = None


@dataclass(frozen=True, slots=True)
class ProfileProblem:
    """MOD011: a base ID of a profile-only model, or a prefix the model has no profile for."""

    prefix: str | None
    allowed: frozenset[str] | None
    target: str | None


@dataclass(frozen=True, slots=True)
class Plan:
    """Which finding reports the value, and the value that fixes every problem it has."""

    carrier: Carrier | None = None
    final: str | None = None
    expected: Expected | None = None
    profile: ProfileProblem | None = None


def plan_for(use: ModelUse, ctx: ModelCheckInputs) -> Plan:
    """The plan for one value; an unknown value has none (MOD002 alone reports it)."""
    ref = use.ref
    if ref is None or ref.model is None or ref.unknown or ref.opaque:
        return Plan()
    expected = expected_platform(use, ctx)
    profile = profile_problem(use, ctx) if expected is None else None
    if retired_now(use, ctx):
        return Plan("MOD003", None, expected, profile)
    route = f"{ref.route}/" if ref.route else ""
    if expected is not None:
        final = expected.target
    elif profile is not None:
        final = f"{route}{profile.target}" if profile.target else None
    elif ref.alias:
        final = f"{route}{ref.model.id}"
    else:
        final = ref.corrected
    if ref.corrected is not None:
        return Plan("MOD007", final, expected, profile)
    if expected is not None:
        return Plan("MOD006", final, expected)
    if profile is not None:
        return Plan("MOD011", final, None, profile)
    if ref.alias:
        return Plan("MOD005", final)
    return Plan()


def expected_platform(use: ModelUse, ctx: ModelCheckInputs) -> Expected | None:
    """The platform the evidence says the value's form should be for, when it is not."""
    ref = use.ref
    if ref is None or ref.model is None or ref.route is not None:
        return None  # a routed value (`bedrock/…`) names its platform itself
    provider = ctx.providers.get((use.environment, use.group))
    if provider is None:
        return None
    if provider.enforced:
        if provider.name in ref.platforms:
            return None
        target = ctx.normalizer.format_for(ref.model, provider.name, provider.region)
        return Expected(provider.name, target, evidence=provider.evidence)
    inferred = provider.inferred.get(use.location)
    if inferred is None:
        return None
    target = ctx.normalizer.format_for(ref.model, inferred.platform, provider.region)
    return Expected(inferred.platform, target, inferred=inferred)


def profile_problem(use: ModelUse, ctx: ModelCheckInputs) -> ProfileProblem | None:
    """MOD011's question: would Bedrock serve this ID on demand?"""
    ref = use.ref
    if ref is None or ref.model is None or BEDROCK not in ref.platforms:
        return None
    model = ref.model
    allowed = model.bedrock_prefixes
    if ref.profile is None:
        if not model.bedrock_profile_only:
            return None
    elif allowed is None or ref.profile in allowed:
        return None
    provider = ctx.providers.get((use.environment, use.group))
    region = _arn_region(ref.written) or (provider.region if provider else None)
    prefix = profile_prefix(model, region)
    base = _base(ref.written)
    return ProfileProblem(ref.profile, allowed, f"{prefix}.{base}" if prefix else None)


def _base(written: str) -> str:
    """The base model ID inside a Bedrock ID or ARN: `anthropic.claude-…`."""
    resource = written.rsplit("/", 1)[-1]
    return resource[resource.index("anthropic.") :] if "anthropic." in resource else resource


def _arn_region(written: str) -> str | None:
    """`arn:aws:bedrock:eu-west-1:…` -> `eu-west-1`."""
    if not written.startswith("arn:"):
        return None
    parts = written.split(":")
    return aws_region(parts[3]) if len(parts) > 3 else None
