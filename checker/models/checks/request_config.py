"""Request settings in tool configs, read as call sites: a LiteLLM proxy's `litellm_params` and
a promptfoo provider's `config` are the requests those tools send for their model.

Only tools whose request semantics are known are read: an app's own `llm.temperature` is what
the app may or may not send, which only its code says. A LiteLLM `max_tokens` is left to the
config MOD008 check, which already pairs it with its model.
"""

from __future__ import annotations

import re

from checker.models.collect import Collected
from checker.read.calls import CallSite, ModelArg, Param
from checker.read.calls.model import CONFIG, clipped
from checker.scan.kinds import Tier
from checker.workspace.model import ConfigFile, ConfigValue, WorkspaceScan

_LITELLM_MODEL = re.compile(r"^(?P<entry>.*\.litellm_params)\.model$")
_PROMPTFOO_ID = re.compile(r"^(?P<entry>(?:providers|targets)\[[^\]]*\])\.id$")
# `anthropic:messages:claude-x`, `anthropic:claude-x`, `bedrock:us.anthropic.claude-x`, ...
_PROMPTFOO_PROVIDER = re.compile(
    r"^(?:anthropic:(?:messages:|completion:)?|bedrock:(?:converse:)?|vertex:)(?P<model>.+)$"
)
_SETTINGS = {
    "temperature": "temperature",
    "top_p": "top_p",
    "top_k": "top_k",
    "thinking.type": "thinking.type",
    "max_tokens": "max_tokens",
}


def config_requests(scan: WorkspaceScan, collected: Collected) -> list[CallSite]:
    """One site per LiteLLM model entry and per promptfoo Anthropic provider with settings."""
    by_file = {(config.path, config.environment): config for config in scan.files}
    sites = []
    for use in collected.uses:
        match = _LITELLM_MODEL.match(use.key_path)
        config = by_file.get((use.location.file, use.environment))
        if match is None or config is None:
            continue
        entry = match.group("entry")
        where = (use.location.line or 1, use.location.column or 1)
        site = _site(config, entry, use.raw, where, scan.tiers)
        site.params.pop("max_tokens", None)
        if site.params:
            sites.append(site)
    for config in scan.files:
        if "promptfoo" in config.path.lower():
            sites += _promptfoo(config, scan.tiers)
    return sites


def _promptfoo(config: ConfigFile, tiers: dict[str, Tier]) -> list[CallSite]:
    sites = []
    for value in config.values:
        match = _PROMPTFOO_ID.match(value.key_path)
        provider = _PROMPTFOO_PROVIDER.match(value.value.strip()) if match else None
        if match is None or provider is None:
            continue
        entry = match.group("entry")
        where = (value.location.line or 1, value.location.column or 1)
        site = _site(config, f"{entry}.config", provider.group("model"), where, tiers)
        if site.params:
            sites.append(site)
    return sites


def _site(
    config: ConfigFile, entry: str, model: str, where: tuple[int, int], tiers: dict[str, Tier]
) -> CallSite:
    """The settings under `entry` as one request, placed at its model; each argument is shown
    from the entry's last key on (`litellm_params.temperature`)."""
    site = CallSite(config.path, *where, CONFIG, entry)
    site.model = ModelArg(model)
    site.environment = config.environment
    site.tier = tiers.get(config.path, "runtime")
    head = entry.rsplit(".", 1)[-1]
    prefix = entry + "."
    for value in config.values:
        if not value.key_path.startswith(prefix):
            continue
        name = _SETTINGS.get(value.key_path[len(prefix) :])
        if name is not None:
            site.params[name] = _param(name, value, head, value.key_path[len(prefix) :])
    return site


def _param(name: str, value: ConfigValue, head: str, key: str) -> Param:
    where = value.location
    written = f"{head}.{key}"
    return Param(
        name,
        written,
        _scalar(value.value),
        clipped(f"{written}: {value.value}"),
        where.line or 1,
        where.column or 1,
    )


def _scalar(raw: str) -> str | float | None:
    text = raw.strip()
    if text.lower() in ("", "null", "~", "none"):
        return None
    try:
        return float(text)
    except ValueError:
        return text
