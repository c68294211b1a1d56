"""Where each setting of a run came from, and which of them weaken the gate.

A pull request can add `.claude-preflight.yml` with `ignore: [SEC001]` and `live_check: off`; the
gate may honour it (`repository-config: use`, the default), but never silently: every setting that
weakens the gate is shown with its origin, in the summary's header, the console and the JSON
report (`settings.weakening`). An explicit flag or action input always beats the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from checker.report import GateSetting
from checker.vocabulary import REPOSITORY_CONFIG_MODES

if TYPE_CHECKING:
    from checker.config_file import ProjectConfig
    from checker.settings import Settings

OriginKind = Literal["flag", "input", "config file", "env var", "inline comment"]
__all__ = ["REPOSITORY_CONFIG_MODES", "Origin", "explicit_origin"]
_LIVE_RANK = {"off": 0, "auth": 1, "models": 2, "count-tokens": 3, "message": 4}
DEFAULT_DEPRECATION_WINDOW = 30


@dataclass(frozen=True, slots=True)
class Origin:
    """One source of a setting: its kind and the name a user would look for."""

    kind: OriginKind
    name: str  # `--ignore`, `ignore` (the input), `.claude-preflight.yml`, the env var's name

    @property
    def text(self) -> str:
        """`.claude-preflight.yml`, `--ignore`, input `ignore`, env var `CLAUDE_PREFLIGHT_X`, in
        the message spans the summary renders as code."""
        if self.kind == "input":
            return f"input `{self.name}`"
        if self.kind == "env var":
            return f"env var `{self.name}`"
        if self.kind == "inline comment":
            return "an inline comment"
        return f"`{self.name}`"


def explicit_origin(kind: OriginKind, option: str) -> Origin:
    """A flag (`--ignore`) or an action input (`ignore`)."""
    return Origin(kind, f"--{option}" if kind == "flag" else option)


def weakening_settings(settings: Settings) -> tuple[GateSetting, ...]:
    """The settings of this run that make the gate check less, each with its origin."""
    values = {
        "ignore": ", ".join(sorted(settings.ignore)),
        "fail-on": settings.fail_on if settings.fail_on == "never" else "",
        "live-check": (
            settings.live_check if _LIVE_RANK[settings.live_check] < _LIVE_RANK["models"] else ""
        ),
        "allow-drift": ", ".join(settings.allow_drift),
        "catalog": settings.catalog_shown or "",
        "exclude": ", ".join(settings.exclude),
        "deprecation-window": (
            str(settings.deprecation_window)
            if settings.deprecation_window < DEFAULT_DEPRECATION_WINDOW
            else ""
        ),
    }
    found = []
    for name, value in values.items():
        origin = settings.origins.get(name)
        if value and origin is not None:
            found.append(
                GateSetting(setting=name, value=value, origin=origin.kind, source=origin.name)
            )
    return tuple(found)


def file_settings(config: ProjectConfig, origin: Origin) -> tuple[GateSetting, ...]:
    """Every setting a config file sets, for `repository-config: report` (shown, not applied)."""
    values: dict[str, object] = {
        "environments": ", ".join(config.environments) if config.environments else None,
        "production": config.production,
        "model-keys": ", ".join(config.model_keys),
        "include": ", ".join(config.include),
        "exclude": ", ".join(config.exclude),
        "allow-drift": ", ".join(config.allow_drift),
        "required-secrets": (
            ", ".join(config.required_secrets) if config.required_secrets is not None else None
        ),
        "live-check": config.live_check,
        "fail-on": config.fail_on,
        "ignore": ", ".join(config.ignore),
        "deprecation-window": config.deprecation_window,
        "catalog": config.catalog,
    }
    return tuple(
        GateSetting(setting=name, value=str(value), origin=origin.kind, source=origin.name)
        for name, value in values.items()
        if value not in (None, "")
    )
