"""Run the real CLI and the real action entrypoint as subprocesses, as users and GitHub do."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
ENTRYPOINT = REPO_ROOT / "entrypoint.py"
EXAMPLES = REPO_ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Every input action.yml declares; GitHub exports each one, empty when the workflow gives none.
ACTION_INPUTS = (
    "api-key",
    "working-directory",
    "config",
    "repository-config",
    "live-check",
    "base-url",
    "api-key-env",
    "required-secrets",
    "production",
    "fail-on",
    "on-unavailable-secrets",
    "timeout",
    "deprecation-window",
    "ignore",
    "json",
    "sarif",
    "gitlab",
    "summary",
    "comment-on-pr",
    "github-token",
)
# What the runner exports for an input the workflow leaves out when action.yml gives a default:
# the default, evaluated (`${{ github.token }}` is the job's token).
RUNNER_TOKEN = "ghs_" + "R7unnerT0ken" * 3
ACTION_DEFAULTS = {"github-token": RUNNER_TOKEN}
# Where a run's GitHub API calls go unless a test starts a fake GitHub: a closed local port, so a
# pull_request run that comments fails fast instead of calling api.github.com.
NO_GITHUB_API = "http://127.0.0.1:1"


@dataclass
class Run:
    """What one run left behind: exit code, streams, and the GitHub files it wrote."""

    returncode: int
    stdout: str
    stderr: str
    summary: str = ""
    outputs: dict[str, str] | None = None
    report: dict[str, Any] | None = None

    @property
    def all_text(self) -> str:
        """Everything the run produced, for leak assertions."""
        parts = [self.stdout, self.stderr, self.summary, json.dumps(self.outputs or {})]
        parts.append(json.dumps(self.report or {}))
        return "\n".join(parts)


def base_env(**extra: str) -> dict[str, str]:
    """A clean environment: no inherited keys, base URLs or GitHub variables."""
    keep = {"PATH", "HOME", "LANG", "LC_ALL", "SYSTEMROOT", "TMPDIR", "PYTHONPATH"}
    env = {key: value for key, value in os.environ.items() if key in keep}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["NO_COLOR"] = "1"
    env.update(extra)
    return env


def run_cli(
    args: list[str],
    *,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 60,
) -> Run:
    """`python -m checker ARGS` in a subprocess."""
    completed = subprocess.run(
        [sys.executable, "-m", "checker", *args],
        env=env if env is not None else base_env(),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return Run(completed.returncode, completed.stdout, completed.stderr)


def parse_github_output(text: str) -> dict[str, str]:
    """Parse `$GITHUB_OUTPUT` the way the runner does (both `k=v` and `k<<DELIM` forms)."""
    outputs: dict[str, str] = {}
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line:
            continue
        equals, heredoc = line.find("="), line.find("<<")
        if heredoc != -1 and (equals == -1 or heredoc < equals):
            name, delimiter = line[:heredoc], line[heredoc + 2 :]
            value_lines = []
            while lines[index] != delimiter:
                value_lines.append(lines[index])
                index += 1
            index += 1
            outputs[name] = "\n".join(value_lines)
        else:
            name, _, value = line.partition("=")
            outputs[name] = value
    return outputs


def run_action(
    workspace: Path,
    tmp_path: Path,
    *,
    inputs: dict[str, str] | None = None,
    env: dict[str, str] | None = None,
    event: dict[str, Any] | None = None,
    event_name: str = "push",
    timeout: float = 60,
) -> Run:
    """Run entrypoint.py with the environment a docker action gets from the runner."""
    files = tmp_path / "file_commands"
    files.mkdir(exist_ok=True)
    summary, output = files / "step_summary", files / "output"
    summary.write_text("")
    output.write_text("")
    event_path = tmp_path / "event.json"
    event_path.write_text(json.dumps(event or {}))
    runner_temp = tmp_path / "runner_temp"
    runner_temp.mkdir(exist_ok=True)
    full_env = base_env(
        GITHUB_ACTIONS="true",
        CI="true",
        GITHUB_WORKSPACE=str(workspace),
        GITHUB_STEP_SUMMARY=str(summary),
        GITHUB_OUTPUT=str(output),
        GITHUB_EVENT_PATH=str(event_path),
        GITHUB_EVENT_NAME=event_name,
        GITHUB_REPOSITORY="acme/app",
        GITHUB_ACTOR="octocat",
        GITHUB_REF="refs/heads/main",
        GITHUB_RUN_ID="42",
        GITHUB_SERVER_URL="https://github.com",
        RUNNER_TEMP=str(runner_temp),
        HOME=str(tmp_path),
    )
    full_env["GITHUB_API_URL"] = NO_GITHUB_API
    for name in ACTION_INPUTS:
        full_env[f"INPUT_{name.upper()}"] = ACTION_DEFAULTS.get(name, "")
    for name, value in (inputs or {}).items():
        full_env[f"INPUT_{name.upper()}"] = value
    full_env.update(env or {})
    completed = subprocess.run(
        [sys.executable, str(ENTRYPOINT)],
        env=full_env,
        cwd=workspace,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    outputs = parse_github_output(output.read_text())
    report_path = outputs.get("report")
    report = json.loads(Path(report_path).read_text()) if report_path else None
    return Run(
        completed.returncode,
        completed.stdout,
        completed.stderr,
        summary=summary.read_text(),
        outputs=outputs,
        report=report,
    )
