"""Build WorkspaceScan objects directly, the way discovery would, with predictable positions.

Each value sits on its own line (line = index + 1) at column len(key) + 3, like `key: value`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date
from pathlib import Path

from checker.findings import Finding, Location
from checker.live.served import ServedModel
from checker.models import ModelsOutcome, check_models, prepare_models
from checker.settings import Settings
from checker.workspace.model import ConfigFile, ConfigValue, WorkspaceScan

TODAY = date(2026, 11, 28)
Values = list[tuple[str, str]]


def config(path: str, environment: str, values: Values, *, group: str = "") -> ConfigFile:
    fmt = "dotenv" if ".env" in path else path.rsplit(".", 1)[-1]
    return ConfigFile(
        path=path,
        environment=environment,
        group=group,
        format=fmt,
        values=[
            ConfigValue(key, value, Location(path, index + 1, len(key.rsplit(".", 1)[-1]) + 3))
            for index, (key, value) in enumerate(values)
        ],
    )


def scan(*files: ConfigFile, production: str | None = "production") -> WorkspaceScan:
    environments = sorted({file.environment for file in files if file.environment is not None})
    return WorkspaceScan(
        files=list(files),
        environments=environments,
        production=production if production in environments else None,
    )


def settings(**overrides: object) -> Settings:
    return Settings(workspace=Path("."), config_path=None, **overrides)  # type: ignore[arg-type]


def run(
    workspace: WorkspaceScan,
    *,
    served: Collection[str] | Mapping[str, ServedModel] | None = None,
    today: date = TODAY,
    **overrides: object,
) -> ModelsOutcome:
    """`served` is the live model list: IDs alone, or what the API says about each."""
    chosen = settings(**overrides)
    listed = None
    if served is not None:
        listed = (
            dict(served)
            if isinstance(served, Mapping)
            else {model: ServedModel(model) for model in served}
        )
    return check_models(chosen, prepare_models(chosen, workspace), listed, today=today)


def codes(outcome: ModelsOutcome, code: str) -> list[Finding]:
    return [finding for finding in outcome.findings if finding.code == code]


def where(finding: Finding) -> tuple[str | None, str | None, int | None, int | None, str]:
    return (
        finding.environment,
        finding.file,
        finding.line,
        finding.column,
        finding.severity.value,
    )
