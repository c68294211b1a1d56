"""The gate as one pipeline: credentials -> (live, in the background) -> discovery -> secrets
-> models -> Report.

The live check starts as soon as the credentials' verdict allows it, so its network waits overlap
discovery; it gets the model IDs once discovery has them. Each stage is guarded: a crash becomes a
TOOL001 finding and the other stages still run. The discovery and model modules are imported
only once the live check's first request is out: loading them then fills its round trip.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from checker import __version__
from checker.context import RunContext
from checker.findings import Finding, make_finding
from checker.live import LiveOutcome
from checker.report import (
    Report,
    ScanFacts,
    SuppressedFinding,
    ToolInfo,
    count_findings,
    gate_passed,
    sort_findings,
)
from checker.secrets import SecretFiles, SecretsOutcome, check_credentials, check_secret_files
from checker.settings import Settings
from checker.workspace.model import WorkspaceScan

if TYPE_CHECKING:
    from checker.live.session import LiveSession

T = TypeVar("T")


def run_gate(
    settings: Settings,
    context: RunContext,
    environ: Mapping[str, str],
    *,
    while_waiting: Callable[[], None] | None = None,
) -> Report:
    """Run every check and return the report; never raises for a failing check.

    `while_waiting` runs when only the live check is left, in the time its calls take.
    """
    started = time.monotonic()
    crashes: list[Finding] = []

    def guarded(stage: str, step: Callable[[], T], fallback: T) -> T:
        try:
            return step()
        except Exception as error:
            crashes.append(_crash_finding(stage, error))
            return fallback

    secrets = guarded(
        "secrets", lambda: check_credentials(settings, context, environ), SecretsOutcome()
    )
    live_skipped = _live_skipped(settings, secrets)
    session = (
        None if live_skipped else guarded("live", lambda: _start_live(settings, secrets), None)
    )
    from checker.models import (  # noqa: PLC0415 - see the module docstring
        ModelInventory,
        ModelsOutcome,
        PreparedModels,
        check_models,
        inventory_models,
        prepare_models,
    )
    from checker.scan.discovery import scan_workspace  # noqa: PLC0415

    inventory = ModelInventory([], [])
    prepared: PreparedModels | None = None
    try:
        scan = guarded(
            "discovery",
            lambda: scan_workspace(settings, environ, run_key=secrets.api_key),
            WorkspaceScan(),
        )
        in_files = guarded(
            "secrets",
            lambda: check_secret_files(settings, context, environ, scan, run_key=secrets.api_key),
            SecretFiles(),
        )
        secrets.findings += in_files.findings
        secrets.unchecked = in_files.unchecked
        prepared = guarded("models", lambda: prepare_models(settings, scan), None)
        if prepared is not None:
            ready = prepared
            inventory = guarded("models", lambda: inventory_models(ready), inventory)
    finally:  # the model rungs wait for these IDs, even if discovery was interrupted
        if session is not None:
            session.hand_over(inventory.first_party_ids, inventory.production_ids)
    live = live_skipped or LiveOutcome(level=settings.live_check)
    if session is not None:
        live = guarded("live", lambda: _finish_live(session, while_waiting), live)
    models = ModelsOutcome()
    if prepared is not None:
        ready = prepared
        models = guarded(
            "models", lambda: check_models(settings, ready, live.served_models), models
        )

    no_findings: list[Finding] = []
    freshness = guarded("models", lambda: _catalog_freshness(settings), no_findings)
    raised = [
        *scan.findings,
        *secrets.findings,
        *live.findings,
        *models.findings,
        *freshness,
        *crashes,
    ]
    findings, facts = _judged_by_path(raised, scan)
    findings = sort_findings([f for f in findings if f.code not in settings.ignore])
    return Report(
        passed=gate_passed(findings, settings.fail_on),
        counts=count_findings(findings),
        findings=findings,
        environments=models.environments,
        models=models.matrix,
        canonical_models=models.canonical,
        live=live.report,
        scan=facts,
        unchecked_references=secrets.unchecked,
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


def _judged_by_path(
    findings: list[Finding], scan: WorkspaceScan
) -> tuple[list[Finding], ScanFacts]:
    """Inline ignore comments drop findings (each one listed), and a finding's path caps it:
    docs, tests and examples never block, templates warn at most."""
    from checker.scan.kinds import capped_by_tier  # noqa: PLC0415

    suppressed: list[SuppressedFinding] = []
    if scan.suppression is not None:
        findings, suppressed = scan.suppression.apply(findings)
    findings, capped = capped_by_tier(findings, scan.tiers)
    attributed = {config.path for config in scan.environment_files}
    facts = ScanFacts(
        files_listed=scan.files_listed,
        files_read=scan.files_read,
        environment_files=len(attributed),
        shared_sources=len({c.path for c in scan.files if c.path not in attributed}),
        excluded=len(scan.excluded),
        capped=capped,
        suppressed=tuple(suppressed),
    )
    return findings, facts


def _live_skipped(settings: Settings, secrets: SecretsOutcome) -> LiveOutcome | None:
    """The live outcome when no call may be made (turned off, no usable key), else None."""
    if settings.live_check == "off":
        return LiveOutcome(
            settings.live_check, report={"level": "off", "skipped": "live check turned off"}
        )
    if secrets.live_skip_reason or not secrets.api_key:
        reason = secrets.live_skip_reason or "no usable API key"
        return LiveOutcome(
            settings.live_check, report={"level": settings.live_check, "skipped": reason}
        )
    return None


def _start_live(settings: Settings, secrets: SecretsOutcome) -> LiveSession:
    from checker.live.session import start_live  # noqa: PLC0415 - httpx and asyncio only when needed

    assert secrets.api_key is not None
    session = start_live(settings, secrets.api_key)
    session.wait_until_calling()
    return session


def _finish_live(session: LiveSession, while_waiting: Callable[[], None] | None) -> LiveOutcome:
    if while_waiting is not None:
        with contextlib.suppress(Exception):  # a warm-up only: the real use reports its failure
            while_waiting()
    return session.finish()


def _catalog_freshness(settings: Settings) -> list[Finding]:
    """CFG004 when the bundled catalog is old and the user gave no newer entries."""
    from checker.models.ids.freshness import catalog_age_findings  # noqa: PLC0415

    as_of = _catalog_as_of() or ""
    return catalog_age_findings(as_of, date.today(), user_catalog=settings.catalog_path is not None)


def _catalog_as_of() -> str | None:
    from checker.models.ids.catalog import catalog_as_of  # noqa: PLC0415

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
