"""SEC006: env var references in environment config files that this run does not provide."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.context import RunContext
from checker.findings import Severity
from checker.secrets.references import references_in
from checker.workspace.model import WorkspaceScan
from tests.secrets.support import config_file, make_key, secrets_outcome

KEY = make_key()


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("${DB_URL}", ["DB_URL"]),
        ("postgres://${DB_USER}:${DB_PASS}@db/app", ["DB_USER", "DB_PASS"]),
        ("${DB_URL:?set it}", ["DB_URL"]),
        ("${DB_URL?set it}", ["DB_URL"]),
        ("${env:DB_URL}", ["DB_URL"]),
        ("$DB_URL", ["DB_URL"]),
        ("  $lowercase_ok  ", ["lowercase_ok"]),
        ("os.environ/ANTHROPIC_API_KEY", ["ANTHROPIC_API_KEY"]),
        ("env:ANTHROPIC_API_KEY", ["ANTHROPIC_API_KEY"]),
        ("https://$API_HOST/v1", ["API_HOST"]),
        ("${A:-${B}}", []),
        ("${A}${B:-x}", ["A"]),
    ],
)
def test_references_are_recognised(text: str, names: list[str]) -> None:
    assert [reference.name for reference in references_in(text)] == names


@pytest.mark.parametrize(
    "text",
    [
        "${DB_URL:-postgres://localhost/app}",
        "${DB_URL-fallback}",
        "${DB_URL:=fallback}",
        "${DB_URL:fallback}",
        "${DB_URL:+set}",
        "${spring.datasource.url}",
        "${{ secrets.ANTHROPIC_API_KEY }}",
        "$${NOT_A_REFERENCE}",
        "\\${NOT_A_REFERENCE}",
        "costs $5 per month",
        "$5",
        "^claude-.*$",
        "[a-z]+$",
        "pay in $USD",
        "price: $$MONEY_LEFT",
        "env:prod",
        "$",
        "${",
        "${unclosed",
    ],
)
def test_non_references_and_satisfied_references_are_left_alone(text: str) -> None:
    assert references_in(text) == []


def test_dotenv_files_expand_any_dollar_name() -> None:
    assert [r.name for r in references_in("pa$word", dotenv=True)] == ["word"]
    assert references_in("pa$word") == []


def _scan(*files: tuple[str, str, dict[str, str]]) -> WorkspaceScan:
    return WorkspaceScan(
        files=[config_file(path, env, values) for path, env, values in files],
        environments=sorted({env for _, env, _ in files}),
        production="production",
    )


def test_missing_claude_settings_are_errors_in_production_and_warnings_elsewhere(
    tmp_path: Path,
) -> None:
    scan = _scan(
        (
            "config/production.yaml",
            "production",
            {"llm.model": "x", "llm.base_url": "${ANTHROPIC_BASE_URL}"},
        ),
        ("config/staging.yaml", "staging", {"llm.base_url": "${ANTHROPIC_BASE_URL}"}),
    )
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": KEY}, tmp_path, scan=scan)
    production, staging = sorted(outcome.findings, key=lambda f: f.file or "")
    assert production.severity is Severity.ERROR
    assert production.environment == "production"
    assert (production.file, production.line, production.column) == (
        "config/production.yaml",
        2,
        3,
    )
    assert production.message == (
        "`config/production.yaml` reads `${ANTHROPIC_BASE_URL}` at `llm.base_url`, but "
        "`ANTHROPIC_BASE_URL` is not set in this run: the deployed app would read an empty value."
    )
    assert staging.severity is Severity.WARNING
    assert staging.file == "config/staging.yaml"
    assert outcome.unchecked.references == 0


def test_other_variables_are_left_alone_and_counted(tmp_path: Path) -> None:
    """A database URL or another provider's key is not the gate's business."""
    scan = _scan(
        (
            "config/production.yaml",
            "production",
            {
                "db.url": "postgres://${DB_USER}:${DB_PASSWORD}@${DB_HOST}/app",
                "openai.api_key": "${OPENAI_API_KEY}",
                "cache.url": "${REDIS_URL}",
            },
        ),
        ("config/staging.yaml", "staging", {"db.url": "${DB_URL}"}),
    )
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": KEY}, tmp_path, scan=scan)
    assert outcome.findings == []
    assert outcome.unchecked.references == 6
    assert outcome.unchecked.variables == 6
    assert outcome.unchecked.examples == ("DB_USER", "DB_PASSWORD", "DB_HOST")


@pytest.mark.parametrize(
    ("values", "variable"),
    [
        # LiteLLM: the key of an `anthropic/` route, whatever its name
        (
            {
                "model_list[0].model_name": "claude",
                "model_list[0].litellm_params.model": "anthropic/claude-sonnet-4-6",
                "model_list[0].litellm_params.api_key": "os.environ/TEAM_KEY",
            },
            "TEAM_KEY",
        ),
        # the same mapping as a Claude model
        ({"llm.model": "claude-opus-4-8", "llm.api_key": "${LLM_KEY}"}, "LLM_KEY"),
        # a model setting read from a variable, in a group that uses Claude
        ({"llm.model": "claude-opus-4-8", "summary.model": "${SUMMARY_MODEL}"}, "SUMMARY_MODEL"),
        # the `--api-key-env` name and the Claude prefixes
        ({"key": "${ANTHROPIC_API_KEY_PROD}"}, "ANTHROPIC_API_KEY_PROD"),
        ({"flag": "${CLAUDE_CODE_USE_BEDROCK}"}, "CLAUDE_CODE_USE_BEDROCK"),
        ({"token": "$ANTHROPIC_FEDERATION_RULE_ID"}, "ANTHROPIC_FEDERATION_RULE_ID"),
    ],
)
def test_claude_settings_are_checked_wherever_they_are_read(
    tmp_path: Path, values: dict[str, str], variable: str
) -> None:
    scan = _scan(("config/production.yaml", "production", values))
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": KEY}, tmp_path, scan=scan)
    assert [f.details["variable"] for f in outcome.findings] == [variable]
    assert outcome.findings[0].severity is Severity.ERROR


def test_a_model_slot_in_another_environment_makes_its_variable_a_claude_setting(
    tmp_path: Path,
) -> None:
    scan = _scan(
        ("config/staging.yaml", "staging", {"llm.model": "claude-sonnet-4-6"}),
        ("config/production.yaml", "production", {"llm.model": "${LLM_MODEL}"}),
    )
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": KEY}, tmp_path, scan=scan)
    assert [f.details["variable"] for f in outcome.findings] == ["LLM_MODEL"]


def test_another_vendors_settings_stay_quiet_even_beside_claude(tmp_path: Path) -> None:
    scan = _scan(
        (
            "config/production.yaml",
            "production",
            {
                "llm.model": "claude-sonnet-4-6",
                "openai.model": "${OPENAI_MODEL}",
                "search.embedding_model": "${EMBEDDING_MODEL}",
            },
        )
    )
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": KEY}, tmp_path, scan=scan)
    assert outcome.findings == []
    assert outcome.unchecked.references == 2


def test_a_required_secret_is_checked_by_sec001_not_left_alone(tmp_path: Path) -> None:
    scan = _scan(("config/production.yaml", "production", {"db.url": "${DB_URL}"}))
    outcome = secrets_outcome(
        {"ANTHROPIC_API_KEY": KEY}, tmp_path, scan=scan, given={"required-secrets": "DB_URL"}
    )
    assert [f.code for f in outcome.findings] == ["SEC001"]
    assert outcome.unchecked.references == 0


def test_provided_references_pass(tmp_path: Path) -> None:
    scan = _scan(("config/production.yaml", "production", {"url": "${ANTHROPIC_BASE_URL}"}))
    environ = {"ANTHROPIC_API_KEY": KEY, "ANTHROPIC_BASE_URL": "https://api.anthropic.com"}
    assert secrets_outcome(environ, tmp_path, scan=scan).findings == []


def test_an_empty_variable_does_not_satisfy_a_reference(tmp_path: Path) -> None:
    scan = _scan(("config/production.yaml", "production", {"url": "${ANTHROPIC_BASE_URL}"}))
    environ = {"ANTHROPIC_API_KEY": KEY, "ANTHROPIC_BASE_URL": ""}
    outcome = secrets_outcome(environ, tmp_path, scan=scan)
    assert "`ANTHROPIC_BASE_URL` is set but empty" in outcome.findings[0].message


def test_the_api_key_given_as_an_input_satisfies_its_env_var_reference(tmp_path: Path) -> None:
    scan = _scan(("config/production.yaml", "production", {"key": "${ANTHROPIC_API_KEY}"}))
    outcome = secrets_outcome({}, tmp_path, given={"api-key": KEY}, scan=scan)
    assert outcome.findings == []


def test_one_finding_per_file_and_variable(tmp_path: Path) -> None:
    scan = _scan(
        (
            "config/production.yaml",
            "production",
            {"a": "${CLAUDE_HOST}", "b": "https://${CLAUDE_HOST}/x"},
        )
    )
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": KEY}, tmp_path, scan=scan)
    assert len(outcome.findings) == 1
    assert outcome.findings[0].line == 1


def test_a_dotenv_file_may_reference_its_own_keys(tmp_path: Path) -> None:
    scan = WorkspaceScan(
        files=[
            config_file(
                ".env.production",
                "production",
                {
                    "CLAUDE_HOST": "api.internal",
                    "ANTHROPIC_BASE_URL": "https://$CLAUDE_HOST/v1",
                    "TOKEN": "$ANTHROPIC_AUTH_TOKEN",
                },
                file_format="dotenv",
            )
        ],
        production="production",
    )
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": KEY}, tmp_path, scan=scan)
    assert [f.details["variable"] for f in outcome.findings] == ["ANTHROPIC_AUTH_TOKEN"]


def test_on_a_fork_pr_missing_references_are_notices(tmp_path: Path) -> None:
    scan = _scan(("config/production.yaml", "production", {"url": "${ANTHROPIC_BASE_URL}"}))
    fork = RunContext(on_github=True, event_name="pull_request", is_fork_pr=True)
    outcome = secrets_outcome({}, tmp_path, scan=scan, context=fork)
    severities = {f.code: f.severity for f in outcome.findings}
    assert severities == {"SEC002": Severity.NOTICE, "SEC006": Severity.NOTICE}


def test_the_value_and_its_default_never_reach_the_message(tmp_path: Path) -> None:
    scan = WorkspaceScan(
        files=[
            config_file(
                "config/production.yaml", "production", {"k": f"{KEY} $ANTHROPIC_AUTH_TOKEN"}
            )
        ],
        production="production",
    )
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": KEY}, tmp_path, scan=scan)
    finding = outcome.findings[0]
    assert finding.details == {"variable": "ANTHROPIC_AUTH_TOKEN"}
    assert KEY[20:40] not in finding.message + finding.fix


def test_a_mapping_with_a_claude_model_claims_only_its_connection(tmp_path: Path) -> None:
    """`app.model` and `app.db_url` side by side: the model's mapping, not the database's."""
    values = {"app.model": "claude-opus-4-8", "app.db_url": "${DB_URL}", "app.url": "${LLM_URL}"}
    scan = _scan(("config/production.yaml", "production", values))
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": KEY}, tmp_path, scan=scan)
    assert [f.details["variable"] for f in outcome.findings] == ["LLM_URL"]
    assert outcome.unchecked.examples == ("DB_URL",)
