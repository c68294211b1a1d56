"""A thin GitHub REST client for the PR comment: list, create and edit issue comments.

Synchronous httpx, one connection for the three or four calls a run makes. The token goes only
into the `Authorization` header, and only to the API origin (`GITHUB_API_URL`): a `Link` header
pointing elsewhere is not followed. Secondary rate limits (403 or 429 with `retry-after`, or
`x-ratelimit-remaining: 0`) and server errors are retried as the live phase retries, honouring
the wait GitHub asks for, inside a small time budget; every other failure is raised as one of this
module's errors, which the caller turns into a notice. GitHub's `message` is kept, one line and
short: it is untrusted text.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from checker import __version__
from checker.live.network import describe
from checker.live.retry import Budget, backoff, server_delay

if TYPE_CHECKING:
    import httpx

API_VERSION = "2022-11-28"
PER_PAGE = 100
MAX_PAGES = 30  # 3,000 comments: past that, a PR's own comment is not worth more calls
MAX_RETRIES = 3
MAX_BODY_BYTES = 16 * 1024 * 1024
REQUEST_SECONDS = 10.0
MAX_MESSAGE_CHARS = 200


class GitHubError(Exception):
    """A call that failed; `status` is None when no HTTP answer came back."""

    def __init__(self, message: str, *, status: int | None = None, api_message: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.api_message = api_message


class GitHubForbiddenError(GitHubError):
    """401 or 403 that is not a rate limit: the token may not do this."""


class GitHubNotFoundError(GitHubError):
    """404: the repository, pull request or comment is not there (or not visible to the token)."""


class GitHubRateLimitedError(GitHubError):
    """Still rate limited when the retries or the time budget ran out."""


class GitHubServerError(GitHubError):
    """5xx after the retries."""


class GitHubNetworkError(GitHubError):
    """No answer: DNS, refused, reset, TLS, proxy or timeout."""


@dataclass(frozen=True, slots=True)
class Comment:
    """One issue comment as far as the sticky comment needs it."""

    id: int
    body: str


class GitHubClient:
    """Issue-comment calls against one API origin with one token."""

    def __init__(self, api_url: str, token: str, *, budget_seconds: float) -> None:
        import httpx  # noqa: PLC0415 - only a run that comments loads httpx

        self._httpx = httpx
        self._api = httpx.URL(api_url.rstrip("/") + "/")
        self._budget = Budget(budget_seconds)
        self._client = httpx.Client(
            headers={
                "authorization": f"Bearer {token}",
                "accept": "application/vnd.github+json",
                "x-github-api-version": API_VERSION,
                "user-agent": f"claude-preflight/{__version__}",
            },
            trust_env=True,
            follow_redirects=False,
        )
        self.calls = 0

    def __enter__(self) -> GitHubClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self._client.close()

    def comments(self, repository: str, number: int) -> Iterator[Comment]:
        """Every comment of an issue or PR, oldest first, page by page (stop when found)."""
        url: httpx.URL | None = self._url(
            f"repos/{repository}/issues/{number}/comments", per_page=PER_PAGE, page=1
        )
        for _ in range(MAX_PAGES):
            if url is None:
                return
            response, data = self._call("GET", url)
            for item in data if isinstance(data, list) else []:
                comment = _comment(item)
                if comment is not None:
                    yield comment
            url = self._next_page(response)

    def create_comment(self, repository: str, number: int, body: str) -> Comment:
        url = self._url(f"repos/{repository}/issues/{number}/comments")
        return self._comment_answer(*self._call("POST", url, {"body": body}))

    def update_comment(self, repository: str, comment_id: int, body: str) -> Comment:
        url = self._url(f"repos/{repository}/issues/comments/{comment_id}")
        return self._comment_answer(*self._call("PATCH", url, {"body": body}))

    def _url(self, path: str, **query: int) -> httpx.URL:
        return self._api.join(path).copy_merge_params(query) if query else self._api.join(path)

    def _next_page(self, response: httpx.Response) -> httpx.URL | None:
        """The `Link: rel="next"` page, only on the API's own origin (the token goes there)."""
        target = response.links.get("next", {}).get("url")
        if not target:
            return None
        url = self._api.join(target)
        same = (url.scheme, url.host, url.port) == (
            self._api.scheme,
            self._api.host,
            self._api.port,
        )
        return url if same else None

    def _comment_answer(self, response: httpx.Response, data: Any) -> Comment:
        comment = _comment(data)
        if comment is None:
            raise GitHubError("GitHub's answer is not a comment", status=response.status_code)
        return comment

    def _call(self, method: str, url: httpx.URL, payload: Any = None) -> tuple[httpx.Response, Any]:
        """One logical call with its retries; the parsed JSON body of the 2xx answer."""
        retries = 0
        while True:
            response, data = self._attempt(method, url, payload)
            if 200 <= response.status_code < 300:
                return response, data
            error = _error(response, data)
            delay = self._retry_delay(response, error, retries)
            if delay is None:
                raise error
            time.sleep(delay)
            retries += 1

    def _attempt(self, method: str, url: httpx.URL, payload: Any) -> tuple[httpx.Response, Any]:
        remaining = self._budget.remaining()
        if remaining <= 0:
            raise GitHubNetworkError("the time budget for GitHub calls ran out")
        timeout = min(REQUEST_SECONDS, remaining)
        self.calls += 1
        try:
            with self._client.stream(method, url, json=payload, timeout=timeout) as response:
                raw = _read_capped(response)
        except (self._httpx.HTTPError, OSError, UnicodeError, ValueError) as failure:
            kind, detail = describe(failure)
            raise GitHubNetworkError(f"{kind}: {detail}") from None
        try:
            data = json.loads(raw) if raw.strip() else None
        except (ValueError, RecursionError):
            data = None
        return response, data

    def _retry_delay(
        self, response: httpx.Response, error: GitHubError, retries: int
    ) -> float | None:
        """Seconds to wait before the next attempt, or None to give up now."""
        limited = isinstance(error, GitHubRateLimitedError)
        if not (limited or isinstance(error, GitHubServerError)) or retries >= MAX_RETRIES:
            return None
        headers = {name.lower(): value for name, value in response.headers.items()}
        delay = server_delay(headers) if limited else None
        if delay is None:
            delay = _reset_delay(headers) if limited else None
        delay = backoff(retries) if delay is None else delay
        if delay + 1.0 >= self._budget.remaining():
            return None
        return delay


