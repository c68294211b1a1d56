"""Router and gateway prefixes: `bedrock/converse/anthropic.claude-…`, `openrouter/anthropic/…`.

LiteLLM's `anthropic/`, `bedrock/` (`converse/`, `invoke/`) and `vertex_ai/` routes pass the rest of
the value on to that platform, so the rest must be that platform's form of the ID. OpenRouter and AI
gateways spell Claude models their own way (`anthropic/claude-sonnet-4.5`): such values are compared
by the model they name, but never "corrected" and never sent to the Claude API.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from checker.models.ids.refs import ANTHROPIC, BEDROCK, GATEWAY, VERTEX, ModelRef

if TYPE_CHECKING:
    from checker.models.ids.normalize import Normalizer

ROUTED = re.compile(
    r"^(anthropic|bedrock(?:/converse|/invoke)?|vertex_ai(?:_beta)?|openrouter/anthropic)/(.+)$"
)
_ROUTE_PLATFORMS = {"anthropic": ANTHROPIC, "bedrock": BEDROCK, "vertex_ai": VERTEX}
_PLATFORM_WORDS = {ANTHROPIC: "Claude API", BEDROCK: "Bedrock", VERTEX: "Vertex AI"}


def resolve_route(normalizer: Normalizer, raw: str, route: str, rest: str) -> ModelRef:
    """What a routed value names; `rest` must be in the route's platform form."""
    platform = _ROUTE_PLATFORMS.get(route.split("/", 1)[0], GATEWAY)
    # One route per value: a route inside a route names nothing, and following it would let a
    # hostile `anthropic/anthropic/…` recurse without bound.
    inner = None if ROUTED.match(rest) else normalizer.normalize(rest)
    exact_first_party = inner is not None and inner.corrected is None and not inner.unknown
    if platform == GATEWAY or (platform == ANTHROPIC and not exact_first_party):
        model = inner.model if inner is not None and not inner.unknown else None
        written = raw.strip().lower()
        return ModelRef(raw, written, GATEWAY, frozenset({GATEWAY}), model, opaque=True)
    if inner is None:
        unknown = normalizer.unknown(rest)
        return replace(
            unknown,
            raw=raw,
            platform=platform,
            platforms=frozenset({platform}),
            suggestion=_suggestion(normalizer, route, platform, unknown.suggestion),
            route=route,
        )
    if inner.unknown or platform in inner.platforms:
        return replace(
            inner,
            raw=raw,
            platform=platform,
            platforms=frozenset({platform}),
            corrected=f"{route}/{inner.corrected}" if inner.corrected else None,
            suggestion=_suggestion(normalizer, route, platform, inner.suggestion),
            route=route,
        )
    assert inner.model is not None  # known, not unknown: normalize found its model
    target = normalizer.format_for(inner.model, platform)
    return ModelRef(
        raw,
        inner.written,
        platform,
        frozenset({platform}),
        inner.model,
        unknown=True,
        suggestion=f"{route}/{target}" if target else None,
        note=f"the `{route}/` route takes the {_PLATFORM_WORDS[platform]} form of the ID",
        route=route,
    )


def _suggestion(
    normalizer: Normalizer, route: str, platform: str, suggestion: str | None
) -> str | None:
    """A suggestion for the rest of a routed value, in the route's platform form, routed."""
    if suggestion is None:
        return None
    ref = normalizer.normalize(suggestion)
    if ref is not None and ref.model is not None and platform not in ref.platforms:
        suggestion = normalizer.format_for(ref.model, platform) or suggestion
    return f"{route}/{suggestion}"
