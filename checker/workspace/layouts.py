"""Zero-config layouts (SPEC section 2): which file is which environment's config, in which group.

A file matches at most one layout. Directory layouts (`config/ENV/**`, `environments/ENV/**`,
`deploy/ENV/**`, `overlays/ENV/**`) win over file-name layouts, and the deepest such directory wins,
so `deploy/prod/values-prod.yaml` and `deploy/staging/values-staging.yaml` land in the same group.

The group is the folder prefix before the layout ("" at the workspace root):

- `services/billing/config/prod.yaml`, `services/billing/config/prod/app.yaml`,
  `services/billing/deploy/prod/app.yaml`, `services/billing/configs/prod.env` -> `services/billing`
- `.env.ENV`, `ENV.env`, `app.ENV.json`, `appsettings.ENV.json`, `values-ENV.yaml`,
  `values.ENV.yaml` -> the folder holding the file (a Helm chart's folder for values files)
- `application-ENV.yml` -> its folder, without a trailing `src/main/resources` (Spring's convention)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from checker.workspace.names import canonical_env

FORMATS_BY_EXTENSION = {
    "yaml": "yaml",
    "yml": "yaml",
    "json": "json",
    "toml": "toml",
    "properties": "properties",
    "env": "dotenv",
}
ENV_DIRECTORIES = frozenset({"config", "environments", "deploy", "overlays"})
CONFIG_EXTENSIONS = frozenset({"yaml", "yml", "json", "toml", "env"})  # `ENV.env` is a layout too
SPRING_RESOURCES = ("src", "main", "resources")


@dataclass(frozen=True, slots=True)
class LayoutMatch:
    """A discovered file: canonical environment, group and parser format."""

    environment: str
    group: str
    format: str


def format_of(name: str) -> str | None:
    """The parser for a file name, by extension; `.env` and `.env.*` are dotenv."""
    lowered = name.lower()
    if lowered == ".env" or lowered.startswith(".env."):
        return "dotenv"
    _, dot, extension = lowered.rpartition(".")
    return FORMATS_BY_EXTENSION.get(extension) if dot else None


EnvNamer = Callable[[str], "str | None"]


def match_layout(parts: list[str], env_of: EnvNamer = canonical_env) -> LayoutMatch | None:
    """Match a workspace-relative path (split on `/`) against every zero-config layout.

    `env_of` turns a name found in the path into an environment (None: not an environment name).
    """
    return _directory_layout(parts, env_of) or _file_layout(parts, env_of)


def _directory_layout(parts: list[str], env_of: EnvNamer) -> LayoutMatch | None:
    for index in range(len(parts) - 3, -1, -1):
        if parts[index].lower() not in ENV_DIRECTORIES:
            continue
        environment = env_of(parts[index + 1])
        if environment is None:
            continue
        file_format = format_of(parts[-1])
        if file_format is None:
            return None
        return LayoutMatch(environment, "/".join(parts[:index]), file_format)
    return None


def _file_layout(parts: list[str], env_of: EnvNamer) -> LayoutMatch | None:
    return _folder_file(parts, env_of) or _named_file(parts, env_of)


def _folder_file(parts: list[str], env_of: EnvNamer) -> LayoutMatch | None:
    """`config/ENV.ext`, `configs/ENV.*`, `settings/ENV.*`: the group is the folder's parent."""
    if len(parts) < 2:
        return None
    parent = parts[-2].lower()
    stem, dot, extension = parts[-1].lower().rpartition(".")
    if not dot or parent not in ("config", "configs", "settings"):
        return None
    if parent == "config" and extension not in CONFIG_EXTENSIONS:
        return None
    environment = env_of(stem)
    file_format = FORMATS_BY_EXTENSION.get(extension)
    if environment is None or file_format is None:
        return None
    return LayoutMatch(environment, "/".join(parts[:-2]), file_format)


def _named_file(parts: list[str], env_of: EnvNamer) -> LayoutMatch | None:
    """File-name layouts that carry the environment in the name itself; the group is the folder."""
    name = parts[-1].lower()
    folder = parts[:-1]
    pieces = name.split(".")
    raw: str | None = None
    file_format = ""
    if name.startswith(".env.") and len(pieces) == 3:
        raw, file_format = pieces[2], "dotenv"
    elif len(pieces) == 2 and pieces[1] == "env":
        raw, file_format = pieces[0], "dotenv"
    elif len(pieces) == 3 and pieces[0] == "app" and pieces[2] == "json":
        raw, file_format = pieces[1], "json"
    elif len(pieces) == 3 and pieces[0] == "appsettings" and pieces[2] == "json":
        raw, file_format = pieces[1], "jsonc"  # .NET allows comments and trailing commas
    elif len(pieces) == 3 and pieces[0] == "values" and pieces[2] in ("yaml", "yml"):
        raw, file_format = pieces[1], "yaml"
    elif len(pieces) == 2 and pieces[0].startswith("values-") and pieces[1] in ("yaml", "yml"):
        raw, file_format = pieces[0].removeprefix("values-"), "yaml"
    elif (
        len(pieces) == 2
        and pieces[0].startswith("application-")
        and pieces[1] in ("yml", "yaml", "properties")
    ):
        raw = pieces[0].removeprefix("application-")
        file_format = "properties" if pieces[1] == "properties" else "yaml"
    environment = env_of(raw) if raw is not None else None
    if environment is None:
        return None
    if name.startswith("application-") and _is_spring(folder):
        folder = folder[: -len(SPRING_RESOURCES)]
    return LayoutMatch(environment, "/".join(folder), file_format)


def _is_spring(folder: list[str]) -> bool:
    return tuple(part.lower() for part in folder[-len(SPRING_RESOURCES) :]) == SPRING_RESOURCES
