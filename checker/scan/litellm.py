"""LiteLLM proxy configs: production's, keyed by entry name, client-facing names left alone.

A proxy config (`model_list` at the top) is what the proxy serves, so it is production's. Its
`model_list` entries become slots keyed by their `model_name` instead of their list position, so
reordering the list between two files is not drift. `model_name` itself and the `models`
allow-lists of teams and keys are names that clients ask for, not model IDs.
"""

from __future__ import annotations

import re

from checker.workspace.model import ConfigValue

_ENTRY = re.compile(r"^(?P<list>[^\[\]]*)\[(?P<index>\d+)\](?P<rest>.*)$")
_ENTRY_NAMES = ("model_name", "name", "id")
_CLIENT_NAMES = re.compile(r"(?:^|\.)models\[\d+\]$")


def is_litellm_config(values: list[ConfigValue]) -> bool:
    """A LiteLLM proxy config has its `model_list` at the top level."""
    return any(value.key_path.startswith("model_list[") for value in values)


def keyed_by_name(values: list[ConfigValue], *, litellm: bool) -> list[ConfigValue]:
    """List entries that carry a name are keyed by it: `model_list[claude-sonnet].litellm_params`.

    In a LiteLLM config, `model_name` values and `models` allow-lists are dropped.
    """
    names: dict[str, str] = {}
    for value in values:
        match = _ENTRY.match(value.key_path)
        if match and match.group("rest").lstrip(".") in _ENTRY_NAMES and value.value.strip():
            prefix = f"{match.group('list')}[{match.group('index')}]"
            names.setdefault(prefix, value.value.strip())
    if not names and not litellm:
        return values
    kept = []
    for value in values:
        key_path = value.key_path
        if litellm and (key_path.endswith(".model_name") or _CLIENT_NAMES.search(key_path)):
            continue
        match = _ENTRY.match(key_path)
        if match:
            prefix = f"{match.group('list')}[{match.group('index')}]"
            name = names.get(prefix)
            if name is not None:
                key_path = f"{match.group('list')}[{name}]{match.group('rest')}"
        kept.append(
            value
            if key_path == value.key_path
            else ConfigValue(key_path, value.value, value.location)
        )
    return kept
