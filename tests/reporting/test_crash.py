"""A crashed check still yields a summary: a TOOL001 finding, the verdict, the other jobs' results.

The crash is injected at process start (`tests.crash`: the models check raises), so the real
entrypoint, pipeline and reporters run exactly as in production.
"""

from __future__ import annotations

from pathlib import Path

from tests.crash import Crash
from tests.helpers import EXAMPLES, run_action
from tests.reporting.rendered import assert_markdown_tables_whole, structure


def test_a_crashed_check_still_writes_a_summary_with_tool001(tmp_path: Path) -> None:
    crash = Crash("checker.models:check_models", KeyError("llm"))
    run = run_action(EXAMPLES, tmp_path, inputs={"live-check": "off"}, env=crash.env(tmp_path))
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    found = structure(run.summary)
    assert found.h2 == ["❌ claude-preflight: deploy blocked"]
    assert "🧰 Tool: 💥 crashed: part of the gate could not run" in found.h3
    assert "The models check crashed with KeyError" in found.text
    assert "🔑 Secrets: ❌ failed" in " ".join(found.h3)  # the other jobs still ran
    assert_markdown_tables_whole(run.summary)
    assert "::error title=TOOL001 A check crashed::" in run.stdout
