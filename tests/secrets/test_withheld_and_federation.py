"""Runs without secrets by design (SEC002) and keyless OIDC federation (SEC004)."""

from __future__ import annotations

from pathlib import Path

from checker.context import RunContext
from checker.findings import Severity
from tests.secrets.support import SK, codes, make_key, only, secrets_outcome

KEY = make_key()
FORK = RunContext(
    on_github=True, event_name="pull_request", is_fork_pr=True, fork_repository="eve/app"
)
DEPENDABOT = RunContext(on_github=True, event_name="pull_request", is_dependabot=True)
FEDERATION = {
    "ANTHROPIC_IDENTITY_TOKEN_FILE": "/tmp/oidc-token",
    "ANTHROPIC_FEDERATION_RULE_ID": "fdrl_01ABCdef",
    "ANTHROPIC_ORGANIZATION_ID": "0f8fad5b-d9cb-469f-a165-70867728950e",
    "ANTHROPIC_SERVICE_ACCOUNT_ID": "svac_01XYZ",
}


def test_a_fork_pr_with_an_empty_secret_gets_a_notice_not_an_error(tmp_path: Path) -> None:
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": ""}, tmp_path, context=FORK)
    finding = only(outcome.findings, "SEC002")
    assert finding.severity is Severity.NOTICE
    assert "pull request from the fork `eve/app`" in finding.message
    assert "`workflow_run`" in finding.fix
    assert "Do not switch to `pull_request_target`" in finding.fix
    assert outcome.api_key is None
    assert outcome.live_skip_reason == "secrets are withheld from pull requests from forks"


def test_on_unavailable_secrets_fail_turns_the_notice_into_an_error(tmp_path: Path) -> None:
    outcome = secrets_outcome({}, tmp_path, context=FORK, given={"on-unavailable-secrets": "fail"})
    finding = only(outcome.findings, "SEC002")
    assert finding.severity is Severity.ERROR
    assert "`on-unavailable-secrets: fail`" in finding.message


def test_one_notice_names_every_withheld_secret(tmp_path: Path) -> None:
    outcome = secrets_outcome(
        {}, tmp_path, context=DEPENDABOT, given={"required-secrets": "DB_URL"}
    )
    finding = only(outcome.findings, "SEC002")
    assert codes(outcome.findings) == ["SEC002"]
    assert "`ANTHROPIC_API_KEY`, `DB_URL` are not among them" in finding.message
    assert "Dependabot secrets with the same name" in finding.fix
    assert outcome.live_skip_reason == "Dependabot runs only see Dependabot secrets"


def test_a_dependabot_secret_that_is_configured_is_checked_normally(tmp_path: Path) -> None:
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": KEY + "\n"}, tmp_path, context=DEPENDABOT)
    assert codes(outcome.findings) == ["SEC003"]
    assert outcome.api_key == KEY


def test_offline_checks_still_run_on_a_fork_pr(tmp_path: Path) -> None:
    (tmp_path / "leak.py").write_text(f'KEY = "{KEY}"\n')
    outcome = secrets_outcome({}, tmp_path, context=FORK)
    assert codes(outcome.findings) == ["SEC002", "SEC007"]


def test_complete_federation_needs_no_api_key_and_skips_the_live_check(tmp_path: Path) -> None:
    outcome = secrets_outcome(FEDERATION, tmp_path)
    assert outcome.findings == []
    assert outcome.api_key is None
    assert outcome.live_skip_reason is not None
    assert "does not perform the token exchange" in outcome.live_skip_reason


def test_incomplete_federation_names_what_is_missing(tmp_path: Path) -> None:
    environ = dict(FEDERATION)
    del environ["ANTHROPIC_SERVICE_ACCOUNT_ID"]
    environ["ANTHROPIC_IDENTITY_TOKEN_FILE"] = ""
    outcome = secrets_outcome(environ, tmp_path)
    finding = only(outcome.findings, "SEC004")
    assert "neither `ANTHROPIC_IDENTITY_TOKEN_FILE` nor `ANTHROPIC_IDENTITY_TOKEN`" in (
        finding.message
    )
    assert "`ANTHROPIC_SERVICE_ACCOUNT_ID` is missing or empty" in finding.message
    assert "SEC001" not in codes(outcome.findings)


def test_an_empty_api_key_shadows_federation(tmp_path: Path) -> None:
    outcome = secrets_outcome({**FEDERATION, "ANTHROPIC_API_KEY": ""}, tmp_path)
    finding = only(outcome.findings, "SEC004")
    assert "`ANTHROPIC_API_KEY` is set to an empty string" in finding.message
    assert "takes precedence over keyless federation" in finding.message
    assert codes(outcome.findings) == ["SEC004"]


def test_a_set_api_key_next_to_federation_is_reported_and_still_checked(tmp_path: Path) -> None:
    outcome = secrets_outcome({**FEDERATION, "ANTHROPIC_API_KEY": KEY}, tmp_path)
    assert "is set in this run" in only(outcome.findings, "SEC004").message
    assert outcome.api_key == KEY


def test_malformed_federation_ids_are_named_without_their_values(tmp_path: Path) -> None:
    environ = {
        **FEDERATION,
        "ANTHROPIC_FEDERATION_RULE_ID": "rule-123",
        "ANTHROPIC_ORGANIZATION_ID": FEDERATION["ANTHROPIC_ORGANIZATION_ID"] + "\n",
        "ANTHROPIC_WORKSPACE_ID": "wrkspc_01abc",
    }
    outcome = secrets_outcome(environ, tmp_path)
    messages = sorted(f.message for f in outcome.findings if f.code == "SEC003")
    assert messages == [
        "`ANTHROPIC_FEDERATION_RULE_ID` does not start with `fdrl_`; federation IDs are copied "
        "from the Console exactly.",
        "`ANTHROPIC_ORGANIZATION_ID` has surrounding whitespace; federation IDs are copied from "
        "the Console exactly.",
    ]


def test_an_api_key_in_the_identity_token_slot_is_the_wrong_kind(tmp_path: Path) -> None:
    environ = {**FEDERATION, "ANTHROPIC_IDENTITY_TOKEN": KEY}
    del environ["ANTHROPIC_IDENTITY_TOKEN_FILE"]
    outcome = secrets_outcome(environ, tmp_path)
    assert "not the GitHub OIDC token" in only(outcome.findings, "SEC004").message


def test_federation_on_a_fork_pr_reports_the_missing_token_as_withheld(tmp_path: Path) -> None:
    environ = dict(FEDERATION)
    del environ["ANTHROPIC_IDENTITY_TOKEN_FILE"]
    outcome = secrets_outcome(environ, tmp_path, context=FORK)
    assert codes(outcome.findings) == ["SEC002"]
    assert "ANTHROPIC_IDENTITY_TOKEN_FILE / ANTHROPIC_IDENTITY_TOKEN" in outcome.findings[0].message


def test_the_oauth_prefix_is_recognised_in_the_api_key_slot_on_a_fork_too(tmp_path: Path) -> None:
    token = SK + "oat01-" + "Zz09" * 20
    outcome = secrets_outcome({"ANTHROPIC_API_KEY": token}, tmp_path, context=FORK)
    assert codes(outcome.findings) == ["SEC004"]
