"""Fixtures of the hostile suite: the fake API every run points at, and one runner for a case."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import pytest

from tests.fake_api import FakeAnthropic
from tests.helpers import Run
from tests.hostile.support import (
    KEY,
    Case,
    assert_sound,
    run_action_case,
    run_cli_case,
    write_files,
)

RUNNERS = ("cli", "action")


class CaseRunner(Protocol):
    def __call__(
        self, case: Case, *, base_url: str | None = None, links: dict[str, Path] | None = None
    ) -> Run: ...


@pytest.fixture(scope="module")
def shared_api() -> Iterator[FakeAnthropic]:
    """A well-behaved API: the format cases are about files, not the network."""
    with FakeAnthropic(keys=(KEY,)) as server:
        yield server


@pytest.fixture(params=RUNNERS)
def runner(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def run_case(tmp_path: Path, runner: str, shared_api: FakeAnthropic) -> CaseRunner:
    """Write the case's workspace, run it the runner's way, assert it is sound; return the run."""

    def run(
        case: Case, *, base_url: str | None = None, links: dict[str, Path] | None = None
    ) -> Run:
        workspace = tmp_path / "workspace"
        workspace.mkdir(exist_ok=True)
        write_files(workspace, case.files)
        for name, target in (links or {}).items():
            (workspace / name).symlink_to(target)
        url = base_url or shared_api.url
        if runner == "cli":
            result = run_cli_case(case, workspace, tmp_path, url)
        else:
            result = run_action_case(case, workspace, tmp_path, url)
        assert_sound(result, case, on_github=runner == "action")
        return result

    return run
