"""Fixture repositories in every format, driven through the real CLI as users run it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import EXAMPLES, FIXTURES, run_cli

MODELS = FIXTURES / "models"
Row = tuple[str, str, str, int, int, str]


def model_findings(workspace: Path, tmp_path: Path) -> tuple[list[Row], dict[str, Any]]:
    report_path = tmp_path / "report.json"
    run = run_cli([str(workspace), "--live-check", "off", "--json", str(report_path)])
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    report = json.loads(report_path.read_text())
    rows = sorted(
        (f["code"], f["environment"] or "", f["file"], f["line"], f["column"], f["severity"])
        for f in report["findings"]
        if f["code"].startswith(("MOD", "CFG"))
    )
    return rows, report


def test_yaml_app(tmp_path: Path) -> None:
    rows, report = model_findings(MODELS / "yaml_app", tmp_path)
    assert rows == [
        ("MOD001", "development", "config/development.yaml", 5, 10, "warning"),
        ("MOD001", "production", "config/production.yaml", 6, 10, "error"),
        ("MOD002", "development", "config/development.yaml", 5, 10, "error"),
        ("MOD010", "development", "config/development.yaml", 4, 13, "warning"),
    ]
    assert report["models"]["production"] == {
        "llm.model": "claude-opus-4-8",
        "llm.fallback_model": "claude-haiku-4-5-20251001",
    }


def test_json_monorepo_groups(tmp_path: Path) -> None:
    rows, report = model_findings(MODELS / "json_monorepo", tmp_path)
    assert rows == [
        ("MOD001", "production", "services/billing/config/prod.json", 3, 14, "error"),
        ("MOD010", "production", "services/search/config/prod.json", 3, 14, "error"),
    ]
    assert "services/billing:llm.model" in report["models"]["staging"]


def test_toml_bedrock_platform_mismatch(tmp_path: Path) -> None:
    rows, report = model_findings(MODELS / "toml_bedrock", tmp_path)
    assert rows == [("MOD006", "production", "config/production.toml", 3, 9, "error")]
    [finding] = [f for f in report["findings"] if f["code"] == "MOD006"]
    assert "global.anthropic.claude-opus-4-5-20251101-v1:0" in finding["message"]
    assert report["environments"]["production"]["provider"] == "bedrock"


def test_dotenv_vertex(tmp_path: Path) -> None:
    rows, report = model_findings(MODELS / "dotenv_vertex", tmp_path)
    assert rows == [("MOD006", "production", ".env.production", 5, 35, "error")]
    assert report["environments"]["staging"]["provider"] == "vertex"


def test_helm_values(tmp_path: Path) -> None:
    rows, _ = model_findings(MODELS / "helm_chart", tmp_path)
    assert rows == [
        ("MOD001", "production", "deploy/chart/values-prod.yaml", 4, 12, "error"),
        ("MOD003", "production", "deploy/chart/values-prod.yaml", 4, 12, "error"),
    ]


def test_config_file_allow_drift_model_keys_and_catalog(tmp_path: Path) -> None:
    rows, report = model_findings(MODELS / "allow_drift", tmp_path)
    assert rows == [
        ("MOD001", "production", "config/production.yaml", 9, 11, "error"),
        ("MOD002", "production", "config/production.yaml", 9, 11, "error"),
        ("MOD008", "production", "config/production.yaml", 12, 17, "error"),
    ]
    [unknown] = [f for f in report["findings"] if f["code"] == "MOD002"]
    assert "Did you mean `claude-internal-7`?" in unknown["message"]


def test_an_empty_repository_has_nothing_to_check(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("hello\n")
    report_path = tmp_path / "out.json"
    run_cli([str(tmp_path), "--live-check", "off", "--json", str(report_path)])
    report = json.loads(report_path.read_text())
    assert [f["code"] for f in report["findings"] if f["code"].startswith("CFG")] == ["CFG002"]


@pytest.fixture(scope="module")
def examples_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return model_findings(EXAMPLES, tmp_path_factory.mktemp("examples"))[1]


@pytest.mark.parametrize(
    ("code", "environment", "file", "line"),
    [
        ("MOD001", "production", "config/production.yaml", 7),
        ("MOD008", "production", "config/production.yaml", 8),
        ("MOD003", "development", "config/development.yaml", 7),
        ("MOD007", "production", "services/summarizer/.env.production", 2),
        ("MOD005", "staging", "services/summarizer/app.staging.json", 4),
        ("MOD003", None, "src/support_bot/llm.py", 8),  # a constant in the source code
        ("MOD003", None, "src/support_bot/llm.py", 9),  # an `os.getenv` default
        ("REQ001", None, "src/support_bot/llm.py", 44),  # `temperature=0.2` on Claude Opus 5
    ],
)
def test_the_examples_show_their_intended_mistakes(
    examples_report: dict[str, Any], code: str, environment: str, file: str, line: int
) -> None:
    hits = [
        f
        for f in examples_report["findings"]
        if (f["code"], f["environment"], f["file"], f["line"]) == (code, environment, file, line)
    ]
    assert len(hits) == 1, examples_report["findings"]


def test_the_examples_docs_mention_retired_models_and_stay_quiet(
    examples_report: dict[str, Any],
) -> None:
    docs = [f for f in examples_report["findings"] if f["file"] == "docs/models.md"]
    assert len(docs) == 3
    assert {f["severity"] for f in docs} == {"notice"}


def test_litellm_proxy_routes(tmp_path: Path) -> None:
    """LiteLLM's `model_list`: routed values are compared by model, checked in their route's
    platform form, and fixed with the route kept; public `model_name`s are not Claude IDs."""
    rows, report = model_findings(MODELS / "litellm_proxy", tmp_path)
    production = "deploy/production/litellm.yaml"
    assert rows == [
        ("MOD001", "production", production, 13, 14, "error"),  # opus 4.5 tested, 4.1 deployed
        ("MOD002", "production", production, 9, 14, "error"),  # Claude API ID on a Bedrock route
        ("MOD003", "production", production, 13, 14, "error"),  # Opus 4.1 is retired
        ("MOD005", "production", production, 5, 14, "warning"),  # `anthropic/` + an alias
    ]
    by_code = {f["code"]: f for f in report["findings"]}
    assert by_code["MOD002"]["details"]["suggestion"] == (
        "bedrock/converse/global.anthropic.claude-haiku-4-5-20251001-v1:0"
    )
    assert by_code["MOD003"]["details"]["replacement"] == "vertex_ai/claude-opus-4-8"
    assert "`anthropic/claude-haiku-4-5-20251001`" in by_code["MOD005"]["fix"]
    assert report["models"]["production"]["model_list[router].litellm_params.model"] == (
        "openrouter/anthropic/claude-haiku-4.5"
    )
