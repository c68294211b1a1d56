"""Fixtures every folder shares (the fake Anthropic API), and Hypothesis profiles.

`api`: a fresh fake API server (tests/fake_api.py) on 127.0.0.1 for one test; script it with
`api.script(...)` / `api.always(...)`, point the gate at `api.url`.

Hypothesis profiles, chosen with `HYPOTHESIS_PROFILE`.

- `default` (a developer's run): a fresh random draw each time, so local runs keep exploring.
- `ci` (`.ci/run` sets it): the same draw on every run, so a CI verdict depends on the code alone
  and a failure reproduces on any machine. New draws are explored locally, with `explore`.
- `explore`: random draws with reproduction blobs; pair it with `LEAK_EXAMPLES=5000` for long
  hunts (`--hypothesis-show-statistics` shows what was tried).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import settings

from tests.fake_api import FakeAnthropic

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture
def api() -> Iterator[FakeAnthropic]:
    with FakeAnthropic() as server:
        yield server
