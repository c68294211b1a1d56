"""The GitHub client against the fake: pages, its own error types, retries, the token's origin."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from checker.github.client import (
    GitHubClient,
    GitHubForbiddenError,
    GitHubNotFoundError,
    GitHubRateLimitedError,
    GitHubServerError,
)
from tests.fake_github import SECONDARY_RATE_LIMIT, FakeGitHub, Reply

TOKEN = "ghs_" + "C1ientT0ken" * 3
READ = "ghs_" + "Re4dT0ken00" * 3


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    with FakeGitHub(tokens={TOKEN: "write", READ: "read"}) as fake:
        yield fake


def _client(github: FakeGitHub, token: str = TOKEN, budget: float = 10) -> GitHubClient:
    return GitHubClient(github.url, token, budget_seconds=budget)


def test_every_page_is_read_with_github_headers(github: FakeGitHub) -> None:
    for index in range(250):
        github.add_comment("acme/app", 7, f"note {index}")
    with _client(github) as client:
        bodies = [c.body for c in client.comments("acme/app", 7)]
    assert bodies == [f"note {index}" for index in range(250)]
    assert [r.query["page"] for r in github.to("GET")] == ["1", "2", "3"]
    headers = github.requests[0].headers
    assert headers["authorization"] == f"Bearer {TOKEN}"
    assert headers["accept"] == "application/vnd.github+json"
    assert headers["x-github-api-version"] == "2022-11-28"


def test_a_next_page_on_another_origin_is_not_followed(github: FakeGitHub) -> None:
    github.script(
        "GET",
        "list",
        Reply(200, [], headers={"link": '<https://evil.example/x?page=2>; rel="next"'}),
    )
    with _client(github) as client:
        assert list(client.comments("acme/app", 7)) == []
    assert len(github.requests) == 1


def test_create_then_update(github: FakeGitHub) -> None:
    with _client(github) as client:
        created = client.create_comment("acme/app", 7, "first")
        updated = client.update_comment("acme/app", created.id, "second")
    assert updated.id == created.id
    assert [c.body for c in github.comments("acme/app", 7)] == ["second"]


def test_a_read_only_token_is_forbidden_with_githubs_message(github: FakeGitHub) -> None:
    with _client(github, READ) as client, pytest.raises(GitHubForbiddenError) as caught:
        client.create_comment("acme/app", 7, "x")
    assert caught.value.status == 403
    assert caught.value.api_message == "Resource not accessible by integration"


def test_a_deleted_comment_is_not_found(github: FakeGitHub) -> None:
    with _client(github) as client, pytest.raises(GitHubNotFoundError):
        client.update_comment("acme/app", 999, "x")


def test_a_secondary_rate_limit_is_retried_after_the_wait_github_asks(github: FakeGitHub) -> None:
    limited = Reply(403, SECONDARY_RATE_LIMIT, headers={"retry-after": "0"})
    github.script("POST", "create", limited, limited)
    with _client(github) as client:
        client.create_comment("acme/app", 7, "x")
    assert len(github.to("POST")) == 3


def test_a_wait_longer_than_the_budget_gives_up_at_once(github: FakeGitHub) -> None:
    github.script("POST", "create", Reply(429, {"message": "slow down"}, {"retry-after": "60"}))
    with _client(github, budget=5) as client, pytest.raises(GitHubRateLimitedError):
        client.create_comment("acme/app", 7, "x")
    assert len(github.to("POST")) == 1


def test_server_errors_are_retried_then_raised(github: FakeGitHub) -> None:
    github.script("GET", "list", *[Reply(503, {"message": "unavailable"})] * 4)
    with _client(github) as client, pytest.raises(GitHubServerError):
        list(client.comments("acme/app", 7))
    assert len(github.to("GET")) == 4
