"""The image's entrypoint is a plain CLI outside GitHub's runner: `docker run --rm -v
"$PWD:/work" -w /work IMAGE .` passes arguments, a GitLab job runs `claude-preflight ...`; only
the runner's way (no arguments, `GITHUB_ACTIONS=true`) reads `INPUT_*`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import ENTRYPOINT, EXAMPLES, base_env


def entrypoint(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ENTRYPOINT), *args],
        cwd=cwd,
        env=base_env(**env),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_arguments_make_it_the_cli_with_no_workflow_commands() -> None:
    run = entrypoint([".", "--live-check", "off"], EXAMPLES)
    assert run.returncode == 1, run.stderr
    assert "claude-preflight FAILED" in run.stdout
    assert not [line for line in run.stdout.splitlines() if line.startswith("::")]


def test_no_arguments_outside_github_checks_the_current_directory() -> None:
    run = entrypoint([], EXAMPLES, CLAUDE_PREFLIGHT_LIVE_CHECK="off")
    assert run.returncode == 1, run.stderr
    assert "SEC001" in run.stdout


def test_cli_flags_work_and_misuse_is_exit_code_two(tmp_path: Path) -> None:
    version = entrypoint(["--version"], tmp_path)
    assert version.returncode == 0
    assert version.stdout.startswith("claude-preflight ")
    bad = entrypoint([".", "--live-check", "bogus"], tmp_path)
    assert bad.returncode == 2
    assert "bogus" in bad.stderr


def test_arguments_on_github_are_still_the_cli_not_the_action(tmp_path: Path) -> None:
    """A `run: docker run ... IMAGE .` step on GitHub: the arguments win over INPUT_*."""
    report = tmp_path / "gl.json"
    run = entrypoint(
        [str(EXAMPLES), "--live-check", "off", "--gitlab", str(report)],
        tmp_path,
        GITHUB_ACTIONS="true",
        **{"INPUT_LIVE-CHECK": "bogus"},
    )
    assert run.returncode == 1, run.stderr
    assert report.is_file()
