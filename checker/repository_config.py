"""The repository's own config file, as `--repository-config` says to treat it, and the files it
names.

`use` (the default) applies `.claude-preflight.yml`; `report` reads it and shows its settings in
the summary without applying any (a file that cannot be read is a note, not an exit 2); `ignore`
does not read it at all. The mode applies to whichever config file is in effect, the default one
or `--config PATH`. Every file the config names (`catalog:`) must be a regular file inside the
workspace, symlinks resolved; a config file given with `--config` outside the workspace may also
name files in its own folder. Messages never quote such a path or its contents.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from checker.config_file import CONFIG_FILE_NAME, ProjectConfig, load_config_file
from checker.errors import UsageError
from checker.plain_text import quoted
from checker.provenance import Origin, file_settings
from checker.regular_files import regular_kind
from checker.report import GateSetting


@dataclass(frozen=True, slots=True)
class RepositoryConfig:
    """The config file in effect, what of it applies, and what is only shown."""

    mode: str = "use"
    path: Path | None = None  # the file in effect, read or not
    shown: str | None = None  # its name as the summary shows it (workspace-relative)
    applied: ProjectConfig = field(default_factory=ProjectConfig)
    not_applied: tuple[GateSetting, ...] = ()
    problem: str | None = None  # `report`: why the file could not be shown

    @property
    def origin(self) -> Origin:
        return Origin("config file", self.shown or CONFIG_FILE_NAME)

    @property
    def applied_path(self) -> Path | None:
        return self.path if self.mode == "use" else None


def load_repository_config(given: str | None, mode: str, root: Path) -> RepositoryConfig:
    """Find, read and validate the config file as `mode` says; UsageError on a bad file (`use`)."""
    if mode == "ignore":
        return RepositoryConfig(mode=mode)
    path = _config_path(given, root)
    if path is None:
        return RepositoryConfig(mode=mode)
    shown = shown_path(path, root)
    if mode == "use":
        return RepositoryConfig(mode=mode, path=path, shown=shown, applied=load_config_file(path))
    try:
        config = load_config_file(path)
    except UsageError as error:
        return RepositoryConfig(mode=mode, path=path, shown=shown, problem=str(error))
    origin = Origin("config file", shown)
    return RepositoryConfig(
        mode=mode, path=path, shown=shown, not_applied=file_settings(config, origin)
    )


def shown_path(path: Path, root: Path) -> str:
    """Workspace-relative with `/` when inside, else the file's name only."""
    try:
        return Path(os.path.realpath(path)).relative_to(root).as_posix()
    except ValueError:
        return path.name


def _config_path(given: str | None, root: Path) -> Path | None:
    if given is not None:
        path = Path(given)
        kind = regular_kind(path)
        if kind is not None:
            raise UsageError(f"config file {quoted(given)} (--config / input 'config') is {kind}")
        if not path.is_file():
            raise UsageError(f"config file {quoted(given)} (--config / input 'config') not found")
        return path
    default = root / CONFIG_FILE_NAME
    kind = regular_kind(default)
    if kind is not None:
        raise UsageError(f"{CONFIG_FILE_NAME} is {kind}, not a regular file")
    return default if default.is_file() else None


def named_file(value: str, config: RepositoryConfig, root: Path, key: str) -> Path:
    """A file the config names, resolved and kept inside the workspace (or the folder of a
    config file given outside it); UsageError otherwise, without quoting the path."""
    assert config.path is not None
    where = f"config key '{key}'"
    candidate = Path(value)
    if candidate.is_absolute():
        raise UsageError(f"the file named by {where} must be a path inside the workspace")
    base = Path(os.path.realpath(config.path)).parent
    resolved = Path(os.path.realpath(base / candidate))
    allowed = [root]
    if not _inside(base, root):
        allowed.append(base)
    if not any(_inside(resolved, folder) for folder in allowed):
        raise UsageError(
            f"the file named by {where} is outside the workspace (a `..` or a symlink out of it)"
        )
    kind = regular_kind(resolved)
    if kind is not None:
        raise UsageError(f"the file named by {where} is {kind}, not a regular file")
    if not resolved.is_file():
        raise UsageError(f"the file named by {where} ({quoted(value)}) was not found")
    return resolved


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents
