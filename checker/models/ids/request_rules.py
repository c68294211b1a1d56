"""Request rules: which request parameters the API rejects, and for which models, as data.

They live in the catalog's `request_rules` list, beside the models they are about: a new model
falls into the version ranges already written, and a model that changes the rules is a catalog
edit. Each rule names one of a few `check`s (the only code per rule), the call kinds it applies
to, the model range (none: whatever the model), the API's own message where it is known, and the
words of its finding (templates filled from named facts).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from checker.models.ids.catalog import ModelInfo

# The finding codes a request rule can raise: a catalog naming another would have no words.
Code = Literal["REQ001", "REQ002"]
Check = Literal["set", "together", "equals", "first_role", "last_role", "has_role", "missing"]
CHECKS: tuple[Check, ...] = (
    "set", "together", "equals", "first_role", "last_role", "has_role", "missing",
)  # fmt: skip
_GENERATION = re.compile(r"^(\d+)(?:\.(\d+))?$")


def generation_key(generation: str) -> tuple[int, int] | None:
    """`4.5` -> (4, 5), `5` -> (5, 0); None for a generation the catalog does not state."""
    match = _GENERATION.match(generation.strip())
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2) or 0)


@dataclass(frozen=True, slots=True)
class ModelRange:
    """Models by family and generation, both bounds included (`4.7` and later: low only)."""

    families: frozenset[str]
    low: tuple[int, int] | None
    high: tuple[int, int] | None
    label: str

    def covers(self, model: ModelInfo) -> bool:
        if self.families and model.family not in self.families:
            return False
        key = generation_key(model.generation)
        if key is None:
            return False
        return (self.low is None or key >= self.low) and (self.high is None or key <= self.high)


@dataclass(frozen=True, slots=True)
class RequestRule:
    """One request the API rejects. `accepts` lists the values a `set` check lets through
    (a parameter's default); `value` is what `equals` and the role checks look for."""

    id: str
    code: Code
    check: Check
    parameters: tuple[str, ...]
    calls: frozenset[str]
    models: ModelRange | None
    message: str
    fix: str
    api_message: str | None = None
    value: str | None = None
    accepts: Mapping[str, tuple[float | str, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )


def parse_rules(raw: object) -> tuple[RequestRule, ...]:
    """The rules of a catalog file already known to fit the schema."""
    if not isinstance(raw, list):
        return ()
    return tuple(_rule(entry) for entry in raw if isinstance(entry, dict))


def merged_rules(bundled: object, user: object) -> list[dict[str, Any]]:
    """The bundled rules with the user's over them, by `id` (a new id adds a rule)."""
    rules: dict[str, dict[str, Any]] = {}
    for entries in (bundled, user):
        for entry in entries if isinstance(entries, list) else ():
            if isinstance(entry, dict):
                rules[str(entry.get("id"))] = entry
    return list(rules.values())


def _rule(raw: dict[str, Any]) -> RequestRule:
    models = raw.get("models")
    accepts = raw.get("accepts") or {}
    return RequestRule(
        id=str(raw["id"]),
        code=raw["code"],
        check=raw["check"],
        parameters=tuple(raw.get("parameters", ())),
        calls=frozenset(raw.get("calls", ())),
        models=_range(models) if isinstance(models, dict) else None,
        message=str(raw["message"]),
        fix=str(raw["fix"]),
        api_message=raw.get("api_message"),
        value=raw.get("value"),
        accepts=MappingProxyType({str(key): tuple(values) for key, values in accepts.items()}),
    )


def _range(raw: dict[str, Any]) -> ModelRange:
    low = generation_key(str(raw["from"])) if raw.get("from") is not None else None
    high = generation_key(str(raw["to"])) if raw.get("to") is not None else None
    families = frozenset(raw.get("families") or ())
    return ModelRange(families, low, high, str(raw.get("label") or ""))
