"""The PR comment through entrypoint.py, as GitHub's runner starts the action, with a fake GitHub.

One comment per pull request and workspace, found again by its hidden marker and edited in place;
a token that cannot write costs a notice in the summary, never the verdict.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fake_github import SECONDARY_RATE_LIMIT, FakeGitHub, Reply
from tests.github.support import HEAD_SHA, READ_ONLY, TOKEN, app, pr_event, run_on_pr, set_model
from tests.helpers import RUNNER_TOKEN, Run

MARKER = "<!-- claude-preflight:"


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    with FakeGitHub(tokens={TOKEN: "write", READ_ONLY: "read", RUNNER_TOKEN: "write"}) as fake:
        yield fake


def _ours(github: FakeGitHub, number: int = 7) -> list[str]:
    return [c.body for c in github.comments("acme/app", number) if c.body.startswith(MARKER)]


def _writes(github: FakeGitHub) -> list[str]:
    return [r.method for r in github.requests if r.method in ("POST", "PATCH")]


def test_a_failing_run_creates_the_comment_and_the_next_one_edits_it(
    tmp_path: Path, github: FakeGitHub
) -> None:
    workspace = app(tmp_path)
    first = run_on_pr(workspace, tmp_path, github)
    assert first.returncode == 1
    [body] = _ours(github)
    assert "deploy blocked" in body
    assert f"https://github.com/acme/app/blob/{HEAD_SHA}/config/production.yaml#L6" in body
    assert "```suggestion\n    model: claude-sonnet-4-6\n  ```" in body
    assert "https://github.com/acme/app/actions/runs/" in body
    assert _writes(github) == ["POST"]

    second = run_on_pr(workspace, tmp_path, github)
    assert second.returncode == 1
    assert len(github.comments("acme/app", 7)) == 1
    assert _writes(github) == ["POST", "PATCH"]


def test_a_passing_run_after_a_failure_edits_the_comment_to_say_it_passes_now(
    tmp_path: Path, github: FakeGitHub
) -> None:
    workspace = app(tmp_path)
    run_on_pr(workspace, tmp_path, github)
    set_model(workspace, "claude-sonnet-4-6")
    passing = run_on_pr(workspace, tmp_path, github)
    assert passing.returncode == 0, passing.stdout
    [body] = _ours(github)
    assert "passes now" in body
    assert "deploy blocked" not in body
    assert "suggestion" not in body
    assert _writes(github) == ["POST", "PATCH"]


def test_on_failure_with_a_passing_first_run_posts_nothing(
    tmp_path: Path, github: FakeGitHub
) -> None:
    run = run_on_pr(app(tmp_path, model="claude-sonnet-4-6"), tmp_path, github)
    assert run.returncode == 0
    assert _writes(github) == []
    assert not github.comments("acme/app", 7)


def test_always_comments_on_a_pass_too(tmp_path: Path, github: FakeGitHub) -> None:
    workspace = app(tmp_path, model="claude-sonnet-4-6")
    run = run_on_pr(workspace, tmp_path, github, inputs={"comment-on-pr": "always"})
    assert run.returncode == 0
    [body] = _ours(github)
    assert "claude-preflight: passed" in body
    assert "passes now" not in body


def test_never_makes_no_call_at_all(tmp_path: Path, github: FakeGitHub) -> None:
    run = run_on_pr(app(tmp_path), tmp_path, github, inputs={"comment-on-pr": "never"})
    assert run.returncode == 1
    assert github.requests == []


def test_a_push_has_no_pull_request_to_comment_on(tmp_path: Path, github: FakeGitHub) -> None:
    run = run_on_pr(app(tmp_path), tmp_path, github, event={}, event_name="push")
    assert run.returncode == 1
    assert github.requests == []


def test_pull_request_target_comments_too(tmp_path: Path, github: FakeGitHub) -> None:
    run = run_on_pr(app(tmp_path), tmp_path, github, event_name="pull_request_target")
    assert run.returncode == 1
    assert len(_ours(github)) == 1


def test_the_default_input_is_the_jobs_token(tmp_path: Path, github: FakeGitHub) -> None:
    """The helpers export `github-token` as the runner does: action.yml's default, evaluated."""
    run = run_on_pr(app(tmp_path), tmp_path, github, token=RUNNER_TOKEN)
    assert run.returncode == 1
    assert github.requests[0].headers["authorization"] == f"Bearer {RUNNER_TOKEN}"
    assert len(_ours(github)) == 1


