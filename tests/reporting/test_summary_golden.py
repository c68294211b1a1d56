"""The summary a reviewer reads, pinned: one run per job failing, plus the example repository.

Regenerate after an intended change with `UPDATE_GOLDEN=1 pytest tests/reporting`, then read the
diff: it is the change users will see.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from checker.report import Report
from checker.reporters.summary import render_summary
from tests.helpers import EXAMPLES, base_env, run_cli
from tests.reporting.reports import REPORTS

GOLDEN = Path(__file__).parent / "golden"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / f"{name}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing {path}: run UPDATE_GOLDEN=1 pytest tests/reporting"
    assert text == path.read_text(encoding="utf-8"), f"{path} differs; see the module docstring"


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_summary_matches_golden(name: str) -> None:
    factory: Callable[[], Report] = REPORTS[name]
    check_golden(name, render_summary(factory(), lambda text: text))


def normalize(summary: str) -> str:
    """Drop what changes from run to run or release to release: duration and version."""
    summary = re.sub(r"took [0-9.]+ (ms|s|min \d+ s)", "took <duration>", summary)
    return re.sub(r"claude-preflight \d+\.\d+\.\d+\S*", "claude-preflight <version>", summary)


def test_example_repository_summary_matches_golden(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    run = run_cli(
        [str(EXAMPLES), "--live-check", "off", "--summary", str(summary)],
        env=base_env(),
    )
    assert run.returncode == 1, run.stderr
    check_golden("example", normalize(summary.read_text(encoding="utf-8")))
