"""Environments inside one file: wrangler.toml and samconfig.toml sections, and Helm's base values.

Each splits one parsed file into a base (environment None: every environment reads it unless it
overrides the key) and one part per environment, with the environment's prefix taken off the key
paths so that the same setting is the same slot everywhere: wrangler's `env.production.vars.MODEL`
and `vars.MODEL` are both `vars.MODEL`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from checker.findings import Location
from checker.workspace.model import ConfigValue

EnvNamer = Callable[[str], str]
Sections = dict[str | None, list[ConfigValue]]
SECTION_FILES = frozenset({"wrangler.toml", "samconfig.toml"})
HELM_BASES = frozenset({"values.yaml", "values.yml"})
_OVERRIDE = re.compile(
    r"""(?P<key>[A-Za-z0-9_.:-]+)=(?P<quote>["']?)(?P<value>[^\s"']*)(?P=quote)"""
)
_SAM_COMMANDS = frozenset({"deploy", "build", "global", "sync", "package", "validate", "local"})
_SAM_BASE = "default"


def split_sections(name: str, values: list[ConfigValue], env_of: EnvNamer) -> Sections:
    """The file's values by environment (None: the base), for a file named in SECTION_FILES."""
    if name.lower() == "wrangler.toml":
        return _wrangler(values, env_of)
    return _samconfig(values, env_of)


def _wrangler(values: list[ConfigValue], env_of: EnvNamer) -> Sections:
    sections: Sections = {}
    for value in values:
        head, _, rest = value.key_path.partition(".")
        if head == "env" and "." in rest:
            raw, _, key = rest.partition(".")
            sections.setdefault(env_of(raw), []).append(_rekeyed(value, key))
        else:
            sections.setdefault(None, []).append(value)
    return sections


def _samconfig(values: list[ConfigValue], env_of: EnvNamer) -> Sections:
    """`[prod.deploy.parameters]`: `default` is the base; `parameter_overrides` is split up."""
    sections: Sections = {}
    for value in values:
        pieces = value.key_path.split(".", 2)
        if len(pieces) < 3 or pieces[1] not in _SAM_COMMANDS:
            sections.setdefault(None, []).append(value)
            continue
        raw, key = pieces[0], f"{pieces[1]}.{pieces[2]}"
        environment = None if raw == _SAM_BASE else env_of(raw)
        target = sections.setdefault(environment, [])
        if key.rsplit(".", 1)[-1].split("[", 1)[0] == "parameter_overrides":
            target.extend(_overrides(value, key.split("[", 1)[0]))
        else:
            target.append(_rekeyed(value, key))
    return sections


def _overrides(value: ConfigValue, key: str) -> list[ConfigValue]:
    """`"Model=claude-x Stage=prod"` -> one value per parameter, each at its own column."""
    found = []
    where = value.location
    for match in _OVERRIDE.finditer(value.value):
        column = where.column + match.start("value") if where.column is not None else None
        found.append(
            ConfigValue(
                f"{key}.{match.group('key')}",
                match.group("value"),
                Location(where.file, where.line, column),
            )
        )
    return found or [_rekeyed(value, key)]


def _rekeyed(value: ConfigValue, key_path: str) -> ConfigValue:
    return ConfigValue(key_path, value.value, value.location)
