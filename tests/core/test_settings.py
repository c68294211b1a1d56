"""Settings: one precedence (flag/input > config file > env var > default), exit 2 on bad values."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.errors import UsageError
from checker.settings import Settings, load_settings


def _load(
    tmp_path: Path,
    given: dict[str, str | None] | None = None,
    environ: dict[str, str] | None = None,
) -> Settings:
    return load_settings(given or {}, environ or {}, workspace=str(tmp_path))


def test_defaults_follow_the_spec(tmp_path: Path) -> None:
    settings = _load(tmp_path)
    assert settings.live_check == "models"
    assert settings.fail_on == "error"
    assert settings.on_unavailable_secrets == "skip"
    assert settings.base_url == "https://api.anthropic.com"
    assert settings.api_key_env == "ANTHROPIC_API_KEY"
    assert settings.required_secrets == ("ANTHROPIC_API_KEY",)
    assert settings.timeout == 30.0
    assert settings.deprecation_window == 30
    assert settings.config_path is None


def test_explicit_flag_beats_config_file_beats_env_var(tmp_path: Path) -> None:
    (tmp_path / ".claude-preflight.yml").write_text("live_check: auth\nfail_on: warning\n")
    environ = {"CLAUDE_PREFLIGHT_LIVE_CHECK": "message", "CLAUDE_PREFLIGHT_FAIL_ON": "never"}
    settings = _load(tmp_path, {"live-check": "off"}, environ)
    assert settings.live_check == "off"
    assert settings.fail_on == "warning"
    assert _load(tmp_path, {}, {"CLAUDE_PREFLIGHT_TIMEOUT": "12"}).timeout == 12.0


def test_empty_input_means_not_given(tmp_path: Path) -> None:
    environ = {"ANTHROPIC_BASE_URL": "http://gw"}
    settings = _load(tmp_path, {"live-check": "", "base-url": ""}, environ)
    assert settings.live_check == "models"
    assert settings.base_url == "http://gw"


def test_api_key_input_is_kept_secret(tmp_path: Path) -> None:
    settings = _load(tmp_path, {"api-key": "sk-ant-api03-abcdefgh"})
    assert settings.api_key is not None
    assert "abcdefgh" not in repr(settings)
    assert "abcdefgh" not in str(settings)


def test_required_secrets_always_include_the_key_env(tmp_path: Path) -> None:
    settings = _load(
        tmp_path, {"required-secrets": "DB_URL, SENTRY_DSN", "api-key-env": "CLAUDE_KEY"}
    )
    assert settings.required_secrets == ("CLAUDE_KEY", "DB_URL", "SENTRY_DSN")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"live-check": "bogus"}, "live-check"),
        ({"fail-on": "critical"}, "fail-on"),
        ({"on-unavailable-secrets": "maybe"}, "on-unavailable-secrets"),
        ({"timeout": "soon"}, "timeout"),
        ({"timeout": "-1"}, "timeout"),
        ({"timeout": "nan"}, "timeout"),
        ({"deprecation-window": "1.5"}, "deprecation-window"),
        ({"ignore": "SEC999"}, "ignore"),
        ({"required-secrets": "NOT-A-NAME"}, "required-secrets"),
        ({"api-key-env": "1ABC"}, "api-key-env"),
        ({"config": "missing.yml"}, "config"),
    ],
)
def test_bad_values_name_the_option(tmp_path: Path, given: dict[str, str], expected: str) -> None:
    with pytest.raises(UsageError) as raised:
        _load(tmp_path, dict(given))
    message = str(raised.value)
    assert expected in message
    assert "\n" not in message


def test_unknown_config_key_is_rejected(tmp_path: Path) -> None:
    (tmp_path / ".claude-preflight.yml").write_text("live_check: off\nlive_chek: auth\n")
    with pytest.raises(UsageError, match="live_chek"):
        _load(tmp_path)


def test_broken_config_yaml_names_line_and_column(tmp_path: Path) -> None:
    (tmp_path / ".claude-preflight.yml").write_text("environments:\n  prod: [config/a.yaml\n")
    with pytest.raises(UsageError, match=r"\.claude-preflight\.yml:\d+:\d+"):
        _load(tmp_path)


def test_missing_workspace_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="not a directory"):
        load_settings({}, {}, workspace=str(tmp_path / "nope"))


def test_config_file_values_are_used(tmp_path: Path) -> None:
    (tmp_path / ".claude-preflight.yml").write_text(
        "environments:\n  production: ['deploy/*.yaml']\n"
        "production: production\nallow_drift: [llm.model]\nmodel_keys: [ai.engine]\n"
        "required_secrets: [DB_URL]\nignore: [mod005]\ndeprecation_window: 60\n"
    )
    settings = _load(tmp_path)
    assert settings.environments == {"production": ("deploy/*.yaml",)}
    assert settings.allow_drift == ("llm.model",)
    assert settings.model_keys == ("ai.engine",)
    assert settings.required_secrets == ("ANTHROPIC_API_KEY", "DB_URL")
    assert settings.ignore == frozenset({"MOD005"})
    assert settings.deprecation_window == 60


def test_invalid_user_catalog_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / ".claude-preflight.yml").write_text("catalog: extra.json\n")
    (tmp_path / "extra.json").write_text('{"models": [{"id": 5}]')
    with pytest.raises(UsageError, match="catalog"):
        _load(tmp_path)
