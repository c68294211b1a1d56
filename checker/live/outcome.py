"""What the live job hands back to the pipeline; light, so a run without a live call stays fast."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checker.findings import Finding
from checker.live.report import LiveReport

if TYPE_CHECKING:
    from checker.live.served import ServedModel


@dataclass(slots=True)
class LiveOutcome:
    """Findings, the live model list when fetched (ID -> what the API says about it), alias
    resolutions and the report section."""

    level: str
    findings: list[Finding] = field(default_factory=list)
    served_models: dict[str, ServedModel] | None = None
    resolved: dict[str, str] = field(default_factory=dict)
    report: LiveReport | None = None
