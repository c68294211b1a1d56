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
from typing import TYPE_CHECKING, TypeVar

from checker import __version__
from checker.context import RunContext
from checker.findings import Finding, make_finding
from checker.live import LiveOutcome
from checker.report import Report, ToolInfo, count_findings, gate_passed, sort_findings
from checker.secrets import SecretsOutcome, check_credentials, check_secret_files
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
        check_models,
        inventory_models,
    )
    from checker.workspace.discovery import scan_workspace  # noqa: PLC0415

    inventory = ModelInventory()
    try:
        scan = guarded("discovery", lambda: scan_workspace(settings), WorkspaceScan())
        secrets.findings += guarded(
            "secrets",
            lambda: check_secret_files(settings, context, environ, scan, run_key=secrets.api_key),
            [],
        )
        inventory = guarded("models", lambda: inventory_models(settings, scan), ModelInventory())
    finally:  # the model rungs wait for these IDs, even if discovery was interrupted
        if session is not None:
            session.hand_over(inventory.first_party_ids, inventory.production_ids)
    live = live_skipped or LiveOutcome(level=settings.live_check)
    if session is not None:
        live = guarded("live", lambda: _finish_live(session, while_waiting), live)
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
        canonical_models=models.canonical,
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
