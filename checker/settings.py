"""Settings: the single door for configuration.

Sources, highest first: an explicit CLI flag or action input, `.claude-preflight.yml`, an env var
(`ANTHROPIC_BASE_URL`, or `CLAUDE_PREFLIGHT_<OPTION>` for any option), the default. An empty value
means "not given" everywhere, because GitHub exports every declared input, empty when unset.
`--repository-config` decides whether the file applies at all (`checker.repository_config`), and
every setting remembers where it came from (`origins`, shown by `checker.provenance`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from checker.config_file import ProjectConfig
from checker.errors import UsageError
from checker.findings import RULES
from checker.options import (
    FAIL_ON_LEVELS,
    LIVE_LEVELS,
    OPTIONS_BY_NAME,
    UNAVAILABLE_SECRET_POLICIES,
)
from checker.plain_text import quoted
from checker.provenance import REPOSITORY_CONFIG_MODES, Origin, OriginKind, explicit_origin
from checker.report import GateSetting
from checker.repository_config import RepositoryConfig, load_repository_config, named_file
from checker.vocabulary import FailOn, LiveLevel, UnavailablePolicy

DEFAULT_BASE_URL = "https://api.anthropic.com"
DEFAULT_API_KEY_ENV = "ANTHROPIC_API_KEY"
MAX_TIMEOUT_SECONDS = 600.0
_WHOLE = re.compile(r"[0-9]{1,9}")
_DECIMAL = re.compile(r"[0-9]{1,9}(?:\.[0-9]{0,9})?|\.[0-9]{1,9}")


class SecretStr:
    """A secret that never shows itself in repr, str or a traceback's locals."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def get_secret_value(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "SecretStr('**********')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SecretStr) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Resolved, validated configuration of one run (validated by `load_settings`)."""

    workspace: Path
    config_path: Path | None
    live_check: LiveLevel = "models"
    base_url: str = DEFAULT_BASE_URL
    api_key_env: str = DEFAULT_API_KEY_ENV
    api_key: SecretStr | None = None
    required_secrets: tuple[str, ...] = (DEFAULT_API_KEY_ENV,)
    production: str | None = None
    fail_on: FailOn = "error"
    on_unavailable_secrets: UnavailablePolicy = "skip"
    timeout: float = 30.0
    deprecation_window: int = 30
    ignore: frozenset[str] = frozenset()
    json_path: Path | None = None
    sarif_path: Path | None = None
    gitlab_path: Path | None = None
    summary_path: Path | None = None
    environments: dict[str, tuple[str, ...]] | None = None
    model_keys: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    allow_drift: tuple[str, ...] = ()
    catalog_path: Path | None = None
    catalog_shown: str | None = None  # the catalog file as the summary names it
    repository_config: str = "use"
    config_shown: str | None = None  # the config file in effect, applied or not
    config_not_applied: tuple[GateSetting, ...] = ()  # `repository-config: report`
    config_problem: str | None = None  # `report`: why the file could not be shown
    origins: dict[str, Origin] = field(default_factory=dict)  # option name -> where it came from


def load_settings(
    given: Mapping[str, str | None],
    environ: Mapping[str, str],
    *,
    workspace: str | None,
    explicit_kind: OriginKind = "flag",
) -> Settings:
    """Merge the sources into Settings; raise UsageError naming the option on any bad value.

    `explicit_kind` says what `given` holds: CLI flags, or the action's inputs (`input`)."""
    explicit = {name: value for name, value in given.items() if value not in (None, "")}
    root = _workspace(workspace)
    origins: dict[str, Origin] = {}

    def pick(name: str, from_config: object = None, env_var: str | None = None) -> str | None:
        if name in explicit:
            origins[name] = explicit_origin(explicit_kind, name)
            return explicit[name]
        if from_config is not None:
            origins[name] = repository.origin
            return str(from_config)
        for var in (env_var, "CLAUDE_PREFLIGHT_" + name.upper().replace("-", "_")):
            if var and environ.get(var, "").strip():
                origins[name] = Origin("env var", var)
                return environ[var].strip()
        return None

    repository = RepositoryConfig()
    mode = _choice("repository-config", pick("repository-config"), REPOSITORY_CONFIG_MODES)
    repository = load_repository_config(explicit.get("config"), mode, root)
    config = repository.applied
    config_path = repository.applied_path
    for name, value in (
        ("ignore", config.ignore),
        ("allow-drift", config.allow_drift),
        ("exclude", config.exclude),
        ("catalog", config.catalog),
    ):
        if value and name not in origins:
            origins[name] = repository.origin
    catalog_path = _catalog_path(config.catalog, repository, root)

    api_key_env = pick("api-key-env") or DEFAULT_API_KEY_ENV
    _check_env_name("api-key-env", api_key_env)
    required = _required_secrets(pick("required-secrets"), config, api_key_env)
    ignore = _codes(pick("ignore"), config.ignore)
    api_key = explicit.get("api-key")
    return Settings(
        workspace=root,
        config_path=config_path,
        live_check=cast(
            LiveLevel, _choice("live-check", pick("live-check", config.live_check), LIVE_LEVELS)
        ),
        base_url=pick("base-url", env_var="ANTHROPIC_BASE_URL") or DEFAULT_BASE_URL,
        api_key_env=api_key_env,
        api_key=SecretStr(api_key) if api_key is not None else None,
        required_secrets=required,
        production=pick("production", config.production),
        fail_on=cast(FailOn, _choice("fail-on", pick("fail-on", config.fail_on), FAIL_ON_LEVELS)),
        on_unavailable_secrets=cast(
            UnavailablePolicy,
            _choice(
                "on-unavailable-secrets",
                pick("on-unavailable-secrets"),
                UNAVAILABLE_SECRET_POLICIES,
            ),
        ),
        timeout=_number("timeout", pick("timeout"), 30.0, 0.1, MAX_TIMEOUT_SECONDS),
        deprecation_window=int(
            _number(
                "deprecation-window",
                pick("deprecation-window", config.deprecation_window),
                30,
                0,
                3650,
                integer=True,
            )
        ),
        ignore=ignore,
        json_path=_path(pick("json")),
        sarif_path=_path(pick("sarif")),
        gitlab_path=_path(pick("gitlab")),
        summary_path=_path(pick("summary", env_var="GITHUB_STEP_SUMMARY")),
        environments=(
            {name: tuple(globs) for name, globs in config.environments.items()}
            if config.environments is not None
            else None
        ),
        model_keys=tuple(config.model_keys),
        include=config.include,
        exclude=config.exclude,
        allow_drift=tuple(config.allow_drift),
        catalog_path=catalog_path,
        catalog_shown=(
            repository_relative(catalog_path, root) if catalog_path is not None else None
        ),
        repository_config=mode,
        config_shown=repository.shown,
        config_not_applied=repository.not_applied,
        config_problem=repository.problem,
        origins=origins,
    )


