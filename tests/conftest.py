"""Hypothesis profiles, chosen with `HYPOTHESIS_PROFILE`.

- `default` (a developer's run): a fresh random draw each time, so local runs keep exploring.
- `ci` (`.ci/run` sets it): the same draw on every run, so a CI verdict depends on the code alone
  and a failure reproduces on any machine. New draws are explored locally, with `explore`.
- `explore`: random draws with reproduction blobs; pair it with `LEAK_EXAMPLES=5000` for long
  hunts (`--hypothesis-show-statistics` shows what was tried).
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
