"""What the scan hands to the checks: the files that hold references, and every value in them.

Plain slotted dataclasses, not pydantic: a monorepo scan builds hundreds of thousands of these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checker.findings import Finding, Location

if TYPE_CHECKING:
    from checker.read.calls import CallSite
    from checker.scan.kinds import Tier
    from checker.scan.suppress import Suppression


@dataclass(frozen=True, slots=True)
class ConfigValue:
    """One scalar leaf of a config file (or one literal of a source file), with its key path:
    the dotted path in structured files, the name the literal is bound to in code."""

    key_path: str
    value: str
    location: Location


@dataclass(slots=True)
class ConfigFile:
    """One file's values. `environment` None: a shared source, read by every environment.

    `base` marks a shared part that environment files of the same group override (Helm's
    `values.yaml`, wrangler's `[vars]`); `format` is the reader's (`yaml`, `python`, `text`).
    """

    path: str
    environment: str | None
    group: str
    format: str
    values: list[ConfigValue] = field(default_factory=list)
    tier: Tier = "runtime"
    base: bool = False

    @property
    def shared(self) -> bool:
        return self.environment is None


@dataclass(slots=True)
class WorkspaceScan:
    """Everything the one pass found; `findings` holds CFG001/CFG003 raised while reading,
    `committed` the SEC007 findings of the same pass, `tiers` every non-runtime or template path
    that was read (their findings are capped), `suppression` the inline ignore comments,
    `call_sites` the Claude API calls found in source code (each with its file's tier)."""

    files: list[ConfigFile] = field(default_factory=list)
    environments: list[str] = field(default_factory=list)
    production: str | None = None
    findings: list[Finding] = field(default_factory=list)
    committed: list[Finding] = field(default_factory=list)
    tiers: dict[str, Tier] = field(default_factory=dict)
    suppression: Suppression | None = None
    excluded: list[str] = field(default_factory=list)
    files_listed: int = 0
    files_read: int = 0
    call_sites: list[CallSite] = field(default_factory=list)

    @property
    def environment_files(self) -> list[ConfigFile]:
        return [config for config in self.files if config.environment is not None]