def test_two_workspaces_keep_two_comments(tmp_path: Path, github: FakeGitHub) -> None:
    repository = tmp_path / "repo"
    app(repository, "services/api")
    app(repository, "services/worker")
    for _ in range(2):
        for folder in ("services/api", "services/worker"):
            run = run_on_pr(repository, tmp_path, github, inputs={"working-directory": folder})
            assert run.returncode == 1
    bodies = _ours(github)
    assert len(bodies) == 2
    assert len({body.splitlines()[0] for body in bodies}) == 2
    assert "blob/" + HEAD_SHA + "/services/api/config/production.yaml#L6" in bodies[0]
    assert "blob/" + HEAD_SHA + "/services/worker/config/production.yaml#L6" in bodies[1]
    assert _writes(github) == ["POST", "POST", "PATCH", "PATCH"]


def test_more_than_100_comments_are_paged_through_to_find_the_marker(
    tmp_path: Path, github: FakeGitHub
) -> None:
    workspace = app(tmp_path)
    for index in range(130):
        github.add_comment("acme/app", 7, f"review note {index}")
    run_on_pr(workspace, tmp_path, github)
    for index in range(120):
        github.add_comment("acme/app", 7, f"later note {index}")
    assert len(github.comments("acme/app", 7)) == 251

    again = run_on_pr(workspace, tmp_path, github)
    assert again.returncode == 1
    assert len(_ours(github)) == 1
    assert _writes(github) == ["POST", "PATCH"]
    pages = [r.query.get("page") for r in github.to("GET")]
    assert pages == ["1", "2", "1", "2"]  # found on page 2 the second time: no page 3 needed


def test_a_comment_that_only_quotes_the_marker_is_not_ours(
    tmp_path: Path, github: FakeGitHub
) -> None:
    workspace = app(tmp_path)
    run_on_pr(workspace, tmp_path, github)
    [ours] = _ours(github)
    github.delete_comment(github.comments("acme/app", 7)[0].id)
    github.add_comment("acme/app", 7, "> " + ours.splitlines()[0] + "\n> why is this here?")
    run_on_pr(workspace, tmp_path, github)
    assert len(_ours(github)) == 1
    assert github.comments("acme/app", 7)[0].body.startswith("> ")


def test_a_fork_pr_with_a_read_only_token_gets_a_notice_and_the_same_verdict(
    tmp_path: Path, github: FakeGitHub
) -> None:
    workspace = app(tmp_path)
    run = run_on_pr(workspace, tmp_path, github, token=READ_ONLY, event=pr_event(fork=True))
    assert run.returncode == 1
    assert not github.comments("acme/app", 7)
    assert "The pull request comment was not written" in run.summary
    assert "fork" in run.summary
    assert "Resource not accessible by integration" in run.summary
    assert "Traceback" not in run.stdout + run.stderr
    assert run.outputs is not None
    assert run.outputs["passed"] == "false"


def test_a_read_only_token_on_a_passing_run_says_how_to_enable_it(
    tmp_path: Path, github: FakeGitHub
) -> None:
    workspace = app(tmp_path, model="claude-sonnet-4-6")
    run = run_on_pr(
        workspace, tmp_path, github, token=READ_ONLY, inputs={"comment-on-pr": "always"}
    )
    assert run.returncode == 0
    assert "permissions: pull-requests: write" in run.summary
    assert "HTTP 403" in run.stderr


def test_a_deleted_comment_is_created_again(tmp_path: Path, github: FakeGitHub) -> None:
    workspace = app(tmp_path)
    run_on_pr(workspace, tmp_path, github)
    github.script("PATCH", "update", Reply(404, {"message": "Not Found"}))
    run = run_on_pr(workspace, tmp_path, github)
    assert run.returncode == 1
    assert _writes(github) == ["POST", "PATCH", "POST"]
    assert "not written" not in run.summary


