"""Defaults of env references count as references (SPEC section 2): `${CLAUDE_MODEL:-claude-x}`.

When the variable is unset, the default is what runs, so `${VAR:-default}`, `${VAR-default}`,
`${VAR:=default}`, `${VAR=default}` and Spring's `${property:default}` each add their default as
a value of the same key path, at the default's own column.
"""

from __future__ import annotations

import re

from checker.scan.columns import LineIndex
from checker.workspace.model import ConfigValue

_DEFAULT = re.compile(
    r"\$\{(?P<name>[A-Za-z_][\w.\-]*?)(?::-|-|:=|=|:(?![?+]))(?P<default>[^{}$]+)\}"
)
MAX_DEFAULTS_PER_VALUE = 8


def with_defaults(values: list[ConfigValue], text: str) -> list[ConfigValue]:
    """The values, each followed by the defaults its references carry."""
    if not any("${" in value.value for value in values):
        return values
    lines = LineIndex(text)
    out: list[ConfigValue] = []
    for value in values:
        out.append(value)
        if "${" not in value.value:
            continue
        where = value.location
        for match in list(_DEFAULT.finditer(value.value))[:MAX_DEFAULTS_PER_VALUE]:
            default = match.group("default")
            if not default.strip():
                continue
            out.append(
                ConfigValue(value.key_path, default, lines.inside(where, match.start("default")))
            )
    return out
