"""Every zero-config layout of SPEC section 2 names its environment, its group and its format."""

from __future__ import annotations

import pytest

from checker.scan.layouts import LayoutMatch, match_layout
from checker.workspace.names import canonical_env, production_env, user_env


@pytest.mark.parametrize(
    ("path", "environment", "group", "file_format"),
    [
        ("config/production.yaml", "production", "", "yaml"),
        ("config/prod.yml", "production", "", "yaml"),
        ("config/staging.json", "staging", "", "json"),
        ("config/dev.toml", "development", "", "toml"),
        ("configs/stg.properties", "staging", "", "properties"),
        ("configs/qa.env", "test", "", "dotenv"),
        ("config/live/app.yaml", "production", "", "yaml"),
        ("config/prd/nested/deep/llm.json", "production", "", "json"),
        ("settings/preprod.yaml", "staging", "", "yaml"),
        ("environments/uat/settings.toml", "test", "", "toml"),
        ("deploy/prod/values.yaml", "production", "", "yaml"),
        ("deploy/stage/values-stage.yaml", "staging", "", "yaml"),
        ("charts/web/values-prod.yaml", "production", "charts/web", "yaml"),
        ("charts/web/values.staging.yaml", "staging", "charts/web", "yaml"),
        ("values-local.yaml", "development", "", "yaml"),
        (".env.production", "production", "", "dotenv"),
        ("apps/site/.env.local", "development", "apps/site", "dotenv"),
        ("testing.env", "test", "", "dotenv"),
        ("app.production.json", "production", "", "json"),
        ("services/summarizer/app.staging.json", "staging", "services/summarizer", "json"),
        ("appsettings.Production.json", "production", "", "jsonc"),
        ("application-prod.yml", "production", "", "yaml"),
        ("application-dev.yaml", "development", "", "yaml"),
        (
            "services/orders/src/main/resources/application-prod.properties",
            "production",
            "services/orders",
            "properties",
        ),
        ("k8s/overlays/prod/kustomization.yaml", "production", "k8s", "yaml"),
        ("k8s/overlays/staging/.env", "staging", "k8s", "dotenv"),
        ("services/billing/config/prod.yaml", "production", "services/billing", "yaml"),
        ("services/billing/config/staging/app.yaml", "staging", "services/billing", "yaml"),
        ("services/billing/deploy/live/app.yaml", "production", "services/billing", "yaml"),
        ("Config/Production.YAML", "production", "", "yaml"),
    ],
)
def test_each_layout_maps_to_environment_group_and_format(
    path: str, environment: str, group: str, file_format: str
) -> None:
    assert match_layout(path.split("/")) == LayoutMatch(environment, group, file_format)


@pytest.mark.parametrize(
    "path",
    [
        "config/base.yaml",
        "config/production.md",
        "config/production.properties",  # `config/ENV.*` takes yaml, yml, json and toml only
        "production.yaml",
        "src/settings.py",
        ".env",
        ".env.example",
        "values.yaml",
        "deploy/prod",  # the folder itself, not a file in it
        "deploy/prod/README.md",
        "docs/config/production/notes.txt",
        "app.production.yaml",
        "k8s/overlays/base/kustomization.yaml",
    ],
)
def test_files_outside_the_layouts_are_not_config(path: str) -> None:
    assert match_layout(path.split("/")) is None


def test_a_directory_layout_wins_so_helm_values_per_environment_share_a_group() -> None:
    staging = match_layout(["deploy", "staging", "values-staging.yaml"])
    production = match_layout(["deploy", "prod", "values-prod.yaml"])
    assert staging is not None
    assert production is not None
    assert staging.group == production.group == ""


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("development", "development"),
        ("dev", "development"),
        ("local", "development"),
        ("test", "test"),
        ("testing", "test"),
        ("qa", "test"),
        ("uat", "test"),
        ("staging", "staging"),
        ("stage", "staging"),
        ("stg", "staging"),
        ("preprod", "staging"),
        ("production", "production"),
        ("prod", "production"),
        ("prd", "production"),
        ("LIVE", "production"),
    ],
)
def test_environment_aliases_map_to_canonical_names(name: str, canonical: str) -> None:
    assert canonical_env(name) == canonical


def test_unknown_names_are_not_environments_but_user_names_stay() -> None:
    assert canonical_env("sandbox") is None
    assert user_env(" eu-prod ") == "eu-prod"
    assert user_env("prod") == "production"


def test_production_is_the_users_choice_alias_mapped_else_the_one_found() -> None:
    assert production_env(None, ["development", "production"]) == "production"
    assert production_env(None, ["development", "staging"]) is None
    assert production_env("live", ["staging"]) == "production"
    assert production_env("eu-prod", ["eu-prod", "staging"]) == "eu-prod"
