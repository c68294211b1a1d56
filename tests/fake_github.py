"""A fake GitHub REST API for the PR comment: a real HTTP server on 127.0.0.1.

It keeps issue comments per `owner/repo#number` and answers as GitHub does: `GET
/repos/{o}/{r}/issues/{n}/comments` pages with `per_page` (at most 100) and `page`, with a `Link`
header (`rel="next"`, `rel="last"`); `POST` creates (201), `PATCH
/repos/{o}/{r}/issues/comments/{id}` edits (200), 404 for a comment that is not there, 401 for a
missing or unknown token, 403 "Resource not accessible by integration" for a read-only token (a
fork PR's, Dependabot's). Tests can script replies per method and path pattern (a secondary rate
limit: 403 with `retry-after`), and read every request it recorded.

    with FakeGitHub(tokens={TOKEN: "write"}) as github:
        run_action(..., env={"GITHUB_API_URL": github.url})
        assert github.comments("acme/app", 7)
"""

from __future__ import annotations

import itertools
import json
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import parse_qs, urlsplit

from tests.loopback import QuietHandler, QuietServer, Recorded

Access = Literal["write", "read"]
Kind = Literal["list", "create", "update"]
DOCS = "https://docs.github.com/rest"
NOT_ACCESSIBLE = {
    "message": "Resource not accessible by integration",
    "documentation_url": f"{DOCS}/issues/comments#create-an-issue-comment",
    "status": "403",
}
BAD_CREDENTIALS = {"message": "Bad credentials", "documentation_url": DOCS, "status": "401"}
NOT_FOUND = {
    "message": "Not Found",
    "documentation_url": f"{DOCS}/issues/comments#update-an-issue-comment",
    "status": "404",
}
SECONDARY_RATE_LIMIT = {
    "message": "You have exceeded a secondary rate limit. Please wait a few minutes before you "
    "try again. If you reach out to GitHub Support for help, please include the request ID.",
    "documentation_url": "https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
    "status": "403",
}

_LIST = re.compile(r"^/repos/([^/]+/[^/]+)/issues/(\d+)/comments$")
_ONE = re.compile(r"^/repos/([^/]+/[^/]+)/issues/comments/(\d+)$")


@dataclass
class Reply:
    """A forced answer: status, JSON body, headers, and a delay before it."""

    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class StoredComment:
    id: int
    body: str
    author: str = "github-actions[bot]"