def _read_capped(response: httpx.Response) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise GitHubError("GitHub's answer is too large", status=response.status_code)
        chunks.append(chunk)
    return b"".join(chunks)


def _comment(item: Any) -> Comment | None:
    if not isinstance(item, dict):
        return None
    comment_id, body = item.get("id"), item.get("body")
    if isinstance(comment_id, bool) or not isinstance(comment_id, int):
        return None
    return Comment(comment_id, body if isinstance(body, str) else "")


def _error(response: httpx.Response, data: Any) -> GitHubError:
    """The error for a non-2xx answer, by status and GitHub's rate-limit headers."""
    status = response.status_code
    message = data.get("message") if isinstance(data, dict) else None
    api_message = _one_line(message) if isinstance(message, str) else ""
    headers = {name.lower(): value for name, value in response.headers.items()}
    text = f"HTTP {status}" + (f": {api_message}" if api_message else "")
    rate_limited = status == 429 or (
        status == 403
        and (
            "retry-after" in headers
            or headers.get("x-ratelimit-remaining") == "0"
            or "rate limit" in api_message.lower()
        )
    )
    kind: type[GitHubError] = GitHubError
    if rate_limited:
        kind = GitHubRateLimitedError
    elif status in (401, 403):
        kind = GitHubForbiddenError
    elif status == 404:
        kind = GitHubNotFoundError
    elif status >= 500:
        kind = GitHubServerError
    return kind(text, status=status, api_message=api_message)


def _reset_delay(headers: dict[str, str]) -> float | None:
    """`x-ratelimit-reset` (epoch seconds) as a wait, for a primary limit with no retry-after."""
    try:
        reset = float(headers["x-ratelimit-reset"])
    except (KeyError, ValueError):
        return None
    return max(0.0, reset - time.time())


def _one_line(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= MAX_MESSAGE_CHARS else flat[: MAX_MESSAGE_CHARS - 1] + "…"
