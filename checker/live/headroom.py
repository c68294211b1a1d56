"""Rate-limit headroom from `anthropic-ratelimit-{requests,tokens,...}-{limit,remaining,reset}`."""

from __future__ import annotations

from collections.abc import Mapping

PREFIX = "anthropic-ratelimit-"
LIMITS = ("requests", "tokens", "input-tokens", "output-tokens")
FIELDS = ("limit", "remaining", "reset")
MAX_VALUE_CHARS = 40


def parse_headroom(headers: Mapping[str, str]) -> dict[str, dict[str, int | str]]:
    """{"requests": {"limit": 50, "remaining": 49, "reset": "2026-..."}, ...}; empty if absent.

    Counts become ints; anything else (the RFC 3339 reset time) stays a short string.
    """
    headroom: dict[str, dict[str, int | str]] = {}
    for limit in LIMITS:
        figures: dict[str, int | str] = {}
        for name in FIELDS:
            raw = headers.get(f"{PREFIX}{limit}-{name}")
            if raw is None:
                continue
            value = raw.strip()[:MAX_VALUE_CHARS]
            figures[name] = int(value) if value.isascii() and value.isdigit() else value
        if figures:
            headroom[limit] = figures
    return headroom
