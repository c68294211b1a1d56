"""Pydantic schema of catalog files: validates a user's `catalog:` entries (and, in tests, the
bundled file). Imported only when a user catalog is configured."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker.data_files import validation_message
from checker.models.ids.catalog import CatalogError

Status = Literal["active", "legacy", "deprecated", "retired"]


class _BedrockEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ids: list[str] = Field(default_factory=list)
    prefixes: list[str] | None = None


class _ModelEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    name: str = ""
    family: str = ""
    generation: str = ""
    aliases: list[str] = Field(default_factory=list)
    pinned: bool = True
    dateless: bool = False
    status: Status = "active"
    deprecated: date | None = None
    retirement: date | None = None
    retirement_not_before: date | None = None
    replacement: str | None = None
    context_window: int | None = Field(default=None, gt=0)
    max_output_tokens: int | None = Field(default=None, gt=0)
    bedrock: _BedrockEntry = Field(default_factory=_BedrockEntry)
    vertex: list[str] = Field(default_factory=list)
    note: str | None = None


class _CatalogFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    as_of: date | None = None
    sources: str | None = None
    notes: list[str] = Field(default_factory=list)
    models: list[dict[str, Any]] = Field(default_factory=list)


def validate_user_catalog(
    data: dict[str, Any], name: str, bundled: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """Each user entry merged over the bundled one of the same ID, validated; JSON-able dicts."""
    try:
        catalog_file = _CatalogFile.model_validate(data)
    except ValidationError as error:
        raise CatalogError(f"{name}: {validation_message(error)}") from None
    merged = []
    for raw in catalog_file.models:
        key = str(raw.get("id"))
        try:
            entry = _ModelEntry.model_validate({**bundled.get(key, {}), **raw})
        except ValidationError as error:
            message = validation_message(error)
            raise CatalogError(f"catalog entry {key[:80]!r}: {message}") from None
        merged.append(entry.model_dump())
    return merged


def validate_bundled(data: dict[str, Any]) -> None:
    """Raise if the bundled catalog does not fit the schema (run by the test suite)."""
    catalog_file = _CatalogFile.model_validate(data)
    for raw in catalog_file.models:
        _ModelEntry.model_validate(raw)
