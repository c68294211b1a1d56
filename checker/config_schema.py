"""The pydantic schema of `.claude-preflight.yml`: imported only when such a file exists."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from checker.vocabulary import FailOn, LiveLevel


class ConfigFileModel(BaseModel):
    """Every key is optional; unknown keys are rejected (SPEC section 1)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    environments: dict[str, list[str]] | None = None
    production: str | None = None
    model_keys: list[str] = Field(default_factory=list)
    include: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    allow_drift: list[str] = Field(default_factory=list)
    required_secrets: list[str] | None = None
    live_check: LiveLevel | None = None
    fail_on: FailOn | None = None
    ignore: list[str] = Field(default_factory=list)
    deprecation_window: int | None = Field(default=None, ge=0, le=3650)
    catalog: str | None = None

    @field_validator("live_check", mode="before")
    @classmethod
    def _yaml_off_is_false(cls, value: object) -> object:
        """YAML 1.1 reads a bare `off` as false; users mean the level `off`."""
        return "off" if value is False else value
