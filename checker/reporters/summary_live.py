"""The live check's part of the summary: what was called, per-model results, rate-limit headroom."""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.live.report import LiveModelResult, LiveReport, RateLimits

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
    status: int | None
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
    not_verified: str | None = None  # the key: the list call failed only transiently
    served_cut: int | None = None  # the served-model list was read up to this many IDs
    off_by: str | None = None  # `live-check: off` and its origin, when a setting turned it off
    base_url: str | None = None
    calls: int | None = None
    duration_ms: int | None = None
    tokens_in: int | None = None
    tokens_out: int | None = None
    models: list[LiveModel] = field(default_factory=list)
    rate_limits: list[RateLimit] = field(default_factory=list)


def live_view(live: LiveReport | None) -> LiveView:
    if live is None:
        return LiveView()
    run = live.run
    return LiveView(
        level=live.level or None,
        skipped=live.skipped or None,
        not_verified=run.auth.not_verified if run is not None and run.auth is not None else None,
        served_cut=run.served_models_cut if run is not None else None,
        base_url=live.base_url or None,
        calls=live.calls,
        duration_ms=run.duration_ms if run is not None else None,
        tokens_in=run.tokens.input_tokens if run is not None else None,
        tokens_out=run.tokens.output_tokens if run is not None else None,
        models=[_model(model) for model in run.models[:MAX_LIVE_MODELS]] if run else [],
        rate_limits=_rate_limits(run.rate_limits) if run is not None else [],
    )


def _model(result: LiveModelResult) -> LiveModel:
    return LiveModel(
        id=result.id,
        resolved=result.resolved,
        ok=result.ok,
        status=result.status,
        latency_ms=result.latency_ms,
        checked=list(result.checked),
        about=_about(result),
    )


def _about(result: LiveModelResult) -> str | None:
    """`Claude Opus 6, created 2026-11-20 (not in the bundled catalog)`: only for a model the
    catalog lacks, whose facts only the API's answer has."""
    if result.in_catalog is not False or result.about is None:
        return None
    created = result.about.created_at
    parts = [result.about.display_name, f"created {created[:10]}" if created else None]
    shown = [part for part in parts if part]
    return ", ".join(shown) + " (not in the bundled catalog)" if shown else None


def _rate_limits(figures: RateLimits) -> list[RateLimit]:
    known = [name for name in RATE_LIMIT_NAMES if name in figures]
    others = sorted(name for name in figures if name not in RATE_LIMIT_NAMES)
    return [
        RateLimit(
            name=RATE_LIMIT_NAMES.get(name, name),
            limit=_count(figures[name].get("limit")),
            remaining=_count(figures[name].get("remaining")),
            reset=str(reset) if (reset := figures[name].get("reset")) is not None else None,
        )
        for name in [*known, *others]
    ]


def _count(value: int | str | None) -> int | None:
    """A header figure that was a number (a non-numeric one stays text in the report)."""
    return value if isinstance(value, int) else None
