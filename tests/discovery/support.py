"""Run a fixture repository through the real CLI the way CI does: copied, committed, one report.

Each repository under `tests/fixtures/repos/` is copied to a temporary folder and, unless a test
asks for the directory walk, turned into a git repository (`git init && git add -A`) so that the
gate's `git ls-files` sees exactly the tracked files.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.helpers import FIXTURES, base_env, run_cli

REPOS = FIXTURES / "repos"
DUMMY_KEY = "sk-ant-api03-" + "a" * 93 + "AA"
SHARED = "shared"
"""Expected environment of a shared source's finding: `None` or `production` (not decided yet)."""
SHARED_ENVIRONMENTS = (None, "production")
LOUD = ("error", "warning")

Row = tuple[str, str, str, int]
"""(code, severity, file, line): what a finding above a notice is compared by."""


@dataclass(frozen=True, slots=True)
class Loud:
    """One finding the user must see (an error or a warning), where the shape's files put it."""

    code: str
    severity: str
    file: str
    line: int
    column: int | None = None
    environment: str = SHARED

    @property
    def row(self) -> Row:
        return (self.code, self.severity, self.file, self.line)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one run of the gate left behind."""

    returncode: int
    stdout: str
    stderr: str
    report: dict[str, Any]
    summary: str

    @property
    def findings(self) -> list[dict[str, Any]]:
        findings: list[dict[str, Any]] = self.report["findings"]
        return findings

    @property
    def all_text(self) -> str:
        return "\n".join([self.stdout, self.stderr, self.summary, json.dumps(self.report)])

    def loud(self) -> set[Row]:
        """Every error and warning as a row, to compare with a shape's exact expectation."""
        return {
            (f["code"], f["severity"], f["file"], f["line"])
            for f in self.findings
            if f["severity"] in LOUD
        }

    def at(self, file: str, line: int | None = None) -> list[dict[str, Any]]:
        """Findings on one file (or one line of it)."""
        return [
            f for f in self.findings if f["file"] == file and (line is None or f["line"] == line)
        ]

    def under(self, path: str) -> list[dict[str, Any]]:
        """Findings on a file, or inside a folder when `path` ends with `/`."""
        if path.endswith("/"):
            return [f for f in self.findings if (f["file"] or "").startswith(path)]
        return self.at(path)

    def one(self, code: str, file: str, line: int) -> dict[str, Any]:
        hits = [f for f in self.at(file, line) if f["code"] == code]
        assert len(hits) == 1, self.explain()
        return hits[0]

    def explain(self) -> str:
        """Every finding on one line each, for assertion messages."""
        lines = [
            f"{f['code']} {f['severity']} {f['environment']} {f['file']}:{f['line']}:{f['column']}"
            f"  {f['message'][:140]}"
            for f in self.findings
        ]
        return "findings:\n  " + "\n  ".join(lines or ["(none)"])


def materialize(
    shape: str,
    destination: Path,
    *,
    git: bool = True,
    setup: Callable[[Path], None] | None = None,
) -> Path:
    """Copy one fixture repository to `destination`, let `setup` add generated files, commit."""
    shutil.copytree(REPOS / shape, destination, ignore=shutil.ignore_patterns("__pycache__"))
    if setup is not None:
        setup(destination)
    if git:
        for command in (["git", "init", "-q"], ["git", "add", "-A"]):
            subprocess.run(command, cwd=destination, check=True, capture_output=True, timeout=120)
    return destination


def run_gate(
    workspace: Path,
    out: Path,
    *,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> Outcome:
    """`claude-preflight WORKSPACE --live-check off` with a well-formed key; the gate must finish
    (exit 0 or 1), never crash, and write its JSON report and summary."""
    out.mkdir(parents=True, exist_ok=True)
    report_path, summary_path = out / "report.json", out / "summary.md"
    run = run_cli(
        [
            str(workspace),
            "--live-check",
            "off",
            "--json",
            str(report_path),
            "--summary",
            str(summary_path),
        ],
        env=base_env(ANTHROPIC_API_KEY=DUMMY_KEY, **(env or {})),
        timeout=timeout,
    )
    assert "Traceback" not in run.stderr + run.stdout, run.stderr
    assert run.returncode in (0, 1), f"exit {run.returncode}: {run.stderr}"
    assert report_path.is_file(), f"no JSON report; stderr: {run.stderr}"
    report = json.loads(report_path.read_text())
    crashed = [f["message"] for f in report["findings"] if f["code"] == "TOOL001"]
    assert not crashed, crashed
    summary = summary_path.read_text() if summary_path.is_file() else ""
    return Outcome(run.returncode, run.stdout, run.stderr, report, summary)


def run_shape(
    shape: str,
    tmp_path: Path,
    *,
    git: bool = True,
    setup: Callable[[Path], None] | None = None,
    env: dict[str, str] | None = None,
) -> Outcome:
    """Materialize `shape` under `tmp_path` and run the gate on it."""
    workspace = materialize(shape, tmp_path / shape, git=git, setup=setup)
    return run_gate(workspace, tmp_path / "out", env=env)
