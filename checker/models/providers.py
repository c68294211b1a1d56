"""Which platform each environment (per monorepo group) calls Claude through.

Explicit settings (`provider: bedrock`, `CLAUDE_CODE_USE_BEDROCK=1`) win over hints (Bedrock or
Vertex keys and endpoints nearby), which win over what the model IDs themselves imply. A group
with no evidence of its own inherits the root group's of the same environment.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.models.collect import EXPLICIT, Collected, Evidence, Scope
from checker.models.ids.refs import ANTHROPIC

UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Provider:
    """The provider of one scope; `evidence` is None when inferred from the IDs (never MOD006)."""

    name: str
    evidence: Evidence | None = None

    @property
    def enforced(self) -> bool:
        """Only a provider the config states is a reason to call an ID's format wrong."""
        return self.evidence is not None and self.name != UNKNOWN


def decide_providers(collected: Collected) -> dict[Scope, Provider]:
    """The provider of every (environment, group) that has files."""
    stated = {scope: _stated(items) for scope, items in collected.evidence.items()}
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
        explicit = stated.get(scope) or stated.get((scope[0], ""))
        if explicit is not None:
            decided[scope] = explicit
            continue
        implied = platforms.get(scope)
        if not implied:
            decided[scope] = Provider(UNKNOWN)
        elif ANTHROPIC in implied:
            decided[scope] = Provider(ANTHROPIC)
        else:
            decided[scope] = Provider(next(iter(sorted(implied))))
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
    hinted = {item.provider for item in items}
    if len(hinted) == 1:
        return Provider(items[0].provider, items[0])
    return None
