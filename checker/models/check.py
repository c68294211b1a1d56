"""Entry point of the model-ID job: collect model uses once, run each check, build the matrix."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from checker.findings import Finding, make_finding
from checker.models.checks.drift import drift_findings
from checker.models.checks.identity import identity_findings
from checker.models.checks.lifecycle import lifecycle_findings
from checker.models.checks.limits import limit_findings
from checker.models.checks.missing import missing_findings
from checker.models.collect import Collected, ModelUse, Scope, collect
from checker.models.context import CheckContext, pre_production_of
from checker.models.ids.catalog import load_catalog
from checker.models.ids.normalize import Normalizer
from checker.models.ids.refs import ANTHROPIC
from checker.models.providers import UNKNOWN, Provider, decide_providers, environment_provider
from checker.models.slots import build_slots
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
    canonical: dict[str, dict[str, str]] = field(default_factory=dict)
    environments: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass(slots=True)
class _Prepared:
    scan: WorkspaceScan
    key: tuple[object, ...]
    normalizer: Normalizer
    collected: Collected
    providers: dict[Scope, Provider]


_last: list[_Prepared] = []


def inventory_models(settings: Settings, scan: WorkspaceScan) -> ModelInventory:
    """Which model IDs the live ladder should check: first-party-format IDs of environments that
    call the Claude API (or whose provider is unknown), minus unknown and retired ones."""
    prepared = _prepare(settings, scan)
    today = date.today()
    every: set[str] = set()
    production: set[str] = set()
    for use in prepared.collected.uses:
        ref = use.ref
        provider = prepared.providers.get((use.environment, use.group))
        routed_here = ref is not None and ref.route == "anthropic"  # LiteLLM calls the Claude API
        if provider is not None and provider.name not in (ANTHROPIC, UNKNOWN) and not routed_here:
            continue
        if ref is None or ref.unknown or ref.opaque or ANTHROPIC not in ref.platforms:
            continue
        if ref.model is not None and ref.model.is_retired(today):
            continue
        every.add(ref.written)
        if use.environment == scan.production:
            production.add(ref.written)
    return ModelInventory(sorted(every), sorted(production))


def check_models(
    settings: Settings,
    scan: WorkspaceScan,
    served_models: frozenset[str] | None,
    *,
    today: date | None = None,
) -> ModelsOutcome:
    """Run every model check; `served_models` is the live model list when it was fetched."""
    prepared = _prepare(settings, scan)
    collected = prepared.collected
    normalizer = prepared.normalizer
    if served_models:
        normalizer = Normalizer(normalizer.catalog.with_served(served_models))
        collected = _with_served(collected, normalizer)
    ctx = CheckContext(
        production=scan.production,
        today=today or date.today(),
        deprecation_window=settings.deprecation_window,
        served=served_models,
        normalizer=normalizer,
        providers=prepared.providers,
        allow_drift=settings.allow_drift,
    )
    environments = _environments(scan, collected)
    slots = build_slots(collected)
    findings: list[Finding] = []
    uses_by_scope: dict[Scope, list[ModelUse]] = {}
    for use in collected.uses:
        findings.extend(identity_findings(use, ctx))
        findings.extend(lifecycle_findings(use, ctx))
        uses_by_scope.setdefault((use.environment, use.group), []).append(use)
    findings.extend(limit_findings(collected.tokens, uses_by_scope))
    findings.extend(drift_findings(slots, ctx))
    findings.extend(missing_findings(slots, collected, environments, ctx))
    findings.extend(_nothing_to_check(scan, collected, explicit=settings.environments is not None))
    matrix: dict[str, dict[str, str]] = {}
    canonical: dict[str, dict[str, str]] = {}
    for slot in slots:
        for environment, use in slot.values.items():
            matrix.setdefault(environment, {})[slot.name] = use.raw
            key = use.ref.key if use.ref is not None else use.raw
            canonical.setdefault(environment, {})[slot.name] = key
    return ModelsOutcome(
        findings=findings,
        matrix=matrix,
        canonical=canonical,
        environments=_environment_facts(scan, collected, environments, prepared.providers),
    )


def _prepare(settings: Settings, scan: WorkspaceScan) -> _Prepared:
    """Collect once per scan: the pipeline asks for the inventory, then for the checks."""
    key = (settings.catalog_path, settings.model_keys)
    if _last and _last[0].scan is scan and _last[0].key == key:
        return _last[0]
    normalizer = Normalizer(load_catalog(settings.catalog_path))
    collected = collect(scan, normalizer, settings.model_keys)
    prepared = _Prepared(scan, key, normalizer, collected, decide_providers(collected))
    _last[:] = [prepared]
    return prepared


def _with_served(collected: Collected, normalizer: Normalizer) -> Collected:
    """Re-read the values the catalog did not know: the live list may serve them."""
    uses = []
    for use in collected.uses:
        ref = use.ref
        if ref is not None and ref.unknown and ref.model is None:
            ref = normalizer.normalize(use.raw) or ref
        uses.append(use if ref is use.ref else replace(use, ref=ref))
    return replace(collected, uses=uses)


def _environments(scan: WorkspaceScan, collected: Collected) -> list[str]:
    return sorted(set(scan.environments) | set(collected.files))


def _environment_facts(
    scan: WorkspaceScan,
    collected: Collected,
    environments: list[str],
    providers: dict[Scope, Provider],
) -> dict[str, dict[str, Any]]:
    pre = pre_production_of(scan.production, environments) if scan.production else None
    return {
        environment: {
            "production": environment == scan.production,
            "pre_production": environment == pre,
            "provider": environment_provider(providers, environment),
            "files": sorted(collected.files.get(environment, [])),
        }
        for environment in environments
    }


def _nothing_to_check(
    scan: WorkspaceScan, collected: Collected, *, explicit: bool = False
) -> list[Finding]:
    if not scan.files:
        where = (
            "by the `environments` globs of `.claude-preflight.yml`"
            if explicit
            else "(zero-config layouts such as `config/ENV.yaml`, `.env.ENV`, `values-ENV.yaml`)"
        )
        return [
            make_finding(
                "CFG002",
                f"No environment config files were found {where}, so no model was checked.",
            )
        ]
    if not collected.uses:
        count = len(scan.files)
        return [
            make_finding(
                "CFG002",
                f"{count} environment config file{'s' if count != 1 else ''} found, but no "
                "Claude model ID in any of them, so no model was checked.",
            )
        ]
    return []
