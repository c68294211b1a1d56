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


def test_missing_references_are_errors_in_production_and_warnings_elsewhere(
    tmp_path: Path,
) -> None:
    scan = _scan(
        ("config/production.yaml", "production", {"llm.model": "x", "db.url": "${DB_URL}"}),
        ("config/staging.yaml", "staging", {"db.url": "${DB_URL}"}),
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
        "`config/production.yaml` reads `${DB_URL}` at `db.url`, but `DB_URL` is not set in this "
        "run: the deployed app would read an empty value."
    )
    assert staging.severity is Severity.WARNING
    assert staging.file == "config/staging.yaml"


def test_provided_references_pass(tmp_path: Path) -> None:
    scan = _scan(("config/production.yaml", "production", {"db.url": "${DB_URL}"}))
    environ = {"ANTHROPIC_API_KEY": KEY, "DB_URL": "postgres://db"}
    assert secrets_outcome(environ, tmp_path, scan=scan).findings == []


def test_an_empty_variable_does_not_satisfy_a_reference(tmp_path: Path) -> None:
    scan = _scan(("config/production.yaml", "production", {"db.url": "${DB_URL}"}))
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": KEY, "DB_URL": ""}, tmp_path, scan=scan)
    assert "`DB_URL` is set but empty" in outcome.findings[0].message


def test_the_api_key_given_as_an_input_satisfies_its_env_var_reference(tmp_path: Path) -> None:
    scan = _scan(("config/production.yaml", "production", {"key": "${ANTHROPIC_API_KEY}"}))
    outcome = secrets_outcome({}, tmp_path, given={"api-key": KEY}, scan=scan)
    assert outcome.findings == []


def test_one_finding_per_file_and_variable(tmp_path: Path) -> None:
    scan = _scan(
        ("config/production.yaml", "production", {"a": "${HOST}", "b": "https://${HOST}/x"})
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
                {"HOST": "api.internal", "URL": "https://$HOST/v1", "TOKEN": "$API_TOKEN"},
                file_format="dotenv",
            )
        ],
        production="production",
    )
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": KEY}, tmp_path, scan=scan)
    assert [f.details["variable"] for f in outcome.findings] == ["API_TOKEN"]


def test_on_a_fork_pr_missing_references_are_notices(tmp_path: Path) -> None:
    scan = _scan(("config/production.yaml", "production", {"db.url": "${DB_URL}"}))
    fork = RunContext(on_github=True, event_name="pull_request", is_fork_pr=True)
    outcome = secrets_outcome({}, tmp_path, scan=scan, context=fork)
    severities = {f.code: f.severity for f in outcome.findings}
    assert severities == {"SEC002": Severity.NOTICE, "SEC006": Severity.NOTICE}


def test_the_value_and_its_default_never_reach_the_message(tmp_path: Path) -> None:
    scan = WorkspaceScan(
        files=[config_file("config/production.yaml", "production", {"k": f"{KEY} $API_TOKEN"})],
        production="production",
    )
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": KEY}, tmp_path, scan=scan)
    finding = outcome.findings[0]
    assert finding.details == {"variable": "API_TOKEN"}
    assert KEY[20:40] not in finding.message + finding.fix
