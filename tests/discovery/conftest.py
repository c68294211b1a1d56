"""One gate run per fixture repository, shared by every test that asks about it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.discovery.support import Outcome, run_shape


@pytest.fixture(scope="session")
def outcome_of(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Outcome]:
    """The committed repository `name`, run once through the CLI (in git mode)."""
    runs: dict[str, Outcome] = {}

    def outcome(name: str) -> Outcome:
        if name not in runs:
            runs[name] = run_shape(name, tmp_path_factory.mktemp(name))
        return runs[name]

    return outcome
