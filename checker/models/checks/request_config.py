"""Request settings in tool configs, read as call sites: a LiteLLM proxy's `litellm_params` and
a promptfoo provider's `config` are the requests those tools send for their model.

Only tools whose request semantics are known are read: an app's own `llm.temperature` is what
the app may or may not send, which only its code says. A LiteLLM `max_tokens` is left to the
config MOD008 check, which already pairs it with its model.

LiteLLM's `additional_drop_params` (per model entry) names parameters the proxy never sends:
those are left out of the request. `drop_params: true` (per entry, or `litellm_settings` for
all) drops only what LiteLLM maps as unsupported for the provider, and it maps `temperature`,
`top_p`, `top_k` and `thinking` as supported for Claude (BerriAI/litellm#26444, open; the fixes
#26246, #26445 and #28113 were closed unmerged): the request still carries them, so the finding
stays and says so.
"""

from __future__ import annotations

import re

from checker.models.collect import Collected
from checker.models.values import TRUTHY
from checker.read.calls import CallSite, ModelArg, Param
from checker.read.calls.model import CONFIG, clipped
from checker.scan.kinds import Tier
from checker.scan.promptfoo import is_promptfoo_config, provider_model
from checker.workspace.model import ConfigFile, ConfigValue, WorkspaceScan

_LITELLM_MODEL = re.compile(r"^(?P<entry>.*\.litellm_params)\.model$")
_PROMPTFOO_ID = re.compile(r"^(?P<entry>(?:providers|targets)\[[^\]]*\])\.id$")
_GLOBAL_DROP = "litellm_settings.drop_params"
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
        _dropped(site, config, entry)
        if site.params:
            sites.append(site)
    for config in scan.files:
        if is_promptfoo_config(config.path):
            sites += _promptfoo(config, scan.tiers)
    return sites


def _dropped(site: CallSite, config: ConfigFile, entry: str) -> None:
    """What LiteLLM leaves out of this entry's requests: its `additional_drop_params` (a name,
    or a nested path under it: `thinking.type`). Where `drop_params: true` is set, the site
    remembers where, for the finding to say that it does not drop these."""
    listed = f"{entry}.additional_drop_params["
    site.drop({value.value.strip() for value in config.values if value.key_path.startswith(listed)})
    flags = {value.key_path: value.value for value in config.values}
    own = flags.get(f"{entry}.drop_params")
    head = entry.rsplit(".", 1)[-1]
    if own is not None:
        site.drop_params = f"{head}.drop_params" if _truthy(own) else ""
    elif _truthy(flags.get(_GLOBAL_DROP, "")):
        site.drop_params = _GLOBAL_DROP


def _truthy(raw: str) -> bool:
    return raw.strip().lower() in TRUTHY


def _promptfoo(config: ConfigFile, tiers: dict[str, Tier]) -> list[CallSite]:
    sites = []
    for value in config.values:
        match = _PROMPTFOO_ID.match(value.key_path)
        provider = provider_model(value.value.strip()) if match else None
        if match is None or provider is None:
            continue
        entry = match.group("entry")
        where = (value.location.line or 1, value.location.column or 1)
        site = _site(config, f"{entry}.config", provider[0], where, tiers)
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
