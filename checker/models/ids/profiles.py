"""Which Bedrock inference profile a fix names: `{prefix}.{base ID}`.

The choice, in order: the geography of the AWS region the config names (`eu-west-1` -> `eu.`),
when the model has that profile, because a geographic profile keeps requests in that geography;
else `global.`, which every source region may call and which costs less than a regional one;
else `us.`, the profile every cross-region model has; else the first the catalog lists. When the
catalog does not know the model's prefixes, the region's geography, else `us.`.
"""

from __future__ import annotations

import re

from checker.models.ids.catalog import ModelInfo

FALLBACK_ORDER = ("global", "us", "eu", "jp", "apac", "au")
_GEOGRAPHY = (
    (re.compile(r"^us-"), "us"),
    (re.compile(r"^eu-"), "eu"),
    (re.compile(r"^ap-northeast-[13]$"), "jp"),
    (re.compile(r"^ap-southeast-[24]$"), "au"),
    (re.compile(r"^ap-"), "apac"),
)


def geography(region: str | None) -> str | None:
    """The inference-profile prefix of an AWS region's geography, if Bedrock has one."""
    if not region:
        return None
    for pattern, prefix in _GEOGRAPHY:
        if pattern.match(region):
            return prefix
    return None


def profile_prefix(model: ModelInfo, region: str | None = None) -> str | None:
    """The prefix a fix should write for `model`; None when it has no Bedrock ID at all."""
    if not model.bedrock_ids:
        return None
    local = geography(region)
    allowed = model.bedrock_prefixes
    if allowed is None:
        return local or "us"
    if local in allowed:
        return local
    for prefix in FALLBACK_ORDER:
        if prefix in allowed:
            return prefix
    return sorted(allowed)[0] if allowed else None


def profile_id(model: ModelInfo, region: str | None = None) -> str | None:
    """`us.anthropic.claude-…`: the inference-profile ID a fix names."""
    prefix = profile_prefix(model, region)
    if prefix is None:
        return None
    return f"{prefix}.{model.bedrock_ids[0]}"
