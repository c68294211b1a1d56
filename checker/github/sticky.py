"""One comment per pull request and workspace, found again by its hidden marker and edited in place.

The rules (SPEC section 1, `comment-on-pr`): `never` makes no call; `on-failure` comments when the
gate fails, and edits an earlier comment when it passes again (to say so; it is never deleted);
`always` comments on every run. Only `pull_request` and `pull_request_target` runs have a PR to
comment on. Whatever GitHub answers, the gate's verdict stands: a comment that cannot be written
becomes a notice for the job summary, saying why and how to enable it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from checker.context import RunContext
from checker.github.client import (
    Comment,
    GitHubClient,
    GitHubError,
    GitHubForbiddenError,
    GitHubNetworkError,
    GitHubNotFoundError,
    GitHubRateLimitedError,
    GitHubServerError,
)
from checker.github.comment import FAILED_STATE, Links, build_comment, marker
from checker.github.inputs import CommentSettings
from checker.report import Report

Action = Literal["created", "updated", "none", "failed"]
MAX_BUDGET_SECONDS = 30.0
_REPOSITORY = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")
ENABLE = (
    "give the job `permissions: pull-requests: write` (the default `GITHUB_TOKEN` then can), or "
    "pass a token that has it as `github-token`"
)


@dataclass(frozen=True, slots=True)
class CommentOutcome:
    """What happened to the PR comment; `notice` (plain words, untrusted parts included) is for
    the summary when the comment could not be written."""

    action: Action
    notice: str | None = None
    comment_id: int | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """Where the comment goes, and what it links to."""

    repository: str
    number: int
    workspace: Path
    links: Links
    marker: str
    catalog: Path | None


def keep_comment(
    settings: CommentSettings,
    context: RunContext,
    report: Report,
    redact: Callable[[str], str],
    *,
    workspace: Path,
    catalog: Path | None = None,
    budget_seconds: float = MAX_BUDGET_SECONDS,
) -> CommentOutcome:
    """Create, edit or leave the PR comment; never raises."""
    if settings.mode == "never" or context.pull_request is None:
        return CommentOutcome("none")
    repository = context.repository or ""
    if not _REPOSITORY.fullmatch(repository):
        return CommentOutcome("none")
    if settings.token is None:
        if not settings.asked:
            return CommentOutcome("none")
        return CommentOutcome(
            "failed", notice=f"there is no token to comment with: {ENABLE}, as `github-token`."
        )
    place = _place(context, repository, context.pull_request, workspace, catalog)
    token = settings.token.get_secret_value()
    try:
        client = GitHubClient(context.api_url, token, budget_seconds=budget_seconds)
        with client:
            return _sync(client, place, settings, report, redact)
    except GitHubError as error:
        return CommentOutcome("failed", notice=failure_notice(error, context))
    except Exception as error:  # a bug here must not cost the verdict or print a traceback
        return CommentOutcome(
            "failed", notice=f"an internal error ({type(error).__name__}) stopped the comment."
        )


def _sync(
    client: GitHubClient,
    place: Place,
    settings: CommentSettings,
    report: Report,
    redact: Callable[[str], str],
) -> CommentOutcome:
    existing = _find(client, place)
    if existing is None and report.passed and settings.mode == "on-failure":
        return CommentOutcome("none")
    body = build_comment(
        report,
        redact,
        workspace_marker=place.marker,
        links=place.links,
        workspace=place.workspace,
        catalog=place.catalog,
        previous_failed=existing is not None and FAILED_STATE in existing.body,
    )
    if existing is not None:
        if existing.body == body:
            return CommentOutcome("none", comment_id=existing.id)
        try:
            updated = client.update_comment(place.repository, existing.id, body)
        except GitHubNotFoundError:
            pass  # deleted since it was listed: a new one is not a duplicate
        else:
            return CommentOutcome("updated", comment_id=updated.id)
    created = client.create_comment(place.repository, place.number, body)
    return CommentOutcome("created", comment_id=created.id)


def _find(client: GitHubClient, place: Place) -> Comment | None:
    """The oldest comment that starts with this workspace's marker (a quote of it does not)."""
    for comment in client.comments(place.repository, place.number):
        if comment.body.lstrip().startswith(place.marker):
            return comment
    return None


def _place(
    context: RunContext, repository: str, number: int, workspace: Path, catalog: Path | None
) -> Place:
    prefix = _workspace_prefix(workspace, context.workspace)
    blob = None
    if context.head_sha and prefix is not None:
        blob = f"{context.server_url}/{repository}/blob/{context.head_sha}/"
    links = Links(
        blob_base=blob,
        workspace_prefix=prefix or "",
        run_url=context.run_url,
        commit=context.head_sha,
    )
    key = prefix if prefix is not None else str(workspace)
    return Place(repository, number, workspace, links, marker(key or "."), catalog)


def _workspace_prefix(workspace: Path, repository_root: str | None) -> str | None:
    """The workspace's path inside the checkout (`services/api/`, `` at the root), if inside."""
    if not repository_root:
        return None
    root = os.path.realpath(repository_root)
    here = os.path.realpath(workspace)
    if here == root:
        return ""
    if not here.startswith(root + os.sep):
        return None
    return os.path.relpath(here, root).replace(os.sep, "/") + "/"


def failure_notice(error: GitHubError, context: RunContext) -> str:
    """Why the comment could not be written and what would let it; the verdict is unaffected."""
    answer = f"HTTP {error.status}" if error.status else "no answer"
    if error.api_message:
        answer += f": {error.api_message}"
    if isinstance(error, GitHubForbiddenError | GitHubNotFoundError):
        if context.is_fork_pr:
            return (
                f"this pull request comes from a fork, and GitHub gives its runs a read-only token "
                f"({answer}); pull requests from this repository's own branches get the comment."
            )
        if context.is_dependabot:
            return (
                f"Dependabot runs get a read-only token ({answer}): {ENABLE} (a workflow's "
                "`permissions:` apply to Dependabot runs too)."
            )
        return f"the token may not write to this pull request ({answer}): {ENABLE}."
    if isinstance(error, GitHubRateLimitedError):
        return f"GitHub's rate limit held after the retries ({answer}); the next run retries."
    if isinstance(error, GitHubServerError):
        return f"GitHub's API failed ({answer}); the next run retries."
    if isinstance(error, GitHubNetworkError):
        return f"GitHub's API could not be reached ({error}); the next run retries."
    return f"GitHub refused the comment ({answer})."
