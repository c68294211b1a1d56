"""MOD010: a slot set in other environments is missing in one that has the same kind of file."""

from __future__ import annotations

from checker.findings import Finding, Location, Severity, make_finding
from checker.models.collect import Collected
from checker.models.context import ModelCheckInputs, shown, where
from checker.models.slots import Slot
from checker.models.values import parent_path
from checker.workspace.model import ConfigFile


def missing_findings(
    slots: list[Slot], collected: Collected, environments: list[str], ctx: ModelCheckInputs
) -> list[Finding]:
    """Only environments with a file of the slot's template (`config/{env}.yaml`) can miss it."""
    findings: list[Finding] = []
    for slot in slots:
        templates = {use.template for use in slot.values.values()}
        example = next(iter(slot.values.values()))
        for environment in environments:
            if environment in slot.values:
                continue
            files = collected.templates.get((environment, slot.group), {})
            config = next((files[t] for t in sorted(templates) if t in files), None)
            if config is None:
                continue
            production = ctx.is_production(environment)
            present = ", ".join(sorted(slot.values))
            findings.append(
                make_finding(
                    "MOD010",
                    "missing",
                    severity=Severity.ERROR if production else Severity.WARNING,
                    environment=environment,
                    location=_nearest(config, slot.key_path),
                    details={"slot": slot.name, "present_in": present},
                    slot=slot.name,
                    present=present,
                    value=shown(example.raw),
                    place=where(example.location.file, example.location.line),
                    file=config.path,
                    key_path=slot.key_path,
                )
            )
    return findings


def _nearest(config: ConfigFile, key_path: str) -> Location:
    """Point at a sibling of the missing key (same mapping) when there is one, else line 1."""
    parent = parent_path(key_path)
    while parent:
        prefix = parent + "."
        for value in config.values:
            if value.key_path.startswith(prefix):
                return value.location
        parent = parent_path(parent)
    return Location(config.path, 1, 1)
