"""What the live job hands back to the pipeline; light, so a run without a live call stays fast."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checker.findings import Finding


@dataclass(slots=True)
class LiveOutcome:
    """Findings, the live model list when fetched, alias resolutions and the report section."""

    level: str
    findings: list[Finding] = field(default_factory=list)
    served_models: frozenset[str] | None = None
    resolved: dict[str, str] = field(default_factory=dict)
    report: dict[str, Any] = field(default_factory=dict)