def test_a_secondary_rate_limit_is_waited_out_once(tmp_path: Path, github: FakeGitHub) -> None:
    limited = Reply(403, SECONDARY_RATE_LIMIT, headers={"retry-after": "1"})
    github.script("POST", "create", limited)
    started = time.monotonic()
    run = run_on_pr(app(tmp_path), tmp_path, github)
    assert time.monotonic() - started >= 1.0
    assert run.returncode == 1
    assert _writes(github) == ["POST", "POST"]
    assert len(_ours(github)) == 1
    assert "not written" not in run.summary


def test_a_rate_limit_longer_than_the_budget_is_a_notice(
    tmp_path: Path, github: FakeGitHub
) -> None:
    github.script("GET", "list", Reply(403, SECONDARY_RATE_LIMIT, headers={"retry-after": "600"}))
    run = run_on_pr(app(tmp_path), tmp_path, github)
    assert run.returncode == 1
    assert "rate limit" in run.summary
    assert _writes(github) == []


@pytest.mark.parametrize(
    ("reply", "words"),
    [
        (Reply(502, {"message": "Server Error"}), "API failed (HTTP 502"),
        (Reply(404, {"message": "Not Found"}), "may not write to this pull request (HTTP 404"),
        (Reply(401, {"message": "Bad credentials"}), "HTTP 401"),
    ],
)
def test_api_failures_are_notices_never_a_failed_gate(
    tmp_path: Path, github: FakeGitHub, reply: Reply, words: str
) -> None:
    github.script("GET", "list", reply, reply, reply, reply)
    workspace = app(tmp_path, model="claude-sonnet-4-6")
    run = run_on_pr(workspace, tmp_path, github, inputs={"comment-on-pr": "always"})
    assert run.returncode == 0, run.stderr
    assert words in run.summary
    assert "Traceback" not in run.stdout + run.stderr


def test_a_github_that_does_not_answer_in_time_is_a_notice(
    tmp_path: Path, github: FakeGitHub
) -> None:
    github.script("GET", "list", Reply(200, [], delay=5))
    started = time.monotonic()
    run = run_on_pr(app(tmp_path), tmp_path, github, inputs={"timeout": "1"})
    assert time.monotonic() - started < 5
    assert run.returncode == 1
    assert "could not be reached" in run.summary


def test_an_unreachable_api_is_a_notice(tmp_path: Path, github: FakeGitHub) -> None:
    run = run_on_pr(app(tmp_path), tmp_path, github, env={"GITHUB_API_URL": "http://127.0.0.1:1"})
    assert run.returncode == 1
    assert "could not be reached (connection refused" in run.summary


def test_a_bad_comment_on_pr_value_is_a_usage_error(tmp_path: Path, github: FakeGitHub) -> None:
    run = run_on_pr(app(tmp_path), tmp_path, github, inputs={"comment-on-pr": "sometimes"})
    assert run.returncode == 2
    assert "comment-on-pr" in run.stderr
    assert github.requests == []


def _everything(run: Run, github: FakeGitHub) -> str:
    bodies = [json.dumps(r.body) for r in github.requests]
    return run.all_text + "\n".join(bodies + [c.body for c in github.comments("acme/app", 7)])


def test_the_token_never_appears_in_any_output(tmp_path: Path, github: FakeGitHub) -> None:
    workspace = app(tmp_path)
    (workspace / "config" / "staging.yaml").write_text(
        f"llm:\n  model: claude-opus-4.8  # {TOKEN}\n", encoding="utf-8"
    )
    runs = [
        run_on_pr(workspace, tmp_path, github),
        run_on_pr(workspace, tmp_path, github, token=READ_ONLY, event=pr_event(fork=True)),
    ]
    for run, token in zip(runs, (TOKEN, READ_ONLY), strict=True):
        assert run.stdout.splitlines()[0].startswith("::add-mask::")
        assert f"::add-mask::{token}" in run.stdout
        text = _everything(run, github).replace(f"::add-mask::{token}", "")
        assert token not in text
        assert token[4:20] not in text
    assert "model: claude-opus-4-8  # [REDACTED]" in _ours(github)[0]
