"""The gate as one pipeline: credentials -> discovery -> secrets in files -> models -> Report,
with the live check's calls beside discovery. Each stage is guarded: a crash becomes a TOOL001
finding and the other stages still run.

How the live check overlaps discovery (`_discover_beside_live`, read it top to bottom): the
ladder's first call, the model list, needs only the key; its model calls need the IDs discovery
finds. So one coroutine opens the HTTP client, then `asyncio.gather`s the list call with
discovery in a worker thread: discovery's CPU work fills the list call's round trip instead of
following it. Once both are back, the model calls go out with discovery's IDs while the
summary's templates load in another thread. The `--timeout` budget's clock runs only inside the
ladder's calls, so a slow discovery never eats into it. With no call to make, discovery just runs.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from checker import __version__
from checker.context import RunContext
from checker.findings import Finding, make_finding
from checker.live import LiveOutcome
from checker.live.report import LiveReport
from checker.report import (
    DroppedFinding,
    Report,
    ScanFacts,
    SettingsFacts,
    SuppressedFinding,
    ToolInfo,
    count_findings,
    gate_passed,
    sort_findings,
)
from checker.secrets import SecretFiles, SecretsOutcome, check_credentials, check_secret_files
from checker.settings import Settings
from checker.suppressions import drop_ignored, inline_drops, settings_facts
from checker.workspace.model import WorkspaceScan

if TYPE_CHECKING:
    from checker.models import ModelInventory, PreparedModels

T = TypeVar("T")


def run_gate(
    settings: Settings,
    context: RunContext,
    environ: Mapping[str, str],
    *,
    warm_up: Callable[[], None] | None = None,
) -> Report:
    """Run every check and return the report; never raises for a failing check.

    `warm_up` (a reporter loading its templates) runs while the live check's model calls wait.
    """
    started = time.monotonic()
    guarded = _Guard()
    secrets = guarded(
        "secrets", lambda: check_credentials(settings, context, environ), SecretsOutcome()
    )

    def discover() -> _Discovered:
        """The workspace scan, the secrets it finds in files and the model inventory."""
        from checker.models import inventory_models, prepare_models  # noqa: PLC0415 - loaded while the list call waits
        from checker.scan.discovery import scan_workspace  # noqa: PLC0415

        found = _Discovered(
            guarded(
                "discovery",
                lambda: scan_workspace(settings, environ, run_key=secrets.api_key),
                WorkspaceScan(),
            )
        )
        in_files = guarded(
            "secrets",
            lambda: check_secret_files(
                settings, context, environ, found.scan, run_key=secrets.api_key
            ),
            SecretFiles(),
        )
        secrets.findings += in_files.findings
        secrets.unchecked = in_files.unchecked
        prepared = guarded("models", lambda: prepare_models(settings, found.scan), None)
        if prepared is not None:
            found.prepared = prepared
            found.inventory = guarded("models", lambda: inventory_models(prepared), None)
        return found

    live = _live_skipped(settings, secrets)
    if live is None and secrets.api_key:
        found, live = _discover_beside_live(settings, secrets.api_key, discover, warm_up, guarded)
    else:
        found = discover()
    live = live or LiveOutcome(level=settings.live_check)

    from checker.models import ModelsOutcome, check_models  # noqa: PLC0415

    models = ModelsOutcome()
    if found.prepared is not None:
        ready = found.prepared
        models = guarded(
            "models", lambda: check_models(settings, ready, live.served_models), models
        )

    no_findings: list[Finding] = []
    freshness = guarded("models", lambda: _catalog_freshness(settings), no_findings)
    gate_settings = guarded("config", lambda: settings_facts(settings), SettingsFacts())
    raised = [
        *found.scan.findings,
        *secrets.findings,
        *live.findings,
        *models.findings,
        *freshness,
        *guarded.crashes,
    ]
    findings, facts, inline = _judged_by_path(raised, found.scan)
    findings, ignored = drop_ignored(findings, settings)
    findings = sort_findings(findings)
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
        dropped=(*inline, *ignored),
        settings=gate_settings,
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


@dataclass(slots=True)
class _Discovered:
    """What discovery hands the rest of the gate, the live check's model IDs among it."""

    scan: WorkspaceScan
    prepared: PreparedModels | None = None
    inventory: ModelInventory | None = None

    @property
    def first_party_ids(self) -> list[str]:
        return self.inventory.first_party_ids if self.inventory is not None else []

    @property
    def production_ids(self) -> list[str]:
        return self.inventory.production_ids if self.inventory is not None else []


