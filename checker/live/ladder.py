"""Entry point of the live job. (Skeleton; issue 5 fills it in.)"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from checker.findings import Finding
from checker.settings import Settings


@dataclass(slots=True)
class LiveOutcome:
    """Findings, the live model list when fetched, alias resolutions and the report section."""

    level: str
    findings: list[Finding] = field(default_factory=list)
    served_models: frozenset[str] | None = None
    resolved: dict[str, str] = field(default_factory=dict)
    report: dict[str, Any] = field(default_factory=dict)


def run_live(
    settings: Settings,
    api_key: str,
    model_ids: Sequence[str],
    production_model_ids: Sequence[str],
) -> LiveOutcome:
    """Climb the ladder up to `settings.live_check`; each rung only if the one before passed."""
    return LiveOutcome(level=settings.live_check)
