"""The gate as one pipeline: discovery -> secrets -> live -> models -> Report.

Each stage is guarded: a crash becomes a TOOL001 finding and the other stages still run.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import TypeVar

from checker import __version__
from checker.context import RunContext
from checker.findings import Finding, make_finding
from checker.live import LiveOutcome
from checker.models import ModelInventory, ModelsOutcome, check_models, inventory_models
from checker.report import Report, ToolInfo, count_findings, gate_passed, sort_findings
from checker.secrets import SecretsOutcome, check_secrets
from checker.settings import Settings
from checker.workspace.discovery import scan_workspace
from checker.workspace.model import WorkspaceScan

T = TypeVar("T")


def run_gate(settings: Settings, context: RunContext, environ: Mapping[str, str]) -> Report:
    """Run every check and return the report; never raises for a failing check."""
    started = time.monotonic()
    crashes: list[Finding] = []

    def guarded(stage: str, step: Callable[[], T], fallback: T) -> T:
        try:
            return step()
        except Exception as error:
            crashes.append(_crash_finding(stage, error))
            return fallback

    scan = guarded("discovery", lambda: scan_workspace(settings), WorkspaceScan())
    secrets = guarded(
        "secrets", lambda: check_secrets(settings, context, environ, scan), SecretsOutcome()
    )
    inventory = guarded("models", lambda: inventory_models(settings, scan), ModelInventory())
    live = _live_stage(settings, secrets, inventory, guarded)
    models = guarded(
        "models", lambda: check_models(settings, scan, live.served_models), ModelsOutcome()
    )

    findings = [
        finding
        for finding in [
            *scan.findings,
            *secrets.findings,
            *live.findings,
            *models.findings,
            *crashes,
        ]
        if finding.code not in settings.ignore
    ]
    findings = sort_findings(findings)
    return Report(
        passed=gate_passed(findings, settings.fail_on),
        counts=count_findings(findings),
        findings=findings,
        environments=models.environments,
        models=models.matrix,
        live=live.report,
        context={
            "event": context.event_name,
            "repository": context.repository,
            "ref": context.ref,
            "fork_pr": context.is_fork_pr,
            "dependabot": context.is_dependabot,
            "run_url": context.run_url,
        },
        tool=ToolInfo(
            version=__version__,
            catalog_as_of=_catalog_as_of(),
            live_level=settings.live_check,
            fail_on=settings.fail_on,
            duration_ms=int((time.monotonic() - started) * 1000),
        ),
    )


def _live_stage(
    settings: Settings,
    secrets: SecretsOutcome,
    inventory: ModelInventory,
    guarded: Callable[[str, Callable[[], LiveOutcome], LiveOutcome], LiveOutcome],
) -> LiveOutcome:
    skipped = LiveOutcome(level=settings.live_check)
    if settings.live_check == "off":
        skipped.report = {"level": "off", "skipped": "live check turned off"}
        return skipped
    if secrets.live_skip_reason or not secrets.api_key:
        skipped.report = {
            "level": settings.live_check,
            "skipped": secrets.live_skip_reason or "no usable API key",
        }
        return skipped
    api_key = secrets.api_key
    from checker.live.ladder import run_live  # noqa: PLC0415 - httpx and asyncio only when needed

    return guarded(
        "live",
        lambda: run_live(settings, api_key, inventory.first_party_ids, inventory.production_ids),
        skipped,
    )


def _catalog_as_of() -> str | None:
    from checker.models.catalog import catalog_as_of  # noqa: PLC0415

    return catalog_as_of()


def _crash_finding(stage: str, error: Exception) -> Finding:
    detail = str(error).splitlines()[0][:200] if str(error) else ""
    return make_finding(
        "TOOL001",
        f"The {stage} check crashed with {type(error).__name__}"
        + (f": {detail}" if detail else "")
        + ". The rest of the gate ran.",
        details={"stage": stage},
    )
