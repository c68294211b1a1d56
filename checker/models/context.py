"""What every model check reads besides the uses themselves: today, production, providers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from checker.findings import Finding, Severity, make_finding
from checker.models.collect import ModelUse, Scope
from checker.models.ids.normalize import Normalizer
from checker.models.ids.refs import ANTHROPIC, BEDROCK, VERTEX
from checker.models.providers import Provider
from checker.vocabulary import PRE_PRODUCTION_ORDER

if TYPE_CHECKING:
    from checker.live.served import ServedModel

PLATFORM_NAMES = {ANTHROPIC: "Claude API", BEDROCK: "Amazon Bedrock", VERTEX: "Google Vertex AI"}
MAX_SHOWN = 120


@dataclass(frozen=True, slots=True)
class ModelCheckInputs:
    """Inputs shared by the checks; `served` is the live model list (ID -> what the API says
    about it) when it was fetched."""

    production: str | None
    today: date
    deprecation_window: int
    served: Mapping[str, ServedModel] | None
    normalizer: Normalizer
    providers: dict[Scope, Provider]
    allow_drift: tuple[str, ...]

    def is_production(self, environment: str | None) -> bool:
        """Production's own value, or a shared one: every environment runs those."""
        return environment is None or environment == self.production


def shown(raw: str) -> str:
    """A value as quoted in a message: whitespace made visible, length capped, one line."""
    text = raw if raw == raw.strip() else repr(raw)
    text = text.replace("\n", " ").replace("`", "'")
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


def use_finding(
    code: str,
    wording: str,
    use: ModelUse,
    *,
    details: dict[str, str] | None = None,
    severity: Severity | None = None,
    **facts: object,
) -> Finding:
    """A finding about one model value, at its place and in its environment; the value as
    quoted (`shown`) is its `value` fact."""
    return make_finding(
        code,
        wording,
        severity=severity,
        environment=use.environment,
        location=use.location,
        details=details,
        value=shown(use.raw),
        **facts,
    )


def where(file: str, line: int | None) -> str:
    """`config/staging.yaml:7`."""
    return f"{file}:{line}" if line else file


def pre_production_of(production: str | None, environments: list[str] | set[str]) -> str | None:
    """Production's pre-production environment: staging, else test, else development."""
    for name in PRE_PRODUCTION_ORDER:
        if name in environments and name != production:
            return name
    return None
