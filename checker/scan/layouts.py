"""THE table of zero-config layouts (SPEC section 2): which file is which environment's config.

Each row says, in its `pattern`, what the README's "Where it looks" section shows (generated from
this table), and how the group is found. A file matches at most one row, tried in table order:
folder rows (`config/ENV/**`, ...) first, where the deepest such folder wins, so
`deploy/prod/values-prod.yaml` and `deploy/staging/values-staging.yaml` land in the same group.

The group is the folder prefix before the layout (`""` at the workspace root):

- `services/billing/config/prod.yaml`, `services/billing/config/prod/app.yaml` -> `services/billing`
- name rows (`.env.ENV`, `values-ENV.yaml`, `prod.tfvars`, ...) -> the folder holding the file
- `application-ENV.yml` -> its folder, without a trailing `src/main/resources` (Spring's convention)
- `ENV/*.tfvars` -> the folder above the ENV folder
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from checker.scan.kinds import structured_format
from checker.workspace.names import canonical_env

EnvNamer = Callable[[str], "str | None"]
GroupRule = Literal["above-folder", "folder", "spring", "above-env-folder"]
SPRING_RESOURCES = ("src", "main", "resources")


@dataclass(frozen=True, slots=True)
class LayoutMatch:
    """A file attributed to an environment: canonical environment, group and reader format."""

    environment: str
    group: str
    format: str


@dataclass(frozen=True, slots=True)
class FolderLayout:
    """`WORD/ENV/**`: every config file below an environment-named folder under WORD."""

    pattern: str
    word: str


@dataclass(frozen=True, slots=True)
class NameLayout:
    """A file whose own name, or its folder's, carries the environment."""

    pattern: str
    name: re.Pattern[str]
    group: GroupRule
    parents: frozenset[str] = frozenset()  # the folder the file must sit in, when any
    extensions: frozenset[str] = frozenset()  # allowed extensions, when restricted


def _name(regex: str) -> re.Pattern[str]:
    return re.compile(regex, re.IGNORECASE)


_CONFIG_EXTENSIONS = frozenset({"yaml", "yml", "json", "toml", "env"})
FOLDER_LAYOUTS = tuple(
    FolderLayout(f"{word}/ENV/**", word)
    for word in ("config", "environments", "deploy", "overlays")
)
NAME_LAYOUTS = (
    NameLayout(
        "config/ENV.{yaml,yml,json,toml,env}",
        _name(r"(?P<env>[^.]+)\.[^.]+"),
        "above-folder",
        frozenset({"config"}),
        _CONFIG_EXTENSIONS,
    ),
    NameLayout(
        "configs/ENV.*", _name(r"(?P<env>[^.]+)\.[^.]+"), "above-folder", frozenset({"configs"})
    ),
    NameLayout(
        "settings/ENV.*", _name(r"(?P<env>[^.]+)\.[^.]+"), "above-folder", frozenset({"settings"})
    ),
    NameLayout(
        "environments/ENV.*",
        _name(r"(?P<env>[^.]+)\.[^.]+"),
        "above-folder",
        frozenset({"environments"}),
    ),
    NameLayout(".env.ENV", _name(r"\.env\.(?P<env>[^.]+)"), "folder"),
    NameLayout("ENV.env", _name(r"(?P<env>[^.]+)\.env"), "folder"),
    NameLayout("app.ENV.json", _name(r"app\.(?P<env>[^.]+)\.json"), "folder"),
    NameLayout("appsettings.ENV.json", _name(r"appsettings\.(?P<env>[^.]+)\.json"), "folder"),
    NameLayout("**/values-ENV.yaml", _name(r"values-(?P<env>[^.]+)\.ya?ml"), "folder"),
    NameLayout("**/values.ENV.yaml", _name(r"values\.(?P<env>[^.]+)\.ya?ml"), "folder"),
    NameLayout(
        "application-ENV.{yml,yaml,properties}",
        _name(r"application-(?P<env>[^.]+)\.(?:ya?ml|properties)"),
        "spring",
    ),
    NameLayout(
        "docker-compose.ENV.{yml,yaml}", _name(r"docker-compose\.(?P<env>[^.]+)\.ya?ml"), "folder"
    ),
    NameLayout("compose.ENV.{yml,yaml}", _name(r"compose\.(?P<env>[^.]+)\.ya?ml"), "folder"),
    NameLayout("**/ENV.tfvars", _name(r"(?P<env>[^.]+)\.tfvars"), "folder"),
    NameLayout("**/ENV/*.tfvars", _name(r"[^/]*\.tfvars"), "above-env-folder"),
)
SECTION_LAYOUTS = (
    ("wrangler.toml", "`[vars]` is the base, `[env.ENV.vars]` the environment"),
    ("samconfig.toml", "`[ENV.deploy.parameters]`, `parameter_overrides` included"),
    ("Helm `values.yaml`", "the base that each `values-ENV.yaml` beside it overrides"),
)


# Every zero-config environment name contains one of these: a path with none is no layout.
_ALIAS_CORES = (
    "dev",
    "local",
    "test",
    "qa",
    "uat",
    "stag",
    "stg",
    "preprod",
    "prod",
    "prd",
    "live",
)


def match_layout(parts: list[str], env_of: EnvNamer = canonical_env) -> LayoutMatch | None:
    """Match a workspace-relative path (split on `/`) against every row of the table.

    `env_of` turns a name found in the path into an environment (None: not an environment name).
    With the zero-config names, a path that holds none of them anywhere is rejected at once.
    """
    if env_of is canonical_env:
        lowered = "/".join(parts).lower()
        if not any(core in lowered for core in _ALIAS_CORES):
            return None
    return _folder_layout(parts, env_of) or _name_layout(parts, env_of)


def _folder_layout(parts: list[str], env_of: EnvNamer) -> LayoutMatch | None:
    words = {layout.word for layout in FOLDER_LAYOUTS}
    for index in range(len(parts) - 3, -1, -1):
        if parts[index].lower() not in words:
            continue
        environment = env_of(parts[index + 1])
        if environment is None:
            continue
        file_format = structured_format(parts[-1])
        if file_format is None:
            return None
        return LayoutMatch(environment, "/".join(parts[:index]), file_format)
    return None


def _name_layout(parts: list[str], env_of: EnvNamer) -> LayoutMatch | None:
    name = parts[-1]
    folder = parts[:-1]
    file_format = structured_format(name)
    if file_format is None:
        return None
    extension = name.rpartition(".")[2].lower()
    for layout in NAME_LAYOUTS:
        if layout.parents and (not folder or folder[-1].lower() not in layout.parents):
            continue
        if layout.extensions and extension not in layout.extensions:
            continue
        match = layout.name.fullmatch(name)
        if match is None:
            continue
        raw = match.groupdict().get("env") or (folder[-1] if folder else None)
        environment = env_of(raw) if raw else None
        if environment is None:
            continue
        return LayoutMatch(environment, _group(layout.group, folder), file_format)
    return None


def _group(rule: GroupRule, folder: list[str]) -> str:
    if rule in ("above-folder", "above-env-folder"):
        return "/".join(folder[:-1])
    if rule == "spring" and tuple(p.lower() for p in folder[-3:]) == SPRING_RESOURCES:
        return "/".join(folder[:-3])
    return "/".join(folder)


def layout_patterns() -> list[str]:
    """Every row's pattern, in table order: what the README lists."""
    return [layout.pattern for layout in FOLDER_LAYOUTS] + [
        layout.pattern for layout in NAME_LAYOUTS
    ]
