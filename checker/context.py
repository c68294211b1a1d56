"""Run context: where this run happens (GitHub event, fork PR, Dependabot), from env and payload.

Works outside GitHub too: every field then has its "not on GitHub" value.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.regular_files import NotRegularFileError, read_regular

MAX_EVENT_BYTES = 25_000_000
DEPENDABOT_ACTORS = frozenset({"dependabot[bot]", "dependabot-preview[bot]"})
PR_EVENTS = frozenset({"pull_request", "pull_request_review", "pull_request_review_comment"})
# Events whose run can keep a comment on the pull request (SPEC section 1, `comment-on-pr`).
COMMENT_EVENTS = frozenset({"pull_request", "pull_request_target"})
HEX = frozenset("0123456789abcdef")
# Events on which a Dependabot-triggered run sees only Dependabot secrets (GitHub docs, "Automating
# Dependabot with GitHub Actions"). `workflow_run` is not one of them: it runs with the base
# repository's secrets, which is why it is the recommended pattern.
DEPENDABOT_RESTRICTED_EVENTS = PR_EVENTS | {
    "push",
    "create",
    "deployment",
    "deployment_status",
}


@dataclass(frozen=True, slots=True)
class RunContext:
    """Facts about this run that decide whether secrets can be expected at all."""

    on_github: bool = False
    event_name: str | None = None
    repository: str | None = None
    ref: str | None = None
    actor: str | None = None
    is_fork_pr: bool = False
    is_dependabot: bool = False
    fork_repository: str | None = None
    run_url: str | None = None
    runner_temp: str | None = None
    github_output: str | None = None
    event_problem: str | None = None  # why `GITHUB_EVENT_PATH` could not be read, if it could not
    pull_request: int | None = None  # the PR number on a pull_request(_target) event
    head_sha: str | None = None  # the PR's head commit, which the PR comment links to
    server_url: str = "https://github.com"
    api_url: str = "https://api.github.com"
    workspace: str | None = None  # GITHUB_WORKSPACE: the repository root of the checkout

    @property
    def secrets_withheld(self) -> str | None:
        """Why GitHub gives this run no secrets by design, or None when it should have them."""
        if self.is_fork_pr:
            return "fork-pr"
        if self.is_dependabot:
            return "dependabot"
        return None


def run_context_from_env(environ: Mapping[str, str]) -> RunContext:
    """Read `GITHUB_*` variables and the event payload; a broken payload counts as absent."""
    on_github = environ.get("GITHUB_ACTIONS") == "true"
    event_name = environ.get("GITHUB_EVENT_NAME") or None
    repository = environ.get("GITHUB_REPOSITORY") or None
    payload, event_problem = _read_event(environ.get("GITHUB_EVENT_PATH"))
    actor = environ.get("GITHUB_ACTOR") or None
    triggering = environ.get("GITHUB_TRIGGERING_ACTOR") or None
    is_fork_pr = _is_fork_pr(event_name, payload, repository)
    head = _dig(payload, "pull_request", "head", "repo", "full_name")
    server = environ.get("GITHUB_SERVER_URL") or "https://github.com"
    run_id = environ.get("GITHUB_RUN_ID")
    return RunContext(
        on_github=on_github,
        event_name=event_name,
        repository=repository,
        ref=environ.get("GITHUB_REF") or None,
        actor=actor,
        is_fork_pr=is_fork_pr,
        is_dependabot=_is_dependabot(event_name, payload, actor, triggering),
        fork_repository=head if is_fork_pr and isinstance(head, str) else None,
        run_url=f"{server}/{repository}/actions/runs/{run_id}" if repository and run_id else None,
        runner_temp=environ.get("RUNNER_TEMP") or None,
        github_output=environ.get("GITHUB_OUTPUT") or None,
        event_problem=event_problem,
        pull_request=_pull_request_number(event_name, payload),
        head_sha=_head_sha(payload),
        server_url=server.rstrip("/"),
        api_url=(environ.get("GITHUB_API_URL") or "https://api.github.com").rstrip("/"),
        workspace=environ.get("GITHUB_WORKSPACE") or None,
    )


def _pull_request_number(event_name: str | None, payload: dict[str, Any]) -> int | None:
    """The PR a comment belongs to: only `pull_request` and `pull_request_target` carry one."""
    if event_name not in COMMENT_EVENTS:
        return None
    number = _dig(payload, "pull_request", "number")
    if isinstance(number, bool) or not isinstance(number, int) or number <= 0:
        return None
    return number


def _head_sha(payload: dict[str, Any]) -> str | None:
    sha = _dig(payload, "pull_request", "head", "sha")
    if isinstance(sha, str) and len(sha) in (40, 64) and all(c in HEX for c in sha.lower()):
        return sha.lower()
    return None


def _is_fork_pr(event_name: str | None, payload: dict[str, Any], repository: str | None) -> bool:
    """Only `pull_request` (and `pull_request_review*`) from a fork runs without secrets.

    `pull_request_target`, `workflow_run` and `issue_comment` run in the base repository with its
    secrets. A head repository of `null` means the fork was deleted: still a fork.
    """
    if event_name not in PR_EVENTS:
        return False
    pull_request = _dig(payload, "pull_request")
    if isinstance(pull_request, dict) and isinstance(pull_request.get("head"), dict):
        head_repo = pull_request["head"].get("repo", {})
        if head_repo is None:
            return True
    if _dig(payload, "pull_request", "head", "repo", "fork") is True:
        return True
    head = _dig(payload, "pull_request", "head", "repo", "full_name")
    base = _dig(payload, "repository", "full_name") or repository
    return isinstance(head, str) and isinstance(base, str) and head.lower() != base.lower()


def _is_dependabot(
    event_name: str | None,
    payload: dict[str, Any],
    actor: str | None,
    triggering: str | None,
) -> bool:
    """Dependabot runs see only Dependabot secrets on the restricted events.

    GitHub decides by the actor, not the PR author: a person pushing to a Dependabot branch gets
    the repository's secrets. On `pull_request_target` the restriction holds only when Dependabot
    created the base branch.
    """
    if not {actor, triggering} & DEPENDABOT_ACTORS:
        return False
    if event_name == "pull_request_target":
        base_ref = _dig(payload, "pull_request", "base", "ref")
        return isinstance(base_ref, str) and base_ref.startswith("dependabot/")
    return event_name is None or event_name in DEPENDABOT_RESTRICTED_EVENTS


def _read_event(path: str | None) -> tuple[dict[str, Any], str | None]:
    """The payload, or `{}` and why not: a FIFO or a device is never opened to block on."""
    if not path:
        return {}, None
    try:
        data = json.loads(read_regular(Path(path), MAX_EVENT_BYTES).decode("utf-8"))
    except NotRegularFileError as error:
        return {}, f"it is {error.kind}, not a regular file"
    except (OSError, ValueError):
        return {}, None  # absent, too large or broken: counts as absent, as it always has
    return (data if isinstance(data, dict) else {}), None


def _dig(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data
