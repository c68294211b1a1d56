"""The report's `live` section, as the ladder fills it: what was called and what each model did.

`to_dict` is its only serializer (SPEC section 3). The section has three shapes: skipped (the
level and why), stopped before any call (a base URL that cannot be used: `calls` is 0), and ran
(every figure in `LiveRun`). Light on purpose: every run builds one, live check or not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from checker.live.served import ServedModel

# `anthropic-ratelimit-<limit>-<field>` figures: limit name -> field -> a count, or short text.
RateLimits = dict[str, dict[str, int | str]]


@dataclass(slots=True, kw_only=True)
class TokenCount:
    """Tokens the `message` rung spent, as the API's `usage` counted them."""

    input_tokens: int = 0
    output_tokens: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"input": self.input_tokens, "output": self.output_tokens}


@dataclass(slots=True, kw_only=True)
class ListResult:
    """The `auth` rung: the model list, every page of it; `served` once it passed."""

    ok: bool = False
    status: int | None = None
    latency_ms: int = 0
    pages: int = 0
    served: int | None = None
    # The list call failed only transiently (429, 5xx after retries): the gate passes with a
    # warning, but the key was never verified, and the summary says so, in these words.
    not_verified: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "ok": self.ok,
            "status": self.status,
            "latency_ms": self.latency_ms,
            "pages": self.pages,
        }
        if self.served is not None:
            data["served"] = self.served
        if self.not_verified is not None:
            data["not_verified"] = self.not_verified
        return data


@dataclass(slots=True, kw_only=True)
class LiveModelResult:
    """One model's climb: the rungs it passed, the one it failed, what the API said about it.

    `about` is the API's model object (merged with the list's); `in_catalog` says whether the
    bundled catalog knows the model, so the summary describes the others from `about`.
    """

    id: str
    resolved: str | None = None
    ok: bool = False
    status: int | None = None
    latency_ms: int | None = None
    checked: list[str] = field(default_factory=list)
    latency_ms_by_check: dict[str, int] = field(default_factory=dict)
    about: ServedModel | None = None
    failed: str | None = None
    in_catalog: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "resolved": self.resolved,
            "ok": self.ok,
            "status": self.status,
            "latency_ms": self.latency_ms,
            "checked": list(self.checked),
        }
        if self.latency_ms_by_check:
            data["latency_ms_by_check"] = dict(self.latency_ms_by_check)
        if self.about is not None:
            data.update(self.about.facts())
        if self.failed is not None:
            data["failed"] = self.failed
        if self.in_catalog is not None:
            data["in_catalog"] = self.in_catalog
        return data


@dataclass(slots=True, kw_only=True)
class LiveRun:
    """The figures of a live phase that made calls."""

    duration_ms: int = 0
    timeout_s: float = 0.0
    tokens: TokenCount = field(default_factory=TokenCount)
    auth: ListResult | None = None
    served_models: int | None = None
    served_models_cut: int | None = None  # the list was cut after this many IDs
    models: list[LiveModelResult] = field(default_factory=list)
    rate_limits: RateLimits = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "duration_ms": self.duration_ms,
            "timeout_s": self.timeout_s,
            "tokens": self.tokens.to_dict(),
            "auth": self.auth.to_dict() if self.auth is not None else {},
            "served_models": self.served_models,
            "served_models_cut": self.served_models_cut,
            "models": [model.to_dict() for model in self.models],
            "rate_limits": {name: dict(figures) for name, figures in self.rate_limits.items()},
        }


@dataclass(slots=True, kw_only=True)
class LiveReport:
    """The `live` section: skipped (`skipped` says why), stopped (`calls` 0) or ran (`run`)."""

    level: str
    base_url: str | None = None
    skipped: str | None = None
    calls: int | None = None
    run: LiveRun | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"level": self.level}
        if self.base_url is not None:
            data["base_url"] = self.base_url
        if self.skipped is not None:
            data["skipped"] = self.skipped
        if self.calls is not None:
            data["calls"] = self.calls
        if self.run is not None:
            data.update(self.run.to_dict())
        return data
