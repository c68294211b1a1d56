"""promptfoo configs: a provider ID (`anthropic:messages:claude-x`) names the model it calls.

The model part of each Claude-bearing provider ID becomes a value of its own, at its own column,
as an env reference's default does, so the model checks judge it like any other reference and a
fix edits those bytes only. The prefixes are promptfoo's (`src/providers/registry.ts`):
`anthropic:messages:`, `anthropic:completion:`, the `anthropic:<model>` shorthand, `bedrock:`
(`converse:`, `completion:`) and `vertex:`. `anthropic:claude-agent-sdk` and
`anthropic:claude-code` are agent providers, not models; gateways (`openrouter:`, `litellm:`)
name models in their own namespaces and are left to them.
"""

from __future__ import annotations

import re

from checker.scan.columns import LineIndex
from checker.workspace.model import ConfigValue

# promptfoo's `promptfooconfig.yaml`, or any file in a folder that names promptfoo.
MARKER = "promptfoo"

PROVIDER_ID = re.compile(
    r"^(?P<prefix>anthropic:(?:messages:|completion:)?|bedrock:(?:converse:|completion:)?|vertex:)"
    r"(?P<model>\S+)$"
)
_AGENT_PROVIDERS = ("claude-agent-sdk", "claude-code")


def is_promptfoo_config(path: str) -> bool:
    """promptfoo's own file names (`promptfooconfig.yaml`) or a folder that says promptfoo."""
    return MARKER in path.lower()


def provider_model(value: str) -> tuple[str, int] | None:
    """The model a provider ID names and its offset in the value, if it names a Claude model."""
    match = PROVIDER_ID.match(value)
    if match is None:
        return None
    model = match.group("model")
    if "claude" not in model.lower() or model.lower().startswith(_AGENT_PROVIDERS):
        return None
    return model, match.start("model")


def with_provider_models(values: list[ConfigValue], text: str) -> list[ConfigValue]:
    """The values, each provider ID followed by the model it names, at the model's column."""
    lines = LineIndex(text)
    out: list[ConfigValue] = []
    for value in values:
        out.append(value)
        found = provider_model(value.value)
        if found is None:
            continue
        model, offset = found
        out.append(ConfigValue(value.key_path, model, lines.inside(value.location, offset)))
    return out
