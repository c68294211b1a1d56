"""`.claude-preflight.yml`: the tool's own config file, validated strictly.

Validation uses pydantic (`config_schema.py`), imported only when the file exists: most runs have
none, and pydantic's import alone would double the gate's start-up time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from checker.errors import UsageError

CONFIG_FILE_NAME = ".claude-preflight.yml"
MAX_CONFIG_BYTES = 1_000_000


@dataclass(frozen=True, slots=True)
class ProjectConfig:
    """The validated file's values; every field None or empty when the file is absent."""

    environments: dict[str, list[str]] | None = None
    production: str | None = None
    model_keys: tuple[str, ...] = ()
    allow_drift: tuple[str, ...] = ()
    required_secrets: tuple[str, ...] | None = None
    live_check: str | None = None
    fail_on: str | None = None
    ignore: tuple[str, ...] = ()
    deprecation_window: int | None = None
    catalog: str | None = None


def load_config_file(path: Path) -> ProjectConfig:
    """Read and validate the config file; every problem is a one-line UsageError."""
    try:
        if path.stat().st_size > MAX_CONFIG_BYTES:
            raise UsageError(f"{path.name}: larger than {MAX_CONFIG_BYTES} bytes")
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{path.name}: cannot be read ({type(error).__name__})") from None
    try:
        data = yaml.load(text, Loader=_loader())  # noqa: S506 - a safe loader, C or pure Python
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise UsageError(f"{path.name}{where}: {problem}") from None
    if data is None:
        return ProjectConfig()
    if not isinstance(data, dict):
        raise UsageError(f"{path.name}: must be a mapping of settings")
    return _validate(path, data)


def _validate(path: Path, data: dict[object, object]) -> ProjectConfig:
    from pydantic import ValidationError  # noqa: PLC0415 - see the module docstring

    from checker.config_schema import ConfigFileModel  # noqa: PLC0415

    try:
        model = ConfigFileModel.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(top level)"
        raise UsageError(f"{path.name}: {where}: {first['msg']}") from None
    return ProjectConfig(
        environments=model.environments,
        production=model.production,
        model_keys=tuple(model.model_keys),
        allow_drift=tuple(model.allow_drift),
        required_secrets=(
            tuple(model.required_secrets) if model.required_secrets is not None else None
        ),
        live_check=model.live_check,
        fail_on=model.fail_on,
        ignore=tuple(model.ignore),
        deprecation_window=model.deprecation_window,
        catalog=model.catalog,
    )


def _loader() -> type[yaml.SafeLoader]:
    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return loader
