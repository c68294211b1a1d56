"""The model-ID job: every check over the prepared model uses, and the drift matrix."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from checker.findings import Finding, make_finding
from checker.models.checks.drift import drift_findings
from checker.models.checks.identity import identity_findings
from checker.models.checks.lifecycle import lifecycle_findings
from checker.models.checks.limits import limit_findings
from checker.models.checks.missing import missing_findings
from checker.models.checks.platform import platform_findings
from checker.models.checks.request_config import config_requests
from checker.models.checks.requests import request_findings
from checker.models.collect import Collected, ModelUse, Scope
from checker.models.context import ModelCheckInputs, pre_production_of
from checker.models.ids.normalize import Normalizer
from checker.models.prepare import PreparedModels
from checker.models.providers import Provider, environment_provider
from checker.models.slots import build_slots
from checker.report import SHARED_COLUMN, EnvironmentFacts
from checker.settings import Settings
from checker.workspace.model import WorkspaceScan

if TYPE_CHECKING:
    from checker.live.served import ServedModel


@dataclass(slots=True)
class ModelsOutcome:
    """Findings plus the drift matrix (environment -> slot -> model ID) for reports and outputs."""

    findings: list[Finding] = field(default_factory=list)
    matrix: dict[str, dict[str, str]] = field(default_factory=dict)
    canonical: dict[str, dict[str, str]] = field(default_factory=dict)
    environments: dict[str, EnvironmentFacts] = field(default_factory=dict)


def check_models(
    settings: Settings,
    prepared: PreparedModels,
    served_models: dict[str, ServedModel] | None,
    *,
    today: date | None = None,
) -> ModelsOutcome:
    """Run every model check; `served_models` is the live model list when it was fetched (ID ->
    what the API says about the model)."""
    scan = prepared.scan
    collected = prepared.collected
    normalizer = prepared.normalizer
    if served_models:
        normalizer = Normalizer(normalizer.catalog.with_served(frozenset(served_models)))
        collected = _with_served(collected, normalizer)
    ctx = ModelCheckInputs(
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
        findings.extend(platform_findings(use, ctx))
        findings.extend(lifecycle_findings(use, ctx))
        uses_by_scope.setdefault((use.environment, use.group), []).append(use)
    findings.extend(limit_findings(collected.tokens, uses_by_scope, ctx.served))
    requests = [*scan.call_sites, *config_requests(scan, collected)]
    rules = normalizer.catalog.request_rules
    findings.extend(request_findings(requests, rules, normalizer, ctx.served))
    findings.extend(drift_findings(slots, ctx))
    findings.extend(missing_findings(slots, collected, environments, ctx))
    findings.extend(_nothing_to_check(prepared, explicit=settings.environments is not None))
    matrix: dict[str, dict[str, str]] = {}
    canonical: dict[str, dict[str, str]] = {}
    for slot in slots:
        columns = [(env, use) for env, use in slot.values.items() if env not in slot.inherited]
        if slot.base is not None:
            columns.append((SHARED_COLUMN, slot.base))
        for environment, use in columns:
            matrix.setdefault(environment, {})[slot.name] = use.raw
            key = use.ref.key if use.ref is not None else use.raw
            canonical.setdefault(environment, {})[slot.name] = key
    return ModelsOutcome(
        findings=findings,
        matrix=matrix,
        canonical=canonical,
        environments=_environment_facts(scan, collected, environments, prepared.providers),
    )


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
) -> dict[str, EnvironmentFacts]:
    pre = pre_production_of(scan.production, environments) if scan.production else None
    return {
        environment: EnvironmentFacts(
            production=environment == scan.production,
            pre_production=environment == pre,
            provider=environment_provider(providers, environment),
            files=tuple(sorted(collected.files.get(environment, []))),
        )
        for environment in environments
    }


def _nothing_to_check(prepared: PreparedModels, *, explicit: bool = False) -> list[Finding]:
    """CFG002 when no runtime file names a Claude model: says what was read and what was not."""
    if any(prepared.is_runtime(use) for use in prepared.collected.uses):
        return []
    scan = prepared.scan
    attributed = len({config.path for config in scan.environment_files})
    read = max(scan.files_read, len({config.path for config in scan.files}))
    where = "matched by the `environments` globs" if explicit else "environment config"
    elsewhere = sum(1 for use in prepared.collected.uses if not prepared.is_runtime(use))
    notices = (
        f". {elsewhere} mention{'s' if elsewhere != 1 else ''} in docs, tests or examples were "
        "read as notices only"
        if elsewhere
        else ""
    )
    return [
        make_finding(
            "CFG002",
            "no_model",
            read=_count(read, "file"),
            attributed=_count(attributed, f"{where} file"),
            elsewhere=notices,
        )
    ]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
