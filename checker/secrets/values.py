"""The secret values one run is asked to provide, resolved once, with how messages name them.

The `api-key` input wins over the env var named by `api-key-env`; an empty input counts as not
given, because GitHub exports every declared input, empty when the workflow gives none.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from checker.settings import Settings

QUOTES = "'\"`"


@dataclass(frozen=True, slots=True)
class SecretSlot:
    """One required secret: env var name, raw value (None when unset), where it came from."""

    name: str
    value: str | None
    is_api_key: bool = False
    from_input: bool = False

    @property
    def label(self) -> str:
        """How a message names this slot: never the value, always where the user sets it."""
        return "The `api-key` input" if self.from_input else f"`{self.name}`"

    @property
    def present(self) -> bool:
        return bool(self.value and self.value.strip())


def resolve_slots(settings: Settings, environ: Mapping[str, str]) -> list[SecretSlot]:
    """Every required secret, the API key first."""
    given = settings.api_key.get_secret_value() if settings.api_key else ""
    slots = []
    for name in settings.required_secrets:
        if name == settings.api_key_env:
            if given:
                slots.append(SecretSlot(name, given, is_api_key=True, from_input=True))
            else:
                slots.append(SecretSlot(name, environ.get(name), is_api_key=True))
        else:
            slots.append(SecretSlot(name, environ.get(name)))
    return slots


def unwrap(value: str) -> str:
    """The value without surrounding whitespace and one layer of matching quotes."""
    stripped = value.strip()
    if len(stripped) >= 2 and stripped[0] == stripped[-1] and stripped[0] in QUOTES:
        return stripped[1:-1].strip()
    return stripped.strip(QUOTES).strip()
