"""The secrets job through the real CLI and the real action entrypoint, in every run context.

Keys are made at run time; committed-key repositories are copies of the fixture with a leaked file
added in tmp_path, so no key-shaped literal is ever committed.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.fake_api import VALID_KEY, FakeAnthropic
from tests.helpers import FIXTURES, Run, base_env, run_action, run_cli
from tests.secrets.support import SK, assert_no_fragment, make_key

APP = FIXTURES / "secrets" / "app"
PUBLIC = SK + "api03-"


def _pr_event(head_repo: str, head_ref: str, author: str) -> dict[str, Any]:
    """A `pull_request` payload as GitHub writes it to `$GITHUB_EVENT_PATH` (the fields we read)."""
    return {
        "pull_request": {
            "number": 7,
            "head": {
                "ref": head_ref,
                "repo": {"fork": head_repo != "acme/app", "full_name": head_repo},
            },
            "base": {"ref": "main", "repo": {"full_name": "acme/app"}},
            "user": {"login": author},
        },
        "repository": {"full_name": "acme/app"},
    }


SAME_REPO_PR = _pr_event("acme/app", "feature", "octocat")
FORK_PR = _pr_event("eve/app", "patch-1", "eve")
DEPENDABOT_PR = _pr_event("acme/app", "dependabot/pip/httpx-0.28", "dependabot[bot]")
ENV = {"DATABASE_URL": "postgres://db/support", "REDIS_HOST": "redis"}


@pytest.fixture
def app(tmp_path: Path) -> Path:
    workspace = tmp_path / "app"
    shutil.copytree(APP, workspace)
    return workspace


def _codes(run: Run) -> dict[str, str]:
    assert run.report is not None, run.stderr
    return {f["code"]: f["severity"] for f in run.report["findings"]}


def _finding(run: Run, code: str) -> dict[str, Any]:
    assert run.report is not None
    matching: list[dict[str, Any]] = [f for f in run.report["findings"] if f["code"] == code]
    assert len(matching) == 1
    return matching[0]


def _action(
    app: Path,
    tmp_path: Path,
    api: FakeAnthropic,
    *,
    inputs: dict[str, str] | None = None,
    env: dict[str, str] | None = None,
    event: dict[str, Any] | None = None,
    event_name: str = "push",
) -> Run:
    return run_action(
        app,
        tmp_path,
        inputs={"base-url": api.url, **(inputs or {})},
        env={**ENV, **(env or {})},
        event=event,
        event_name=event_name,
    )


def test_push_with_a_valid_key_passes_and_runs_the_live_check(
    app: Path, tmp_path: Path, api: FakeAnthropic
) -> None:
    run = _action(app, tmp_path, api, env={"ANTHROPIC_API_KEY": VALID_KEY})
    assert run.returncode == 0, run.stdout
    assert not [code for code in _codes(run) if code.startswith("SEC")]
    assert api.to("GET", "/v1/models")
    assert f"::add-mask::{VALID_KEY}" in run.stdout
    assert_no_fragment(
        VALID_KEY, run.all_text.replace(f"::add-mask::{VALID_KEY}", ""), public=PUBLIC
    )


def test_same_repo_pr_without_the_secret_fails_naming_the_input_and_env_var(
    app: Path, tmp_path: Path, api: FakeAnthropic
) -> None:
    run = _action(app, tmp_path, api, event=SAME_REPO_PR, event_name="pull_request")
    assert run.returncode == 1
    assert _codes(run)["SEC001"] == "error"
    message = _finding(run, "SEC001")["message"]
    assert "the `api-key` input is empty and `ANTHROPIC_API_KEY` is not set" in message
    assert "::error title=SEC001" in run.stdout
    assert "SEC001" in run.summary
    assert run.outputs is not None
    assert run.outputs["passed"] == "false"
    assert not api.requests


def test_fork_pr_with_an_empty_secret_passes_with_a_notice(
    app: Path, tmp_path: Path, api: FakeAnthropic
) -> None:
    run = _action(
        app,
        tmp_path,
        api,
        inputs={"api-key": ""},
        env={"ANTHROPIC_API_KEY": ""},
        event=FORK_PR,
        event_name="pull_request",
    )
    assert run.returncode == 0, run.stdout
    assert _codes(run)["SEC002"] == "notice"
    assert "SEC001" not in _codes(run)
    assert "`workflow_run`" in _finding(run, "SEC002")["fix"]
    assert "::notice title=SEC002" in run.stdout
    assert run.report is not None
    assert "fork" in run.report["live"]["skipped"]
    assert run.report["context"]["fork_pr"] is True
    assert not api.requests


def test_fork_pr_fails_when_asked_to(app: Path, tmp_path: Path, api: FakeAnthropic) -> None:
    run = _action(
        app,
        tmp_path,
        api,
        inputs={"on-unavailable-secrets": "fail"},
        event=FORK_PR,
        event_name="pull_request",
    )
    assert run.returncode == 1
    assert _codes(run)["SEC002"] == "error"


def test_fork_pr_still_runs_the_offline_checks(
    app: Path, tmp_path: Path, api: FakeAnthropic
) -> None:
    (app / "src").mkdir()
    leaked = make_key(seed=11)
    (app / "src" / "bot.py").write_text(f'API_KEY = "{leaked}"\n')
    run = _action(app, tmp_path, api, event=FORK_PR, event_name="pull_request")
    assert run.returncode == 1
    finding = _finding(run, "SEC007")
    assert (finding["file"], finding["line"], finding["column"]) == ("src/bot.py", 1, 12)
    assert "::error title=SEC007" in run.stdout
    assert_no_fragment(leaked, run.all_text, public=PUBLIC)


def test_dependabot_without_a_dependabot_secret_passes_with_the_dependabot_fix(
    app: Path, tmp_path: Path, api: FakeAnthropic
) -> None:
    run = _action(
        app,
        tmp_path,
        api,
        env={"GITHUB_ACTOR": "dependabot[bot]"},
        event=DEPENDABOT_PR,
        event_name="pull_request",
    )
    assert run.returncode == 0, run.stdout
    assert "Dependabot secret" in _finding(run, "SEC002")["fix"]
    assert not api.requests


def test_dependabot_with_a_dependabot_secret_is_checked_normally(
    app: Path, tmp_path: Path, api: FakeAnthropic
) -> None:
    run = _action(
        app,
        tmp_path,
        api,
        inputs={"api-key": VALID_KEY},
        env={"GITHUB_ACTOR": "dependabot[bot]"},
        event=DEPENDABOT_PR,
        event_name="pull_request",
    )
    assert run.returncode == 0, run.stdout
    assert "SEC002" not in _codes(run)
    assert api.to("GET", "/v1/models")


def test_workflow_dispatch_with_a_trailing_newline_fails_and_never_leaks(
    app: Path, tmp_path: Path, api: FakeAnthropic
) -> None:
    run = _action(
        app,
        tmp_path,
        api,
        inputs={"api-key": VALID_KEY + "\n"},
        event={"inputs": {}},
        event_name="workflow_dispatch",
    )
    assert run.returncode == 1
    assert _finding(run, "SEC003")["message"] == "The `api-key` input ends with a newline."
    assert api.to("GET", "/v1/models")[0].headers["x-api-key"] == VALID_KEY
    visible = "\n".join(
        line for line in run.all_text.splitlines() if not line.startswith("::add-mask::")
    )
    assert_no_fragment(VALID_KEY, visible, public=PUBLIC)


def test_an_admin_key_in_the_input_is_never_sent(
    app: Path, tmp_path: Path, api: FakeAnthropic
) -> None:
    admin = make_key("admin01", seed=5)
    run = _action(app, tmp_path, api, inputs={"api-key": admin})
    assert run.returncode == 1
    assert "Admin API key" in _finding(run, "SEC004")["message"]
    assert not api.requests
    visible = "\n".join(
        line for line in run.all_text.splitlines() if not line.startswith("::add-mask::")
    )
    assert_no_fragment(admin, visible, public=SK + "admin01-")


def test_a_placeholder_key_fails_with_sec005(app: Path, tmp_path: Path, api: FakeAnthropic) -> None:
    run = _action(app, tmp_path, api, env={"ANTHROPIC_API_KEY": "your-api-key-here"})
    assert run.returncode == 1
    assert _codes(run)["SEC005"] == "error"
    assert not api.requests


def test_claude_settings_the_run_lacks_fail_production_and_warn_staging(
    app: Path, tmp_path: Path, api: FakeAnthropic
) -> None:
    """`DATABASE_URL` and `REDIS_HOST` are the deploy platform's: left alone, and counted."""
    production = app / "config" / "production.yaml"
    production.write_text(
        production.read_text().replace(
            "  api_key: ${ANTHROPIC_API_KEY}\n",
            "  api_key: ${ANTHROPIC_API_KEY}\n  base_url: ${ANTHROPIC_BASE_URL}\n",
        )
    )
    staging = app / ".env.staging"
    staging.write_text(staging.read_text() + "ANTHROPIC_BASE_URL=${ANTHROPIC_BASE_URL}\n")
    run = run_action(
        app,
        tmp_path,
        inputs={"base-url": api.url, "api-key": VALID_KEY},
        env={},
        event_name="push",
    )
    assert run.returncode == 1
    assert run.report is not None
    refs = sorted(
        (f["file"], f["line"], f["severity"], f["details"]["variable"])
        for f in run.report["findings"]
        if f["code"] == "SEC006"
    )
    lines = len(staging.read_text().splitlines())
    assert refs == [
        (".env.staging", lines, "warning", "ANTHROPIC_BASE_URL"),
        ("config/production.yaml", 6, "error", "ANTHROPIC_BASE_URL"),
    ]
    assert "file=config/production.yaml,line=6" in run.stdout
    unchecked = run.report["unchecked_references"]
    assert (unchecked["references"], unchecked["variables"]) == (2, 2)
    assert set(unchecked["examples"]) == {"DATABASE_URL", "REDIS_HOST"}
    assert "were left alone: they are not Claude settings" in run.summary


