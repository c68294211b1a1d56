"""`.claude-preflight.yml`: the tool's own config file, validated strictly.

Validation uses pydantic (`config_schema.py`), imported only when the file exists: most runs have
none, and pydantic's import alone would double the gate's start-up time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checker.data_files import DataFileError, read_data_file, validation_message
from checker.errors import UsageError
from checker.vocabulary import FailOn, LiveLevel

CONFIG_FILE_NAME = ".claude-preflight.yml"
MAX_CONFIG_BYTES = 1_000_000


@dataclass(frozen=True, slots=True)
class ProjectConfig:
    """The validated file's values; every field None or empty when the file is absent."""

    environments: dict[str, list[str]] | None = None
    production: str | None = None
    model_keys: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    allow_drift: tuple[str, ...] = ()
    required_secrets: tuple[str, ...] | None = None
    live_check: LiveLevel | None = None
    fail_on: FailOn | None = None
    ignore: tuple[str, ...] = ()
    deprecation_window: int | None = None
    catalog: str | None = None


def load_config_file(path: Path) -> ProjectConfig:
    """Read and validate the config file; every problem is a one-line UsageError."""
    try:
        data = read_data_file(path, MAX_CONFIG_BYTES)
    except DataFileError as error:
        raise UsageError(str(error)) from None
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
        raise UsageError(f"{path.name}: {validation_message(error)}") from None
    return ProjectConfig(
        environments=model.environments,
        production=model.production,
        model_keys=tuple(model.model_keys),
        include=tuple(model.include),
        exclude=tuple(model.exclude),
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
