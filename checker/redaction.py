"""One redaction step that every reporter passes its text through before it leaves the process.

Two layers: the exact secret values of this run (and their stripped/quoted variants) are replaced,
and anything shaped like an Anthropic credential is replaced whatever its source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

REDACTED = "[REDACTED]"
MIN_SECRET_LENGTH = 4

KEY_SHAPED = re.compile(r"sk-ant-[A-Za-z0-9]{2,12}-[A-Za-z0-9_\-]{8,}|sk-ant-[A-Za-z0-9_\-]{12,}")


class Redactor:
    """Replaces known secret values and key-shaped strings in any text."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._secrets: list[str] = []
        for value in secrets:
            self.add(value)

    def add(self, value: str) -> None:
        """Register a secret and the variants a reporter might see (stripped, unquoted)."""
        for variant in _variants(value):
            if len(variant) >= MIN_SECRET_LENGTH and variant not in self._secrets:
                self._secrets.append(variant)
        self._secrets.sort(key=len, reverse=True)

    @property
    def secrets(self) -> tuple[str, ...]:
        return tuple(self._secrets)

    def __call__(self, text: str) -> str:
        for secret in self._secrets:
            if secret in text:
                text = text.replace(secret, REDACTED)
        return KEY_SHAPED.sub(REDACTED, text)


def _variants(value: str) -> list[str]:
    stripped = value.strip()
    unquoted = stripped.strip("'\"").strip()
    return [value, stripped, unquoted]
