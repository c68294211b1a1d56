"""What the API says about each model it serves: the live list is the truth at run time.

`GET /v1/models` and `GET /v1/models/{id}` answer model objects (`id`, `display_name`,
`created_at`, and on newer API versions `max_tokens` / `max_input_tokens`). The model checks read
these instead of the bundled catalog where both speak: a catalog goes stale within weeks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

MAX_TEXT = 120
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029`]+")


@dataclass(frozen=True, slots=True)
class ServedModel:
    """One model the API serves to this key, with the facts its model object states."""

    id: str
    display_name: str | None = None
    created_at: str | None = None
    max_tokens: int | None = None
    max_input_tokens: int | None = None

    def merged(self, other: ServedModel) -> ServedModel:
        """This entry with the facts `other` (a later answer about the same ID) adds."""
        return ServedModel(
            self.id,
            other.display_name or self.display_name,
            other.created_at or self.created_at,
            other.max_tokens if other.max_tokens is not None else self.max_tokens,
            other.max_input_tokens if other.max_input_tokens is not None else self.max_input_tokens,
        )

    def facts(self) -> dict[str, Any]:
        """The facts present, for the live section of the report."""
        known = {
            "display_name": self.display_name,
            "created_at": self.created_at,
            "max_tokens": self.max_tokens,
            "max_input_tokens": self.max_input_tokens,
        }
        return {name: value for name, value in known.items() if value is not None}


def served_model(item: object) -> ServedModel | None:
    """A model object from the API, read defensively: the answer is untrusted JSON."""
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        return None
    return ServedModel(
        id=item["id"],
        display_name=_text(item.get("display_name")),
        created_at=_text(item.get("created_at")),
        max_tokens=_count(item.get("max_tokens")),
        max_input_tokens=_count(item.get("max_input_tokens")),
    )


def _text(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return " ".join(_CONTROL.sub(" ", value).split())[:MAX_TEXT] or None


def _count(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        return None
    return value
