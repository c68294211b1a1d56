"""Pydantic schema of catalog files: validates a user's `catalog:` entries (and, in tests, the
bundled file). Imported only when a user catalog is configured."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from checker.data_files import validation_message
from checker.models.ids.catalog import CatalogError
from checker.models.ids.request_rules import Check, Code, generation_key
from checker.plain_text import quoted
from checker.read.calls.model import CallKind

Status = Literal["active", "legacy", "deprecated", "retired"]
# An inference-profile prefix as Bedrock writes it before `anthropic.`: `us`, `eu`, `global`, ...
Prefix = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z-]{1,9}$")]


class _BedrockEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ids: list[str] = Field(default_factory=list)
    prefixes: list[Prefix] | None = None
    # Bedrock serves the model on demand only through an inference profile (a bare base ID fails).
    profile_only: bool = False


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
    # Vertex AI's own shutdown date, where it differs from the Claude API's `retirement`.
    vertex_retirement: date | None = None
    note: str | None = None


class _ModelRange(BaseModel):
    """`{"from": "4.7"}`, `{"families": ["haiku"], "from": "4.5", "to": "4.5"}`."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    families: list[str] = Field(default_factory=list)
    low: str | None = Field(default=None, alias="from")
    high: str | None = Field(default=None, alias="to")
    label: str = ""

    @model_validator(mode="after")
    def _generations(self) -> _ModelRange:
        for bound in (self.low, self.high):
            if bound is not None and generation_key(bound) is None:
                raise ValueError(f"generation {bound!r} is not MAJOR or MAJOR.MINOR")
        return self


class _RequestRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    code: Code
    check: Check
    parameters: list[str] = Field(min_length=1)
    calls: list[CallKind] = Field(min_length=1)
    models: _ModelRange | None = None
    value: str | None = None
    accepts: dict[str, list[float | str]] = Field(default_factory=dict)
    message: str = Field(min_length=1)
    fix: str = Field(min_length=1)
    api_message: str | None = None
    source: str | None = None

    @model_validator(mode="after")
    def _complete(self) -> _RequestRule:
        if self.check in ("equals", "first_role", "last_role", "has_role") and not self.value:
            raise ValueError(f"a `{self.check}` rule needs a `value`")
        if self.check == "together" and len(self.parameters) < 2:
            raise ValueError("a `together` rule names at least two parameters")
        return self


class _CatalogFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    as_of: date | None = None
    sources: str | list[str] | None = None
    notes: list[str] = Field(default_factory=list)
    models: list[dict[str, Any]] = Field(default_factory=list)
    request_rules: list[_RequestRule] = Field(default_factory=list)


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
            entry = _ModelEntry.model_validate(_over(bundled.get(key, {}), raw))
        except ValidationError as error:
            message = validation_message(error)
            raise CatalogError(f"catalog entry {quoted(key, 80)}: {message}") from None
        merged.append(entry.model_dump())
    return merged


def validate_user_rules(data: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """The user file's `request_rules`, validated (they replace bundled rules of the same id)."""
    try:
        catalog_file = _CatalogFile.model_validate(data)
    except ValidationError as error:
        raise CatalogError(f"{name}: {validation_message(error)}") from None
    return [
        rule.model_dump(by_alias=True, exclude_none=True) for rule in catalog_file.request_rules
    ]


def _over(bundled: dict[str, Any], raw: dict[str, Any]) -> dict[str, Any]:
    """A user entry over the bundled one; `bedrock` one level deep, so that giving only
    `profile_only` or `prefixes` keeps the bundled Bedrock IDs."""
    merged = {**bundled, **raw}
    if isinstance(bundled.get("bedrock"), dict) and isinstance(raw.get("bedrock"), dict):
        merged["bedrock"] = {**bundled["bedrock"], **raw["bedrock"]}
    return merged


def validate_bundled(data: dict[str, Any]) -> None:
    """Raise if the bundled catalog does not fit the schema (run by the test suite)."""
    catalog_file = _CatalogFile.model_validate(data)
    for raw in catalog_file.models:
        _ModelEntry.model_validate(raw)
