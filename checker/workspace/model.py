"""What discovery hands to the checks: environment config files and every scalar value in them.

Plain slotted dataclasses, not pydantic: a monorepo scan builds hundreds of thousands of these.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.findings import Finding, Location


@dataclass(frozen=True, slots=True)
class ConfigValue:
    """One scalar leaf of a config file, with the key path that leads to it."""

    key_path: str
    value: str
    location: Location


@dataclass(slots=True)
class ConfigFile:
    """One environment config file, parsed."""

    path: str
    environment: str
    group: str
    format: str
    values: list[ConfigValue] = field(default_factory=list)


@dataclass(slots=True)
class WorkspaceScan:
    """Everything discovery found; `findings` holds CFG001/CFG003 raised while reading."""

    files: list[ConfigFile] = field(default_factory=list)
    environments: list[str] = field(default_factory=list)
    production: str | None = None
    findings: list[Finding] = field(default_factory=list)