class _Guard:
    """Runs one stage; a crash becomes a TOOL001 finding and the stage's fallback stands in."""

    def __init__(self) -> None:
        self.crashes: list[Finding] = []

    def __call__(self, stage: str, step: Callable[[], T], fallback: T) -> T:
        try:
            return step()
        except Exception as error:
            self.crashes.append(_crash_finding(stage, error))
            return fallback

    async def wait(self, stage: str, step: Awaitable[None]) -> None:
        try:
            await step
        except Exception as error:
            self.crashes.append(_crash_finding(stage, error))


def _discover_beside_live(
    settings: Settings,
    api_key: str,
    discover: Callable[[], _Discovered],
    warm_up: Callable[[], None] | None,
    guarded: _Guard,
) -> tuple[_Discovered, LiveOutcome]:
    """Discovery in a worker thread while the live check's list call is on the wire; see the
    module docstring."""
    import asyncio  # noqa: PLC0415 - the event loop costs startup time; only live runs pay it

    from checker.live.ladder import Ladder  # noqa: PLC0415 - httpx only when a call is made

    async def overlap(ladder: Ladder) -> _Discovered:
        try:
            await guarded.wait("live", ladder.open())
            _, found = await asyncio.gather(
                guarded.wait("live", ladder.list_models()),
                asyncio.to_thread(discover),
            )
            await asyncio.gather(
                guarded.wait(
                    "live", ladder.check_models(found.first_party_ids, found.production_ids)
                ),
                asyncio.to_thread(_quietly, warm_up),
            )
        finally:
            await guarded.wait("live", ladder.close())
        return found

    ladder = guarded("live", lambda: Ladder(settings, api_key), None)
    if ladder is None:
        return discover(), LiveOutcome(settings.live_check)
    found = asyncio.run(overlap(ladder))
    return found, guarded("live", ladder.outcome, LiveOutcome(settings.live_check))


def _quietly(warm_up: Callable[[], None] | None) -> None:
    with contextlib.suppress(Exception):  # a warm-up only: the real use reports its failure
        if warm_up is not None:
            warm_up()


def _judged_by_path(
    findings: list[Finding], scan: WorkspaceScan
) -> tuple[list[Finding], ScanFacts, list[DroppedFinding]]:
    """Inline ignore comments drop findings (each one listed), and a finding's path caps it:
    docs, tests and examples never block, templates warn at most."""
    from checker.scan.kinds import capped_by_tier  # noqa: PLC0415

    suppressed: list[SuppressedFinding] = []
    inline: list[DroppedFinding] = []
    if scan.suppression is not None:
        kept, suppressed = scan.suppression.apply(findings)
        inline = inline_drops(findings, kept)
        findings = kept
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
    return findings, facts, inline


def _live_skipped(settings: Settings, secrets: SecretsOutcome) -> LiveOutcome | None:
    """The live outcome when no call may be made (turned off, no usable key), else None."""
    if settings.live_check == "off":
        skipped = LiveReport(level="off", skipped="live check turned off")
        return LiveOutcome(settings.live_check, report=skipped)
    if secrets.live_skip_reason or not secrets.api_key:
        reason = secrets.live_skip_reason or "no usable API key"
        skipped = LiveReport(level=settings.live_check, skipped=reason)
        return LiveOutcome(settings.live_check, report=skipped)
    return None


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
        "stage_crashed",
        stage=stage,
        error=type(error).__name__,
        detail=f": {detail}" if detail else "",
        details={"stage": stage},
    )