_DEFAULT_CHOICE = {
    "live-check": "models",
    "fail-on": "error",
    "on-unavailable-secrets": "skip",
    "repository-config": "use",
}


def describe_option(name: str) -> str:
    """How an option is named in error messages: both its CLI and its action-input form."""
    option = OPTIONS_BY_NAME[name]
    forms = []
    if option.cli:
        forms.append(f"--{name}")
    if option.action_input:
        forms.append(f"input '{name}'")
    return " / ".join(forms)


def _shown(value: str) -> str:
    """A user value, made safe to echo on one line (no newlines, no workflow commands)."""
    return quoted(value, 80)


def _workspace(workspace: str | None) -> Path:
    root = Path(workspace or ".")
    if not root.is_dir():
        raise UsageError(f"workspace {_shown(str(root))} is not a directory")
    return root.resolve()


def _choice(name: str, value: str | None, allowed: tuple[str, ...]) -> str:
    """Validate one of a fixed set of values; None (not given) means the option's default."""
    if value is None:
        return _DEFAULT_CHOICE[name]
    normalized = value.strip().lower()
    if normalized not in allowed:
        raise UsageError(
            f"invalid value {_shown(value)} for {describe_option(name)}: "
            f"expected one of {', '.join(allowed)}"
        )
    return normalized


def _number(
    name: str,
    value: str | None,
    default: float,
    low: float,
    high: float,
    *,
    integer: bool = False,
) -> float:
    if value is None:
        return default
    text = value.strip()
    # ASCII decimal only: Python's int() and float() also take `1_0`, Arabic-Indic digits, `inf`.
    number = math.nan
    if (_WHOLE if integer else _DECIMAL).fullmatch(text):
        number = int(text) if integer else float(text)
    if not (low <= number <= high):
        kind = "a whole number" if integer else "a number"
        raise UsageError(
            f"invalid value {_shown(value)} for {describe_option(name)}: "
            f"expected {kind} from {low:g} to {high:g}"
        )
    return number


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.replace("\n", ",").split(",") if part.strip()]


def _check_env_name(option: str, name: str) -> None:
    if not name.replace("_", "a").isalnum() or name[0].isdigit() or not name.isascii():
        raise UsageError(
            f"invalid value {_shown(name)} for {describe_option(option)}: "
            "expected an environment variable name (letters, digits, _)"
        )


def _required_secrets(
    given: str | None, config: ProjectConfig, api_key_env: str
) -> tuple[str, ...]:
    names = _split(given) if given is not None else list(config.required_secrets or [])
    for name in names:
        _check_env_name("required-secrets", name)
    ordered = [api_key_env, *names]
    return tuple(dict.fromkeys(ordered))


def _codes(given: str | None, from_config: tuple[str, ...]) -> frozenset[str]:
    codes = {code.upper() for code in (_split(given) if given is not None else from_config)}
    unknown = sorted(code for code in codes if code not in RULES)
    if unknown:
        raise UsageError(
            f"invalid value {_shown(','.join(unknown))} for {describe_option('ignore')}: "
            "unknown finding code (see --explain)"
        )
    return frozenset(codes)


def _path(value: str | None) -> Path | None:
    return Path(value) if value else None


def _catalog_path(value: str | None, repository: RepositoryConfig, root: Path) -> Path | None:
    """The user catalog `catalog:` names: a regular file inside the workspace, valid."""
    if value is None:
        return None
    path = named_file(value, repository, root, "catalog")
    from checker.models.ids.catalog import CatalogError, load_catalog  # noqa: PLC0415 - only if set

    try:
        load_catalog(path)
    except CatalogError as error:
        raise UsageError(f"catalog file (config key 'catalog'): {error}") from None
    return path


def repository_relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name
