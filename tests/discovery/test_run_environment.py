"""The gate's own environment is the deploy's: model variables in it are production's values,
reported as `env:NAME` (SPEC section 2, "The run's own environment")."""

from __future__ import annotations

from pathlib import Path

from tests.discovery.support import SHARED_ENVIRONMENTS, Outcome, run_gate

APP = '''"""Reads its model from the environment the deploy gives it."""

import os

MODEL = os.environ["ANTHROPIC_MODEL"]
'''


def _run(tmp_path: Path, **environ: str) -> Outcome:
    workspace = tmp_path / "app"
    workspace.mkdir()
    (workspace / "app.py").write_text(APP)
    (workspace / "README.md").write_text("Set `ANTHROPIC_MODEL` before starting.\n")
    return run_gate(workspace, tmp_path / "out", env=environ)


def _from_environment(outcome: Outcome) -> list[tuple[str, str, str]]:
    return sorted(
        (f["code"], f["severity"], f["file"])
        for f in outcome.findings
        if (f["file"] or "").startswith("env:")
    )


def test_a_retired_anthropic_model_in_the_run_blocks_the_deploy(tmp_path: Path) -> None:
    outcome = _run(tmp_path, ANTHROPIC_MODEL="claude-3-opus-20240229")
    assert _from_environment(outcome) == [("MOD003", "error", "env:ANTHROPIC_MODEL")]
    [finding] = [f for f in outcome.findings if f["file"] == "env:ANTHROPIC_MODEL"]
    assert finding["environment"] in SHARED_ENVIRONMENTS
    assert "claude-3-opus-20240229" in finding["message"]
    assert outcome.returncode == 1


def test_any_model_variable_holding_a_claude_id_is_checked_and_others_are_not(
    tmp_path: Path,
) -> None:
    outcome = _run(
        tmp_path,
        ANTHROPIC_MODEL="claude-sonnet-4-6",
        ANTHROPIC_SMALL_FAST_MODEL="claude-haiku-4-5-20251001",
        WORKER_MODEL="claude-3-5-haiku-20241022",
        OPENAI_MODEL="gpt-4o",
        EMBEDDING_MODEL="text-embedding-3-small",
    )
    assert _from_environment(outcome) == [("MOD003", "error", "env:WORKER_MODEL")]
    assert outcome.returncode == 1


def test_current_models_in_the_run_pass(tmp_path: Path) -> None:
    outcome = _run(tmp_path, ANTHROPIC_MODEL="claude-sonnet-4-6", CLAUDE_MODEL="claude-opus-4-8")
    assert _from_environment(outcome) == []
    assert outcome.returncode == 0, outcome.explain()