def test_keyless_federation_passes_without_a_key_and_skips_the_live_check(
    app: Path, tmp_path: Path, api: FakeAnthropic
) -> None:
    federation = {
        "ANTHROPIC_IDENTITY_TOKEN_FILE": str(tmp_path / "oidc-token"),
        "ANTHROPIC_FEDERATION_RULE_ID": "fdrl_01ABCdef",
        "ANTHROPIC_ORGANIZATION_ID": "0f8fad5b-d9cb-469f-a165-70867728950e",
        "ANTHROPIC_SERVICE_ACCOUNT_ID": "svac_01XYZ",
    }
    run = _action(app, tmp_path, api, env=federation)
    assert run.returncode == 0, run.stdout
    assert run.report is not None
    assert "token exchange" in run.report["live"]["skipped"]
    shadowed = _action(app, tmp_path, api, env={**federation, "ANTHROPIC_API_KEY": ""})
    assert shadowed.returncode == 1
    assert "takes precedence over keyless federation" in _finding(shadowed, "SEC004")["message"]


def test_outside_github_a_missing_key_fails_with_an_export_fix(app: Path) -> None:
    run = run_cli(
        [str(app), "--live-check", "off", "--json", str(app / "r.json")], env=base_env(**ENV)
    )
    assert run.returncode == 1
    assert "error SEC001 No API key in this run: `ANTHROPIC_API_KEY` is not set." in run.stdout
    assert "fix: Export `ANTHROPIC_API_KEY`" in run.stdout
    assert "::" not in run.stdout


