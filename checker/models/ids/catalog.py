"""The model catalog: the bundled `catalog.json` (data, with its as-of date) plus user entries.

The bundled file is trusted data (a test validates it against the pydantic schema in
`catalog_schema.py`); a user's entries are validated at load time. Pydantic is imported only then,
because its import alone would double the gate's start-up time. The checks read frozen dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from checker.data_files import DataFileError, read_data_file
from checker.models.ids.request_rules import RequestRule, merged_rules, parse_rules

BUNDLED_CATALOG = Path(__file__).with_name("catalog.json")
MAX_USER_CATALOG_BYTES = 2_000_000

Status = Literal["active", "legacy", "deprecated", "retired"]
# Bedrock's cross-region inference-profile prefixes in the order a fix should suggest them.
PREFIX_ORDER = {"global": 0, "us": 1, "eu": 2, "jp": 3, "apac": 4, "au": 5}


class CatalogError(ValueError):
    """A catalog file (bundled or the user's `catalog:`) cannot be read or is invalid."""


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """One Claude model: its canonical first-party ID and everything the checks need about it.

    `bedrock_profile_only`: Bedrock serves it on demand only through an inference profile, so a
    bare base ID fails. `vertex_retirement`: Vertex AI's own shutdown, where it differs from the
    Claude API's `retirement`.
    """

    id: str
    name: str
    family: str
    generation: str
    aliases: tuple[str, ...]
    dateless: bool
    status: Status
    deprecated: date | None
    retirement: date | None
    retirement_not_before: date | None
    replacement: str | None
    context_window: int | None
    max_output_tokens: int | None
    bedrock_ids: tuple[str, ...]
    bedrock_prefixes: frozenset[str] | None
    bedrock_profile_only: bool
    vertex_ids: tuple[str, ...]
    vertex_retirement: date | None

    def is_retired(self, today: date) -> bool:
        """An announced retirement date has passed; without a date, the status decides."""
        if self.retirement is not None:
            return self.retirement <= today
        return self.status == "retired"

    def is_deprecated(self, today: date) -> bool:
        """A retirement is announced (status or date) but has not happened yet."""
        if self.is_retired(today):
            return False
        if self.deprecated is not None and self.deprecated > today:
            return False
        return self.status in ("deprecated", "retired") or self.retirement is not None

    def retirement_on(self, platform: str) -> date | None:
        """The retirement date that applies on a platform (`vertex` has its own shutdowns)."""
        if platform == "vertex" and self.vertex_retirement is not None:
            return self.vertex_retirement
        return self.retirement

    def status_on(self, today: date) -> Status:
        """The status that holds on `today`: announced dates beat the stored word."""
        if self.is_retired(today):
            return "retired"
        if self.is_deprecated(today):
            return "deprecated"
        return "legacy" if self.status == "legacy" else "active"

    def profile_prefixes(self) -> tuple[str, ...]:
        """The known inference-profile prefixes, in the order a fix should suggest them."""
        prefixes = self.bedrock_prefixes or frozenset()
        return tuple(sorted(prefixes, key=lambda name: (PREFIX_ORDER.get(name, 99), name)))

    def profile_ids(self) -> tuple[str, ...]:
        """The Bedrock inference-profile IDs known to exist (prefix + base ID), preferred first."""
        prefixes = self.profile_prefixes()
        return tuple(f"{prefix}.{base}" for base in self.bedrock_ids for prefix in prefixes)


@dataclass(frozen=True, slots=True)
class Catalog:
    """Every known model by canonical ID, plus its as-of date and where the data came from, and
    the request rules (which parameters which models reject)."""

    as_of: str
    models: dict[str, ModelInfo]
    sources: tuple[str, ...] = ()
    request_rules: tuple[RequestRule, ...] = ()

    def with_served(self, served: frozenset[str] | None) -> Catalog:
        """The catalog plus bare entries for served IDs the catalog lacks (the live list wins)."""
        if not served:
            return self
        known = set(self.models)
        for model in self.models.values():
            known.update(model.aliases)
        extra = {model_id: _bare(model_id) for model_id in served if model_id not in known}
        if not extra:
            return self
        models = {**self.models, **extra}
        return Catalog(self.as_of, models, self.sources, self.request_rules)


def catalog_as_of() -> str:
    """The as-of date of the bundled catalog (for the report footer)."""
    return load_catalog(None).as_of


@lru_cache(maxsize=8)
def load_catalog(user_path: Path | None) -> Catalog:
    """The bundled catalog merged with the user's entries; cached per user file."""
    bundled = _read_raw(BUNDLED_CATALOG)
    entries: dict[str, dict[str, Any]] = {}
    for raw in bundled.get("models", []):
        entries[str(raw.get("id"))] = dict(raw)
    as_of = str(bundled.get("as_of") or "unknown")
    rules = bundled.get("request_rules")
    if user_path is not None:
        from checker.models.ids.catalog_schema import (  # noqa: PLC0415
            validate_user_catalog,
            validate_user_rules,
        )

        user = _read_raw(user_path)
        for raw in validate_user_catalog(user, user_path.name, entries):
            entries[str(raw["id"])] = raw
        rules = merged_rules(rules, validate_user_rules(user, user_path.name))
    models = {key: _info(raw) for key, raw in entries.items()}
    sources = _sources(bundled.get("sources"))
    return Catalog(as_of, models, sources, parse_rules(rules))


def _read_raw(path: Path) -> dict[str, Any]:
    try:
        data = read_data_file(path, MAX_USER_CATALOG_BYTES)
    except DataFileError as error:
        raise CatalogError(str(error)) from None
    if isinstance(data, list):
        data = {"models": data}
    if not isinstance(data, dict):
        raise CatalogError(f"{path.name}: must be a mapping with a `models` list")
    return data


def _sources(value: object) -> tuple[str, ...]:
    """`sources` is one line of text or a list of them."""
    if value is None:
        return ()
    if isinstance(value, list):
        return tuple(str(item) for item in value)
    return (str(value),)


def _date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _info(raw: dict[str, Any]) -> ModelInfo:
    """A ModelInfo from an entry already known to fit the schema (bundled or validated)."""
    bedrock = raw.get("bedrock") or {}
    prefixes = bedrock.get("prefixes")
    return ModelInfo(
        id=raw["id"],
        name=raw.get("name") or raw["id"],
        family=raw.get("family", ""),
        generation=raw.get("generation", ""),
        aliases=tuple(raw.get("aliases", ())),
        dateless=bool(raw.get("dateless", False)),
        status=raw.get("status", "active"),
        deprecated=_date(raw.get("deprecated")),
        retirement=_date(raw.get("retirement")),
        retirement_not_before=_date(raw.get("retirement_not_before")),
        replacement=raw.get("replacement"),
        context_window=raw.get("context_window"),
        max_output_tokens=raw.get("max_output_tokens"),
        bedrock_ids=tuple(bedrock.get("ids", ())),
        bedrock_prefixes=frozenset(prefixes) if prefixes is not None else None,
        bedrock_profile_only=bool(bedrock.get("profile_only", False)),
        vertex_ids=tuple(raw.get("vertex", ())),
        vertex_retirement=_date(raw.get("vertex_retirement")),
    )


def _bare(model_id: str) -> ModelInfo:
    return ModelInfo(
        id=model_id,
        name=model_id,
        family="",
        generation="",
        aliases=(),
        dateless=False,
        status="active",
        deprecated=None,
        retirement=None,
        retirement_not_before=None,
        replacement=None,
        context_window=None,
        max_output_tokens=None,
        bedrock_ids=(),
        bedrock_prefixes=None,
        bedrock_profile_only=False,
        vertex_ids=(),
        vertex_retirement=None,
    )
