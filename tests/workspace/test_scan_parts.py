"""The one pass's small parts: tiers, new layout rows, sections, ignore comments, text tokens."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.findings import Location, Severity
from checker.scan.discovery import scan_workspace
from checker.scan.kinds import capped_by_tier, structured_format, tier_of
from checker.scan.layouts import LayoutMatch, layout_patterns, match_layout
from checker.scan.litellm import is_litellm_config, keyed_by_name
from checker.scan.runenv import run_environment_file
from checker.scan.sections import split_sections
from checker.scan.suppress import EVERY_CODE, PathGlobs, Suppression, inline_ignores
from checker.scan.text import id_tokens
from checker.settings import Settings
from checker.workspace.model import ConfigValue
from checker.workspace.names import user_env
from tests.reporting.reports import model_finding


def parts(path: str) -> list[str]:
    return path.split("/")


@pytest.mark.parametrize(
    ("path", "tier"),
    [
        ("src/app/llm.py", "runtime"),
        ("infra/main.tf", "runtime"),
        ("template.yaml", "runtime"),  # SAM's template is what deploys
        ("README.md", "nonruntime"),
        ("docs/models.yaml", "nonruntime"),
        ("services/api/tests/conftest.py", "nonruntime"),
        ("src/__tests__/client.ts", "nonruntime"),
        ("src/client.test.ts", "nonruntime"),
        ("pkg/llm/client_test.go", "nonruntime"),
        ("tests/fixtures/config/prod.yaml", "nonruntime"),
        ("examples/basic.py", "nonruntime"),
        ("vendor/github.com/x/y.go", "nonruntime"),
        ("CHANGELOG.md", "nonruntime"),
        ("analysis.ipynb", "nonruntime"),
        ("data/evals.jsonl", "nonruntime"),
        ("package-lock.json", "nonruntime"),
        ("test_llm.py", "nonruntime"),
        (".env.example", "template"),
        ("config/settings.sample.yaml", "template"),
        ("docker-compose.override.yml.dist", "template"),
    ],
)
def test_every_path_has_one_tier(path: str, tier: str) -> None:
    assert tier_of(parts(path)) == tier


def test_template_suffixes_keep_the_real_reader() -> None:
    assert structured_format(".env.example") == "dotenv"
    assert structured_format("prod.tfvars") == "hcl"
    assert structured_format("appsettings.Production.json") == "jsonc"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("infra/environments/prod.tfvars", LayoutMatch("production", "infra", "hcl")),
        ("infra/envs/staging.tfvars", LayoutMatch("staging", "infra/envs", "hcl")),
        ("infra/prod/terraform.tfvars", LayoutMatch("production", "infra", "hcl")),
        ("docker-compose.production.yml", LayoutMatch("production", "", "yaml")),
        ("deploy/compose.staging.yaml", LayoutMatch("staging", "deploy", "yaml")),
        ("environments/prod.yaml", LayoutMatch("production", "", "yaml")),
        ("environments/prod/app.yaml", LayoutMatch("production", "", "yaml")),
    ],
)
def test_the_new_layout_rows(path: str, expected: LayoutMatch) -> None:
    assert match_layout(parts(path)) == expected


def test_a_tfvars_that_names_no_environment_is_not_a_layout() -> None:
    assert match_layout(parts("infra/terraform.tfvars")) is None


def test_the_table_lists_every_row_the_spec_names() -> None:
    patterns = layout_patterns()
    for pattern in ("**/ENV.tfvars", "**/ENV/*.tfvars", "compose.ENV.{yml,yaml}", "config/ENV/**"):
        assert pattern in patterns


def value(key: str, text: str, line: int = 1, column: int = 1) -> ConfigValue:
    return ConfigValue(key, text, Location("f", line, column))


def test_wrangler_sections_share_one_slot_name() -> None:
    sections = split_sections(
        "wrangler.toml",
        [
            value("name", "api"),
            value("vars.CLAUDE_MODEL", "claude-a"),
            value("env.production.vars.CLAUDE_MODEL", "claude-b"),
            value("env.staging.vars.CLAUDE_MODEL", "claude-c"),
        ],
        user_env,
    )
    assert {env: [(v.key_path, v.value) for v in part] for env, part in sections.items()} == {
        None: [("name", "api"), ("vars.CLAUDE_MODEL", "claude-a")],
        "production": [("vars.CLAUDE_MODEL", "claude-b")],
        "staging": [("vars.CLAUDE_MODEL", "claude-c")],
    }


def test_samconfig_parameter_overrides_are_split_at_their_own_columns() -> None:
    overrides = 'ClaudeModelId="claude-x" Stage=prod'
    sections = split_sections(
        "samconfig.toml",
        [
            value("version", "0.1"),
            value("default.deploy.parameters.stack_name", "app"),
            value("prod.deploy.parameters.parameter_overrides", overrides, 9, 25),
        ],
        user_env,
    )
    [model, stage] = sections["production"]
    assert (model.key_path, model.value) == (
        "deploy.parameters.parameter_overrides.ClaudeModelId",
        "claude-x",
    )
    assert model.location.column == 25 + overrides.index("claude-x")
    assert (stage.key_path, stage.value) == ("deploy.parameters.parameter_overrides.Stage", "prod")
    assert [v.key_path for v in sections[None]] == ["version", "deploy.parameters.stack_name"]


def test_ignore_comments_in_every_comment_syntax() -> None:
    text = "\n".join(
        [
            'MODEL = "x"  # claude-preflight: ignore',
            "// claude-preflight: ignore[MOD003, mod005]",
            "<!-- claude-preflight: ignore[MOD001] -->",
            "-- claude-preflight: ignore",
            'print("claude-preflight: ignore")',  # a string, not a comment
        ]
    )
    assert inline_ignores(text) == {
        1: EVERY_CODE,
        2: frozenset({"MOD003", "MOD005"}),
        3: frozenset({"MOD001"}),
        4: EVERY_CODE,
    }


def test_an_ignore_covers_its_line_and_the_next_and_is_counted() -> None:
    def at(line: int, code: str = "MOD003") -> object:
        return model_finding(code, "claude-2.1", location=Location("src/llm.py", line, 1))

    suppression = Suppression({"src/llm.py": {3: frozenset({"MOD003"})}})
    findings = [at(3), at(4), at(5), at(4, "MOD005")]
    kept, dropped = suppression.apply(findings)  # type: ignore[arg-type]
    assert [(f.code, f.line) for f in kept] == [("MOD003", 5), ("MOD005", 4)]
    assert [(s.code, s.line, s.origin) for s in dropped] == [
        ("MOD003", 3, "inline comment"),
        ("MOD003", 4, "inline comment"),
    ]


def test_findings_in_docs_are_notices_and_in_templates_warnings_at_most() -> None:
    findings = [
        model_finding("MOD003", "claude-2.1", location=Location("docs/a.md", 1, 1)),
        model_finding("MOD003", "claude-2.1", location=Location(".env.example", 1, 1)),
        model_finding("MOD003", "claude-2.1", location=Location("src/a.py", 1, 1)),
    ]
    capped, count = capped_by_tier(
        findings, {"docs/a.md": "nonruntime", ".env.example": "template"}
    )
    assert [f.severity for f in capped] == [Severity.NOTICE, Severity.WARNING, Severity.ERROR]
    assert count == 2


def test_path_globs_match_files_and_folders() -> None:
    globs = PathGlobs(["bench", "checker/models/ids/catalog.json", "**/generated/*.py", "[bad"])
    assert globs.matches("bench/monorepo.py")
    assert globs.matches("checker/models/ids/catalog.json")
    assert globs.matches("a/b/generated/x.py")
    assert globs.matches("[bad")
    assert not globs.matches("benchmarks/x.py")
    assert not PathGlobs([]).matches("anything")


def test_text_tokens_are_whole_tokens_only() -> None:
    text = (
        "Use `claude-sonnet-4-5-20250929`.\n"
        "run: claude-3-opus-2024-06-12-1404 and https://x.io/claude-3-opus-20240229\n"
        "ENV CLAUDE_MODEL=claude-3-haiku-20240307\n"
    )
    assert id_tokens(text) == [
        ("claude-sonnet-4-5-20250929", 1, 6),
        ("claude-3-opus-2024-06-12-1404", 2, 6),
        ("https://x.io/claude-3-opus-20240229", 2, 40),
        ("CLAUDE_MODEL", 3, 5),
        ("claude-3-haiku-20240307", 3, 18),
    ]


def test_text_tokens_are_bounded_on_a_line_of_claudes() -> None:
    assert len(id_tokens("claude " * 100_000)) == 2_000


def test_litellm_entries_are_keyed_by_name_and_client_names_dropped() -> None:
    values = [
        value("model_list[0].model_name", "claude-sonnet"),
        value("model_list[0].litellm_params.model", "anthropic/claude-x"),
        value("model_list[1].model_name", "haiku"),
        value("model_list[1].litellm_params.model", "anthropic/claude-y"),
        value("litellm_settings.default_team_settings[0].models[0]", "claude-sonnet"),
    ]
    assert is_litellm_config(values)
    kept = keyed_by_name(values, litellm=True)
    assert [(v.key_path, v.value) for v in kept] == [
        ("model_list[claude-sonnet].litellm_params.model", "anthropic/claude-x"),
        ("model_list[haiku].litellm_params.model", "anthropic/claude-y"),
    ]


def test_the_run_environment_is_production_values_named_env() -> None:
    config = run_environment_file(
        {
            "ANTHROPIC_MODEL": "claude-3-opus-20240229",
            "SUMMARY_MODEL": "claude-x",
            "OPENAI_MODEL": "gpt-4o",
            "PATH": "/bin",
        }
    )
    assert config is not None
    assert config.environment is None
    assert [(v.key_path, v.location.file) for v in config.values] == [
        ("ANTHROPIC_MODEL", "env:ANTHROPIC_MODEL"),
        ("SUMMARY_MODEL", "env:SUMMARY_MODEL"),
    ]
    assert run_environment_file({"PATH": "/bin"}) is None


def test_every_environment_name_holds_a_core_the_layout_prefilter_looks_for() -> None:
    from checker.scan.layouts import _ALIAS_CORES  # noqa: PLC0415 - the prefilter's own table
    from checker.workspace.names import ALIASES  # noqa: PLC0415

    assert all(any(core in alias for core in _ALIAS_CORES) for alias in ALIASES)


def test_a_reordered_model_list_is_the_same_slots(tmp_path: Path) -> None:
    """Entries keyed by name: swapping two entries between environments is not drift."""
    entries = {
        "staging": ("chat", "claude-opus-4-8", "fast", "claude-haiku-5-5"),
        "production": ("fast", "claude-haiku-5-5", "chat", "claude-opus-4-8"),
    }
    for environment, (first, first_model, second, second_model) in entries.items():
        folder = tmp_path / "deploy" / environment
        folder.mkdir(parents=True)
        (folder / "litellm.yaml").write_text(
            f"model_list:\n  - model_name: {first}\n    litellm_params:\n"
            f"      model: anthropic/{first_model}\n  - model_name: {second}\n"
            f"    litellm_params:\n      model: anthropic/{second_model}\n"
        )
    result = scan_workspace(Settings(workspace=tmp_path, config_path=None))
    keys = {
        config.environment: sorted(value.key_path for value in config.values)
        for config in result.files
    }
    assert (
        keys["staging"]
        == keys["production"]
        == [
            "model_list[chat].litellm_params.model",
            "model_list[fast].litellm_params.model",
        ]
    )
