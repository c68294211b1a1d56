"""What the PR-comment stories share: a repository, a pull_request event, a run against a fake."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path
from typing import Any

from tests.fake_api import VALID_KEY
from tests.fake_github import FakeGitHub
from tests.helpers import FIXTURES, Run, run_action

CLEAN_APP = FIXTURES / "action" / "clean-app"
HEAD_SHA = "3f2c9a1b7d4e6f8091a2b3c4d5e6f708192a3b4c"
TOKEN = "ghs_" + "Wr1teT0kenForTheFakeGitHub" + "x" * 10
READ_ONLY = "ghs_" + "Re4dOnlyT0kenOfAForkPR" + "y" * 14
RETIRED = "claude-3-5-sonnet-20241022"
_RUN_IDS = itertools.count(4200)  # each run of a story is a new workflow run


def pr_event(number: int = 7, *, fork: bool = False) -> dict[str, Any]:
    """A `pull_request` payload as GitHub writes it (the fields the gate reads)."""
    head_repo = "eve/app" if fork else "acme/app"
    return {
        "action": "synchronize",
        "number": number,
        "pull_request": {
            "number": number,
            "head": {
                "sha": HEAD_SHA,
                "ref": "feature",
                "repo": {"full_name": head_repo, "fork": fork},
            },
            "base": {"ref": "main", "repo": {"full_name": "acme/app"}},
        },
        "repository": {"full_name": "acme/app"},
    }


def app(tmp_path: Path, name: str = "workspace", *, model: str = RETIRED) -> Path:
    """The clean fixture app, with `model` in both environments (retired: the gate fails)."""
    root = tmp_path / name
    shutil.copytree(CLEAN_APP, root)
    set_model(root, model)
    return root


def set_model(root: Path, model: str) -> None:
    for env in ("production", "staging"):
        path = root / "config" / f"{env}.yaml"
        text = path.read_text(encoding="utf-8")
        lines = [
            f"  model: {model}" if line.startswith("  model:") else line
            for line in text.split("\n")
        ]
        path.write_text("\n".join(lines), encoding="utf-8")


def run_on_pr(
    workspace: Path,
    tmp_path: Path,
    github: FakeGitHub,
    *,
    inputs: dict[str, str] | None = None,
    token: str = TOKEN,
    event: dict[str, Any] | None = None,
    event_name: str = "pull_request",
    env: dict[str, str] | None = None,
) -> Run:
    """entrypoint.py on a pull_request event (a new workflow run each time), the API at the fake,
    the live check off."""
    return run_action(
        workspace,
        tmp_path,
        inputs={"live-check": "off", "api-key": VALID_KEY, "github-token": token, **(inputs or {})},
        env={"GITHUB_API_URL": github.url, "GITHUB_RUN_ID": str(next(_RUN_IDS)), **(env or {})},
        event=event if event is not None else pr_event(),
        event_name=event_name,
    )
