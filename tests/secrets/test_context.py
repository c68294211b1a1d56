"""Which runs get no secrets by design: fork PRs and Dependabot, decided from GitHub's env."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from checker.context import RunContext, run_context_from_env


def _context(
    tmp_path: Path, event_name: str, payload: dict[str, Any], actor: str = "octocat"
) -> RunContext:
    event = tmp_path / "event.json"
    event.write_text(json.dumps(payload))
    return run_context_from_env(
        {
            "GITHUB_ACTIONS": "true",
            "GITHUB_EVENT_NAME": event_name,
            "GITHUB_EVENT_PATH": str(event),
            "GITHUB_REPOSITORY": "acme/app",
            "GITHUB_ACTOR": actor,
        }
    )


def _pr(head: dict[str, Any] | None, user: str = "eve", base_ref: str = "main") -> dict[str, Any]:
    return {
        "pull_request": {
            "head": {"repo": head},
            "base": {"ref": base_ref},
            "user": {"login": user},
        },
        "repository": {"full_name": "acme/app"},
    }


FORK = {"fork": True, "full_name": "eve/app"}
SAME = {"fork": False, "full_name": "acme/app"}


@pytest.mark.parametrize(
    "event", ["pull_request", "pull_request_review", "pull_request_review_comment"]
)
def test_pull_request_events_from_a_fork_are_withheld(tmp_path: Path, event: str) -> None:
    context = _context(tmp_path, event, _pr(FORK))
    assert context.secrets_withheld == "fork-pr"
    assert context.fork_repository == "eve/app"


def test_a_fork_is_recognised_by_name_when_the_flag_is_missing(tmp_path: Path) -> None:
    context = _context(tmp_path, "pull_request", _pr({"full_name": "eve/app"}))
    assert context.is_fork_pr


def test_a_deleted_fork_is_still_a_fork(tmp_path: Path) -> None:
    assert _context(tmp_path, "pull_request", _pr(None)).is_fork_pr


@pytest.mark.parametrize("event", ["pull_request_target", "workflow_run", "issue_comment"])
def test_events_that_run_in_the_base_repository_have_secrets(tmp_path: Path, event: str) -> None:
    assert _context(tmp_path, event, _pr(FORK)).secrets_withheld is None


def test_a_same_repository_pr_has_secrets(tmp_path: Path) -> None:
    assert _context(tmp_path, "pull_request", _pr(SAME)).secrets_withheld is None


@pytest.mark.parametrize("event", ["pull_request", "push", "pull_request_review"])
def test_dependabot_runs_only_see_dependabot_secrets(tmp_path: Path, event: str) -> None:
    context = _context(tmp_path, event, _pr(SAME, "dependabot[bot]"), actor="dependabot[bot]")
    assert context.secrets_withheld == "dependabot"


def test_workflow_run_after_dependabot_has_the_repository_secrets(tmp_path: Path) -> None:
    context = _context(tmp_path, "workflow_run", {}, actor="dependabot[bot]")
    assert context.secrets_withheld is None


def test_a_person_pushing_to_a_dependabot_branch_gets_secrets(tmp_path: Path) -> None:
    context = _context(tmp_path, "pull_request", _pr(SAME, "dependabot[bot]"))
    assert context.secrets_withheld is None


def test_pull_request_target_on_a_dependabot_base_branch_is_withheld(tmp_path: Path) -> None:
    payload = _pr(SAME, "dependabot[bot]", base_ref="dependabot/npm/foo")
    context = _context(tmp_path, "pull_request_target", payload, actor="dependabot[bot]")
    assert context.secrets_withheld == "dependabot"


def test_a_broken_event_payload_counts_as_absent(tmp_path: Path) -> None:
    event = tmp_path / "event.json"
    event.write_text("{not json")
    context = run_context_from_env(
        {"GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": str(event)}
    )
    assert context.secrets_withheld is None


def test_outside_github_nothing_is_withheld() -> None:
    context = run_context_from_env({})
    assert not context.on_github
    assert context.secrets_withheld is None