class FakeGitHub:
    """The server and its state; a context manager."""

    def __init__(self, tokens: dict[str, Access] | None = None) -> None:
        self.tokens: dict[str, Access] = dict(tokens or {})
        self.requests: list[Recorded] = []
        self.issues: dict[tuple[str, int], list[StoredComment]] = {}
        self._script: dict[tuple[str, str], deque[Reply]] = {}
        self._ids = itertools.count(1_000_001)
        self._lock = threading.Lock()
        self._server: QuietServer | None = None

    # -- state and scripting --------------------------------------------------------------

    def comments(self, repository: str, number: int) -> list[StoredComment]:
        with self._lock:
            return list(self.issues.get((repository, number), []))

    def add_comment(self, repository: str, number: int, body: str, author: str = "octocat") -> int:
        """A comment someone else wrote (or an earlier run): its new ID."""
        with self._lock:
            comment = StoredComment(next(self._ids), body, author)
            self.issues.setdefault((repository, number), []).append(comment)
            return comment.id

    def delete_comment(self, comment_id: int) -> None:
        with self._lock:
            for comments in self.issues.values():
                comments[:] = [c for c in comments if c.id != comment_id]

    def script(self, method: str, kind: Kind, *replies: Reply) -> None:
        """Answer the next `method` calls to the list/create/update endpoint with these replies."""
        with self._lock:
            self._script.setdefault((method, kind), deque()).extend(replies)

    def to(self, method: str) -> list[Recorded]:
        with self._lock:
            return [r for r in self.requests if r.method == method]

    # -- lifecycle ------------------------------------------------------------------------

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> FakeGitHub:
        server = _Server(("127.0.0.1", 0), _Handler)
        server.fake = self
        self._server = server
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    # -- behaviour ------------------------------------------------------------------------

    def handle(self, request: Recorded) -> tuple[Reply, str]:
        """The answer to one request, and the endpoint kind it hit."""
        listing, one = _LIST.match(request.path), _ONE.match(request.path)
        kind = "list" if listing and request.method == "GET" else ""
        kind = "create" if listing and request.method == "POST" else kind
        kind = "update" if one and request.method == "PATCH" else kind
        with self._lock:
            self.requests.append(request)
            queue = self._script.get((request.method, kind))
            if queue:
                return queue.popleft(), kind
        access = self._access(request.headers)
        if access is None:
            return Reply(401, BAD_CREDENTIALS), kind
        if kind == "list" and listing:
            return self._list(request, listing.group(1), int(listing.group(2))), kind
        if access != "write" and kind in ("create", "update"):
            return Reply(403, NOT_ACCESSIBLE), kind
        if kind == "create" and listing:
            return self._create(request, listing.group(1), int(listing.group(2))), kind
        if kind == "update" and one:
            return self._update(request, int(one.group(2))), kind
        return Reply(404, NOT_FOUND), kind

    def _access(self, headers: dict[str, str]) -> Access | None:
        scheme, _, token = headers.get("authorization", "").partition(" ")
        if scheme.lower() not in ("bearer", "token"):
            return None
        return self.tokens.get(token)

    def _list(self, request: Recorded, repository: str, number: int) -> Reply:
        per_page = min(100, max(1, int(request.query.get("per_page", "30"))))
        page = max(1, int(request.query.get("page", "1")))
        comments = self.comments(repository, number)
        chunk = comments[(page - 1) * per_page : page * per_page]
        last = max(1, -(-len(comments) // per_page))
        links = []
        base = f"{self.url}{request.path}?per_page={per_page}"
        if page < last:
            links.append(f'<{base}&page={page + 1}>; rel="next"')
            links.append(f'<{base}&page={last}>; rel="last"')
        if page > 1:
            links.append(f'<{base}&page=1>; rel="first"')
            links.append(f'<{base}&page={page - 1}>; rel="prev"')
        headers = {"link": ", ".join(links)} if links else {}
        return Reply(200, [_as_json(comment) for comment in chunk], headers)

    def _create(self, request: Recorded, repository: str, number: int) -> Reply:
        body = request.body.get("body") if isinstance(request.body, dict) else None
        if not isinstance(body, str) or len(body) > 65_536:
            return Reply(422, {"message": "Validation Failed", "documentation_url": DOCS})
        comment_id = self.add_comment(repository, number, body, "github-actions[bot]")
        return Reply(201, _as_json(StoredComment(comment_id, body)))

    def _update(self, request: Recorded, comment_id: int) -> Reply:
        body = request.body.get("body") if isinstance(request.body, dict) else None
        if not isinstance(body, str) or len(body) > 65_536:
            return Reply(422, {"message": "Validation Failed", "documentation_url": DOCS})
        with self._lock:
            for comments in self.issues.values():
                for comment in comments:
                    if comment.id == comment_id:
                        comment.body = body
                        return Reply(200, _as_json(comment))
        return Reply(404, NOT_FOUND)


def _as_json(comment: StoredComment) -> dict[str, Any]:
    return {
        "id": comment.id,
        "node_id": f"IC_kwDO{comment.id}",
        "body": comment.body,
        "user": {"login": comment.author, "type": "Bot" if "[bot]" in comment.author else "User"},
        "html_url": f"https://github.com/acme/app/pull/7#issuecomment-{comment.id}",
    }


class _Server(QuietServer):
    fake: FakeGitHub


class _Handler(QuietHandler):
    server: _Server

    def do_PATCH(self) -> None:  # noqa: N802 - the name http.server calls
        self._handle()

    def _handle(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", "replace")
        parts = urlsplit(self.path)
        query = {name: values[0] for name, values in parse_qs(parts.query).items()}
        headers = {name.lower(): value for name, value in self.headers.items()}
        request = Recorded(self.command, parts.path, query, headers, body, time.monotonic())
        reply, _ = self.server.fake.handle(request)
        if reply.delay:
            time.sleep(reply.delay)
        data = json.dumps(reply.body).encode() if reply.body is not None else b""
        self.send_response(reply.status)
        self.send_header("content-type", "application/json; charset=utf-8")
        self.send_header("x-github-request-id", "FAKE:1234:5678")
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
