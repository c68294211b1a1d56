"""`.claude-preflight.yml`: the tool's own config file, validated strictly."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from checker.errors import UsageError

CONFIG_FILE_NAME = ".claude-preflight.yml"
MAX_CONFIG_BYTES = 1_000_000


class ConfigFileModel(BaseModel):
    """Every key is optional; see SPEC section 1."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    environments: dict[str, list[str]] | None = None
    production: str | None = None
    model_keys: list[str] = Field(default_factory=list)
    allow_drift: list[str] = Field(default_factory=list)
    required_secrets: list[str] | None = None
    live_check: Literal["off", "auth", "models", "count-tokens", "message"] | None = None
    fail_on: Literal["error", "warning", "never"] | None = None
    ignore: list[str] = Field(default_factory=list)
    deprecation_window: int | None = Field(default=None, ge=0, le=3650)
    catalog: str | None = None

    @field_validator("live_check", mode="before")
    @classmethod
    def _yaml_off_is_false(cls, value: object) -> object:
        """YAML 1.1 reads a bare `off` as false; users mean the level `off`."""
        return "off" if value is False else value


def load_config_file(path: Path) -> ConfigFileModel:
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
        return ConfigFileModel()
    if not isinstance(data, dict):
        raise UsageError(f"{path.name}: must be a mapping of settings")
    try:
        return ConfigFileModel.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(top level)"
        raise UsageError(f"{path.name}: {where}: {first['msg']}") from None


def _loader() -> type[yaml.SafeLoader]:
    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return loader