def test_outside_github_a_valid_key_passes(app: Path, api: FakeAnthropic) -> None:
    run = run_cli(
        [str(app), "--base-url", api.url],
        env=base_env(ANTHROPIC_API_KEY=VALID_KEY, **ENV),
    )
    assert run.returncode == 0, run.stdout
    assert "SEC0" not in run.stdout
    assert_no_fragment(VALID_KEY, run.stdout + run.stderr, public=PUBLIC)


def test_outside_github_a_committed_key_is_found_by_the_cli(app: Path) -> None:
    leaked = make_key(seed=12)
    (app / ".env.production").write_text(f"ANTHROPIC_API_KEY={leaked}\n")
    run = run_cli([str(app), "--live-check", "off"], env=base_env(ANTHROPIC_API_KEY=leaked, **ENV))
    assert run.returncode == 1
    assert (
        ".env.production:1:19: `.env.production` line 1 contains an Anthropic API key in plain "
        "text. It is the same key this run uses."
    ) in run.stdout
    assert_no_fragment(leaked, run.stdout + run.stderr, public=PUBLIC)


def test_a_key_pasted_where_the_cli_expects_a_path_is_not_echoed(app: Path) -> None:
    """argparse quotes what it cannot parse; a key pasted in the wrong place stays out of logs."""
    key = make_key(seed=21)
    run = run_cli([str(app), key, "--live-check", "off"], env=base_env(**ENV))
    assert run.returncode == 2
    assert "unrecognized arguments" in run.stderr
    assert_no_fragment(key, run.stdout + run.stderr, public=PUBLIC)


def test_a_key_passed_to_explain_is_not_echoed(app: Path) -> None:
    key = make_key(seed=22)
    run = run_cli(["--explain", key], env=base_env(ANTHROPIC_API_KEY=key))
    assert run.returncode == 2
    assert "unknown finding code" in run.stderr
    assert_no_fragment(key, run.stdout + run.stderr, public=PUBLIC)


def test_an_env_secret_pasted_as_an_argument_is_not_echoed(app: Path) -> None:
    """Any string can be a secret: the env var's value is caught even when it has no key shape."""
    secret = "hunter2-not-key-shaped"
    run = run_cli([str(app), secret], env=base_env(ANTHROPIC_API_KEY=secret))
    assert run.returncode == 2
    assert "unrecognized arguments" in run.stderr
    assert "hunter2" not in run.stdout + run.stderr
