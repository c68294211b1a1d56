"""Which platform each environment (per monorepo group) calls Claude through.

Explicit settings (`provider: bedrock`, `CLAUDE_CODE_USE_BEDROCK=1`) win over hints (Bedrock or
Vertex keys and endpoints nearby), which win over the Claude API key the group reads, which wins
over what the model IDs themselves imply. A group with no evidence of its own inherits the root
group's of the same environment. Where nothing is stated, `inferred` holds the values the rest of
the workspace says are in the wrong platform's form (`checker.models.inferred`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.findings import Location
from checker.models.collect import EXPLICIT, HINT, Collected, Evidence, Scope
from checker.models.ids.refs import ANTHROPIC
from checker.models.inferred import Inference, credentials_of, infer
from checker.models.values import CREDENTIAL

UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Provider:
    """The provider of one scope; `evidence` is None when not stated (MOD006 then needs an
    `inferred` entry for the value's location). `region` is an AWS region the scope names."""

    name: str
    evidence: Evidence | None = None
    inferred: dict[Location, Inference] = field(default_factory=dict)
    region: str | None = None

    @property
    def enforced(self) -> bool:
        """Only a provider the config states is a reason to call an ID's format wrong."""
        return self.evidence is not None and self.name != UNKNOWN


def decide_providers(collected: Collected) -> dict[Scope, Provider]:
    """The provider of every (environment, group) that has files."""
    stated = {scope: _stated(items) for scope, items in collected.evidence.items()}
    stated_scopes = {scope for scope, provider in stated.items() if provider is not None}
    credentials = credentials_of(collected)
    inferred = infer(collected, stated_scopes, credentials)
    platforms: dict[Scope, frozenset[str] | None] = {}
    for use in collected.uses:
        ref = use.ref
        if ref is None or ref.unknown or ref.opaque:
            continue
        scope = (use.environment, use.group)
        current = platforms.get(scope)
        platforms[scope] = ref.platforms if current is None else current & ref.platforms
    decided: dict[Scope, Provider] = {}
    for scope in collected.templates:
        region = _region(collected.evidence.get(scope) or collected.evidence.get((scope[0], "")))
        explicit = stated.get(scope) or stated.get((scope[0], ""))
        if explicit is not None:
            decided[scope] = Provider(explicit.name, explicit.evidence, region=region)
            continue
        reads = credentials.get(scope) or credentials.get((scope[0], ""), ())
        keys = {item.provider for item in reads if item.strength == CREDENTIAL}
        implied = platforms.get(scope)
        if len(keys) == 1:
            name = keys.pop()
        elif not implied:
            name = UNKNOWN
        elif ANTHROPIC in implied:
            name = ANTHROPIC
        else:
            name = next(iter(sorted(implied)))
        decided[scope] = Provider(name, inferred=inferred.get(scope, {}), region=region)
    return decided


def environment_provider(providers: dict[Scope, Provider], environment: str) -> str:
    """One word per environment for reports: the shared provider of its groups, or "mixed"."""
    names = {p.name for scope, p in providers.items() if scope[0] == environment}
    known = names - {UNKNOWN}
    if len(known) == 1:
        return known.pop()
    return "mixed" if known else UNKNOWN


def _stated(items: list[Evidence]) -> Provider | None:
    """Explicit evidence first (the first one written), else hints when they agree."""
    for item in items:
        if item.strength == EXPLICIT:
            return Provider(item.provider, item)
    hints = [item for item in items if item.strength == HINT]
    if len({item.provider for item in hints}) == 1:
        return Provider(hints[0].provider, hints[0])
    return None


def _region(items: list[Evidence] | None) -> str | None:
    """The first AWS region the scope's settings name (`AWS_REGION`, a Bedrock ARN or key)."""
    return next((item.region for item in items or () if item.region), None)
