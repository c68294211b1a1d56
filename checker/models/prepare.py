"""The one handle from the scan to the model checks: references collected, providers decided.

`prepare_models` runs once per run; the live check's inventory and every model check read the
same `PreparedModels`, so nothing is collected twice and no module-level cache joins them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from checker.models.collect import Collected, ModelUse, Scope, collect
from checker.models.ids.catalog import load_catalog
from checker.models.ids.normalize import Normalizer
from checker.models.ids.refs import ANTHROPIC
from checker.models.providers import UNKNOWN, Provider, decide_providers
from checker.scan.kinds import RUNTIME
from checker.settings import Settings
from checker.workspace.model import WorkspaceScan


@dataclass(frozen=True, slots=True)
class PreparedModels:
    """Every model use of the workspace, with the catalog's normalizer and each scope's provider."""

    scan: WorkspaceScan
    normalizer: Normalizer
    collected: Collected
    providers: dict[Scope, Provider]

    def is_runtime(self, use: ModelUse) -> bool:
        """A use in a file a deploy runs (not docs, tests, examples or templates)."""
        return self.scan.tiers.get(use.location.file, RUNTIME) == RUNTIME

    def runs_in_production(self, use: ModelUse) -> bool:
        """Production's own value, or a shared one (every environment reads those)."""
        return use.environment is None or use.environment == self.scan.production


@dataclass(slots=True)
class ModelInventory:
    """The distinct first-party model IDs the live check should prove, all and production only."""

    first_party_ids: list[str]
    production_ids: list[str]


def prepare_models(settings: Settings, scan: WorkspaceScan) -> PreparedModels:
    """Collect every model use once, with the catalog the settings name."""
    normalizer = Normalizer(load_catalog(settings.catalog_path))
    collected = collect(scan, normalizer, settings.model_keys)
    return PreparedModels(scan, normalizer, collected, decide_providers(collected))


def inventory_models(prepared: PreparedModels, *, today: date | None = None) -> ModelInventory:
    """Which model IDs the live ladder should check: first-party-format IDs found at runtime in
    environments that call the Claude API (or whose provider is unknown), minus unknown and
    retired ones."""
    day = today or date.today()
    every: set[str] = set()
    production: set[str] = set()
    for use in prepared.collected.uses:
        ref = use.ref
        if ref is None or ref.unknown or ref.opaque or ANTHROPIC not in ref.platforms:
            continue
        if not prepared.is_runtime(use):
            continue
        provider = prepared.providers.get((use.environment, use.group))
        routed_here = ref.route == "anthropic"  # LiteLLM calls the Claude API
        if provider is not None and provider.name not in (ANTHROPIC, UNKNOWN) and not routed_here:
            continue
        if ref.model is not None and ref.model.is_retired(day):
            continue
        every.add(ref.written)
        if prepared.runs_in_production(use):
            production.add(ref.written)
    return ModelInventory(sorted(every), sorted(production))
