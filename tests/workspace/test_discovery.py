"""Discovery over fixture repositories: layouts, formats, monorepo groups, explicit environments."""

from __future__ import annotations

from pathlib import Path

from checker.scan.discovery import scan_workspace
from checker.settings import Settings, load_settings
from checker.workspace.model import WorkspaceScan
from tests.helpers import FIXTURES

WORKSPACE = FIXTURES / "workspace"


def scan(path: Path, **given: str) -> WorkspaceScan:
    return scan_workspace(load_settings(given, {}, workspace=str(path)))


def where(result: WorkspaceScan, path: str, key_path: str) -> tuple[str, int | None, int | None]:
    config = next(config for config in result.files if config.path == path)
    value = next(value for value in config.values if value.key_path == key_path)
    assert value.location.file == path
    return value.value, value.location.line, value.location.column


def test_every_format_is_found_and_parsed_with_exact_positions() -> None:
    result = scan(WORKSPACE / "formats")
    assert [(c.path, c.environment, c.group, c.format) for c in result.files] == [
        ("charts/web/values-prod.yaml", "production", "charts/web", "yaml"),
        ("config/development.toml", "development", "", "toml"),
        ("config/production.yaml", "production", "", "yaml"),
        ("config/staging.json", "staging", "", "json"),
        ("services/api/.env.production", "production", "services/api", "dotenv"),
        (
            "services/worker/src/main/resources/application-prod.properties",
            "production",
            "services/worker",
            "properties",
        ),
    ]
    assert result.findings == []
    assert where(result, "config/production.yaml", "llm.model") == (
        "claude-sonnet-4-5-20250929",
        4,
        10,
    )
    assert where(result, "config/production.yaml", "llm.max_tokens") == ("100000", 5, 15)
    assert where(result, "config/production.yaml", "worker.temperature") == ("0.2", 10, 16)
    assert where(result, "config/staging.json", "llm.max_tokens") == ("64000", 4, 19)
    assert where(result, "config/staging.json", "id") == ("after-escapes", 9, 9)
    assert where(result, "config/development.toml", "workers[b].model") == (
        "claude-sonnet-4-5",
        15,
        9,
    )
    assert where(result, "services/api/.env.production", "ANTHROPIC_MODEL") == (
        "claude-sonnet-4-5-20250929",
        2,
        24,
    )
    assert where(
        result,
        "services/worker/src/main/resources/application-prod.properties",
        "spring.ai.anthropic.chat.options.model",
    ) == ("claude-sonnet-4-5", 3, 40)
    assert where(result, "charts/web/values-prod.yaml", "env[ANTHROPIC_MODEL].value") == (
        "claude-opus-4-1",
        4,
        12,
    )


def test_a_monorepo_gives_each_service_its_own_group_with_aliases_mapped() -> None:
    result = scan(WORKSPACE / "monorepo")
    found = {(c.path, c.environment, c.group) for c in result.environment_files}
    shared = {(c.path, c.tier) for c in result.files if c.shared}
    assert shared == {(".env.example", "template")}  # a template every environment starts from
    assert found == {
        (".env.qa", "test", ""),
        ("apps/site/.env.local", "development", "apps/site"),
        ("k8s/overlays/prod/kustomization.yaml", "production", "k8s"),
        ("k8s/overlays/staging/kustomization.yaml", "staging", "k8s"),
        ("services/billing/config/prod.yaml", "production", "services/billing"),
        ("services/billing/config/staging.yaml", "staging", "services/billing"),
        ("services/search/config/dev.toml", "development", "services/search"),
        ("services/search/config/prd/llm.json", "production", "services/search"),
        ("services/search/config/stg/llm.json", "staging", "services/search"),
    }
    assert result.environments == ["development", "production", "staging", "test"]
    assert result.production == "production"


def test_production_can_be_named_by_the_user_with_an_alias() -> None:
    assert scan(WORKSPACE / "monorepo", production="stg").production == "staging"


def test_no_production_environment_found_means_none() -> None:
    result = scan_workspace(
        Settings(
            workspace=WORKSPACE / "monorepo", config_path=None, environments={"qa": (".env.qa",)}
        )
    )
    assert result.environments == ["test"]
    assert result.production is None


def test_explicit_environments_replace_zero_config_and_compare_as_one_app() -> None:
    result = scan(WORKSPACE / "explicit")
    assert [(c.path, c.environment, c.group) for c in result.environment_files] == [
        ("legacy/stage-1.conf.json", "staging", ""),
        ("ops/eu/app.yaml", "eu-prod", ""),
        ("ops/us/app.yaml", "staging", ""),
    ]
    assert result.environments == ["eu-prod", "staging"]
    assert result.production == "eu-prod"


def test_explicit_globs_keep_monorepo_groups_from_the_layouts(tmp_path: Path) -> None:
    for service in ("a", "b"):
        for environment in ("eu", "us"):
            folder = tmp_path / "svc" / service / "deploy" / environment
            folder.mkdir(parents=True)
            (folder / "app.yaml").write_text("model: m\n")
    environments: dict[str, tuple[str, ...]] = {
        "eu": ("svc/*/deploy/eu/**",),
        "us": ("svc/**/us/*.yaml",),
    }
    result = scan_workspace(
        Settings(workspace=tmp_path, config_path=None, environments=environments)
    )
    assert {(c.path, c.environment, c.group) for c in result.files} == {
        ("svc/a/deploy/eu/app.yaml", "eu", "svc/a"),
        ("svc/a/deploy/us/app.yaml", "us", "svc/a"),
        ("svc/b/deploy/eu/app.yaml", "eu", "svc/b"),
        ("svc/b/deploy/us/app.yaml", "us", "svc/b"),
    }


def test_an_explicit_file_of_unknown_format_is_a_notice(tmp_path: Path) -> None:
    (tmp_path / "prod.conf").write_text("model=x\n")
    result = scan_workspace(
        Settings(workspace=tmp_path, config_path=None, environments={"prod": ("*.conf",)})
    )
    assert result.files == []
    assert [(f.code, f.file, f.environment) for f in result.findings] == [
        ("CFG003", "prod.conf", "production")
    ]


def test_parse_errors_become_cfg001_with_file_line_column_and_environment(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "staging.json").write_text('{\n  "model": "x",\n}\n')
    (tmp_path / "config" / "production.yaml").write_text("llm:\n  model: [a\n")
    result = scan(tmp_path)
    assert result.files == []
    assert sorted((f.code, f.file, f.line, f.column, f.environment) for f in result.findings) == [
        ("CFG001", "config/production.yaml", 3, 1, "production"),
        ("CFG001", "config/staging.json", 3, 1, "staging"),
    ]
    assert all(f.severity == "error" for f in result.findings)
