"""What was dropped from the verdict and what weakens the gate, as the report states it.

Nothing weakens the gate silently: a finding dropped by an inline comment or by an `ignore`
setting becomes a `DroppedFinding` with its origin (the JSON report's `suppressions`), and the
settings that make the gate check less become `SettingsFacts.weakening` (`settings` in the JSON).
The summary and the console say the same from these records (`reporters/weakened`).
"""

from __future__ import annotations

from datetime import date

from checker.findings import Finding
from checker.provenance import weakening_settings
from checker.report import DroppedFinding, SettingsFacts
from checker.settings import Settings

MAX_OVERRIDES = 50


def inline_drops(before: list[Finding], kept: list[Finding]) -> list[DroppedFinding]:
    """The findings an inline `claude-preflight: ignore` comment removed from `before`."""
    staying = {id(finding) for finding in kept}
    return [
        DroppedFinding(
            code=finding.code,
            severity=finding.severity.value,
            origin="inline comment",
            source=finding.file or "",
            file=finding.file,
            line=finding.line,
        )
        for finding in before
        if id(finding) not in staying
    ]


def drop_ignored(
    findings: list[Finding], settings: Settings
) -> tuple[list[Finding], list[DroppedFinding]]:
    """Findings whose code `ignore` names leave the verdict, each recorded with the origin."""
    if not settings.ignore:
        return findings, []
    origin = settings.origins.get("ignore")
    kept, dropped = [], []
    for finding in findings:
        if finding.code not in settings.ignore:
            kept.append(finding)
            continue
        dropped.append(
            DroppedFinding(
                code=finding.code,
                severity=finding.severity.value,
                origin=origin.kind if origin else "flag",
                source=origin.name if origin else "--ignore",
                file=finding.file,
                line=finding.line,
            )
        )
    return kept, dropped


def settings_facts(settings: Settings, today: date | None = None) -> SettingsFacts:
    """How the config file was treated, the weakening settings, the catalog's contradictions."""
    return SettingsFacts(
        repository_config=settings.repository_config,
        config_file=settings.config_shown,
        config_problem=settings.config_problem,
        weakening=weakening_settings(settings),
        not_applied=settings.config_not_applied,
        catalog_overrides=catalog_overrides(settings, today or date.today()),
    )


def catalog_overrides(settings: Settings, today: date) -> tuple[str, ...]:
    """Where the user catalog contradicts the bundled lifecycle: a model it un-retires or
    un-deprecates, or whose retirement it moves later. Adding models is not a contradiction."""
    if settings.catalog_path is None:
        return ()
    from checker.models.ids.catalog import load_catalog  # noqa: PLC0415 - only with a catalog

    bundled, merged = load_catalog(None), load_catalog(settings.catalog_path)
    found: list[str] = []
    for model_id, mine in merged.models.items():
        theirs = bundled.models.get(model_id)
        if theirs is None:
            continue
        if theirs.is_retired(today) and not mine.is_retired(today):
            since = f" on {theirs.retirement.isoformat()}" if theirs.retirement else ""
            yours = f" (retirement: {mine.retirement.isoformat()})" if mine.retirement else ""
            found.append(
                f"`{model_id}` retired{since} in the bundled catalog, active in yours{yours}"
            )
        elif theirs.retirement is not None and (
            mine.retirement is None or mine.retirement > theirs.retirement
        ):
            later = mine.retirement.isoformat() if mine.retirement else "no date"
            found.append(
                f"`{model_id}` retires on {theirs.retirement.isoformat()} in the bundled "
                f"catalog, {later} in yours"
            )
        elif theirs.is_deprecated(today) and not mine.is_deprecated(today):
            found.append(f"`{model_id}` deprecated in the bundled catalog, not in yours")
        if len(found) >= MAX_OVERRIDES:
            break
    return tuple(found)
