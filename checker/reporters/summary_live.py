"""The live check's part of the summary: what was called, per-model results, rate-limit headroom."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

RATE_LIMIT_NAMES = {
    "requests": "Requests",
    "tokens": "Tokens",
    "input-tokens": "Input tokens",
    "output-tokens": "Output tokens",
}
LOW_HEADROOM_PERCENT = 20
MAX_LIVE_MODELS = 200


@dataclass(frozen=True, slots=True)
class LiveModel:
    """One checked model; `about` describes, from the API's answer, a model the catalog lacks."""

    id: str
    resolved: str | None
    ok: bool | None
    status: str | None
    latency_ms: int | None
    checked: list[str]
    about: str | None = None


@dataclass(frozen=True, slots=True)
class RateLimit:
    name: str
    limit: int | None
    remaining: int | None
    reset: str | None

    @property
    def headroom(self) -> int | None:
        """Remaining capacity in percent of the limit, when both are known."""
        if self.limit is None or self.remaining is None or self.limit <= 0:
            return None
        return max(0, min(100, round(100 * self.remaining / self.limit)))

    @property
    def low(self) -> bool:
        return self.headroom is not None and self.headroom < LOW_HEADROOM_PERCENT


@dataclass(frozen=True, slots=True)
class LiveView:
    level: str | None = None
    skipped: str | None = None
    base_url: str | None = None
    calls: int | None = None
    duration_ms: int | None = None
    tokens_in: int | None = None
    tokens_out: int | None = None
    models: list[LiveModel] = field(default_factory=list)
    rate_limits: list[RateLimit] = field(default_factory=list)


def live_view(live: Mapping[str, Any]) -> LiveView:
    raw_tokens = live.get("tokens")
    tokens: Mapping[str, Any] = raw_tokens if isinstance(raw_tokens, Mapping) else {}
    return LiveView(
        level=_text(live.get("level")),
        skipped=_text(live.get("skipped")),
        base_url=_text(live.get("base_url")),
        calls=_int(live.get("calls")),
        duration_ms=_int(live.get("duration_ms")),
        tokens_in=_int(tokens.get("input")),
        tokens_out=_int(tokens.get("output")),
        models=_models(live.get("models")),
        rate_limits=_rate_limits(live.get("rate_limits")),
    )


def _models(value: object) -> list[LiveModel]:
    if not isinstance(value, list):
        return []
    rows = []
    for item in value[:MAX_LIVE_MODELS]:
        if not isinstance(item, Mapping) or not item.get("id"):
            continue
        ok = item.get("ok")
        checked = item.get("checked")
        rows.append(
            LiveModel(
                id=str(item["id"]),
                resolved=_text(item.get("resolved")),
                ok=ok if isinstance(ok, bool) else None,
                status=_text(item.get("status")),
                latency_ms=_int(item.get("latency_ms")),
                checked=[str(step) for step in checked] if isinstance(checked, list) else [],
                about=_about(item),
            )
        )
    return rows


def _about(item: Mapping[str, Any]) -> str | None:
    """`Claude Opus 6, created 2026-11-20 (not in the bundled catalog)`: only for a model the
    catalog lacks, whose facts only the API's answer has."""
    if item.get("in_catalog") is not False:
        return None
    name = _text(item.get("display_name"))
    created = _text(item.get("created_at"))
    parts = [part for part in (name, f"created {created[:10]}" if created else None) if part]
    if not parts:
        return None
    return ", ".join(parts) + " (not in the bundled catalog)"


def _rate_limits(value: object) -> list[RateLimit]:
    if not isinstance(value, Mapping):
        return []
    known = [name for name in RATE_LIMIT_NAMES if name in value]
    others = sorted(str(name) for name in value if name not in RATE_LIMIT_NAMES)
    limits = []
    for name in [*known, *others]:
        entry = value.get(name)
        if not isinstance(entry, Mapping):
            continue
        limits.append(
            RateLimit(
                name=RATE_LIMIT_NAMES.get(name, name),
                limit=_int(entry.get("limit")),
                remaining=_int(entry.get("remaining")),
                reset=_text(entry.get("reset")),
            )
        )
    return limits


def _int(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        return int(float(value))
    except (ValueError, OverflowError):
        return None


def _text(value: object) -> str | None:
    return str(value) if value not in (None, "") else None
