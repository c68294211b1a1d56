"""Entry point of the model-ID job. (Skeleton; issue 4 fills it in.)"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checker.findings import Finding
from checker.settings import Settings
from checker.workspace.model import WorkspaceScan


@dataclass(slots=True)
class ModelInventory:
    """The distinct first-party model IDs the live check should prove, all and production only."""

    first_party_ids: list[str] = field(default_factory=list)
    production_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ModelsOutcome:
    """Findings plus the drift matrix (environment -> slot -> model ID) for reports and outputs."""

    findings: list[Finding] = field(default_factory=list)
    matrix: dict[str, dict[str, str]] = field(default_factory=dict)
    environments: dict[str, dict[str, Any]] = field(default_factory=dict)


def inventory_models(settings: Settings, scan: WorkspaceScan) -> ModelInventory:
    """Which model IDs the live ladder should check."""
    return ModelInventory()


def check_models(
    settings: Settings,
    scan: WorkspaceScan,
    served_models: frozenset[str] | None,
) -> ModelsOutcome:
    """Run every model check; `served_models` is the live model list when it was fetched."""
    return ModelsOutcome()
