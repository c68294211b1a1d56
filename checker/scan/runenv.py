"""The run's own environment: the model variables the deployed app will read (SPEC section 2).

When the gate runs in the deploy's environment, `ANTHROPIC_MODEL` and friends there are what
production runs. They are a shared source (judged as production's), each reported as `env:NAME`.
"""

from __future__ import annotations

from collections.abc import Mapping

from checker.findings import Location
from checker.workspace.model import ConfigFile, ConfigValue

RUN_ENVIRONMENT = "env:"
MODEL_VARIABLES = (
    "ANTHROPIC_MODEL",
    "CLAUDE_MODEL",
    "ANTHROPIC_DEFAULT_OPUS_MODEL",
    "ANTHROPIC_DEFAULT_SONNET_MODEL",
    "ANTHROPIC_DEFAULT_HAIKU_MODEL",
    "ANTHROPIC_SMALL_FAST_MODEL",
)
_SIGNALS = ("claude", "anthropic.")


def run_environment_file(environ: Mapping[str, str]) -> ConfigFile | None:
    """The model variables of this run as one shared source, or None when there are none."""
    values = []
    for name in sorted(environ):
        value = environ[name]
        named = name in MODEL_VARIABLES
        if not named and not (name.endswith("_MODEL") and _looks_like_claude(value)):
            continue
        if not value.strip() or len(value) > 500:
            continue
        values.append(ConfigValue(name, value, Location(f"{RUN_ENVIRONMENT}{name}")))
    if not values:
        return None
    return ConfigFile(RUN_ENVIRONMENT, None, RUN_ENVIRONMENT, "environ", values)


def _looks_like_claude(value: str) -> bool:
    lowered = value.lower()
    return any(signal in lowered for signal in _SIGNALS)
