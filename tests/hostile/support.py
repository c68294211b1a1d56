"""One hostile case, run the two ways users run the gate: the CLI and the action's entrypoint with
the runner's environment. Every run is checked for what SPEC section 5 says must never happen.

- bounded time (a generous hang guard; the figures are in the issue's note, not asserted here);
- the expected exit code, and never a traceback;
- no workflow command but the gate's own: outside `::stop-commands::` only `::add-mask::`, the
  stop itself and well-formed annotations (the CLI, off GitHub, prints none at all);
- the summary written and structurally intact (one verdict heading, tables that keep their
  columns, folds that close, no markdown image, link or HTML tag from repository text);
- step outputs on the action path, `passed` among them, in every outcome;
- no secret, and no 8-character fragment of one, in anything the run wrote.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.action.runner_protocol import parse_command
from tests.fake_api import fake_key
from tests.helpers import Run, base_env, run_action, run_cli
from tests.secrets.support import assert_no_fragment

HANG_GUARD_SECONDS = 60.0
KEY = fake_key("hostile-suite")
PUBLIC_PREFIX = "sk-ant-api03-"
GATE_COMMANDS = frozenset({"add-mask", "stop-commands", "error", "warning", "notice"})
_TABLE_SEPARATOR = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+$")
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(")
_RAW_TAGS = re.compile(r"<(?!/?(?:code|br|sub|details|summary)\b)[a-zA-Z/!]")

Files = dict[str, bytes | str]
Check = Callable[[Run], None]


@dataclass
class Case:
    """A workspace, the options the workflow gives, and what a sound gate must do with them."""

    name: str
    files: Files = field(default_factory=dict)
    options: dict[str, str] = field(default_factory=dict)  # CLI flags, or the action's inputs
    env: dict[str, str] = field(default_factory=dict)
    exit_codes: tuple[int, ...] = (0, 1)
    check: Check | None = None
    summary_written: bool = True
    outputs_written: bool = True  # the action's step outputs (False: GITHUB_OUTPUT is a FIFO)
    with_key: bool = True  # the run's environment holds the API key (the leak checks need one)


def write_files(root: Path, files: Files) -> None:
    for relative, data in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8", errors="surrogatepass")


def _timed(run: Callable[[], Run]) -> Run:
    started = time.monotonic()
    result = run()
    elapsed = time.monotonic() - started
    assert elapsed < HANG_GUARD_SECONDS, f"took {elapsed:.1f} s"
    return result


def run_cli_case(case: Case, workspace: Path, tmp_path: Path, base_url: str) -> Run:
    """The CLI with a summary and a JSON report, as a developer or another CI would run it."""
    summary, report = tmp_path / "cli-summary.md", tmp_path / "cli-report.json"
    args = [str(workspace), "--summary", str(summary), "--json", str(report)]
    options = {"base-url": base_url, "timeout": "5", **case.options}
    for name, value in options.items():
        args += [f"--{name}", value]
    env = base_env(**({"ANTHROPIC_API_KEY": KEY} if case.with_key else {}), **case.env)
    result = _timed(lambda: run_cli(args, env=env, cwd=workspace, timeout=HANG_GUARD_SECONDS))
    if summary.is_file():
        result.summary = summary.read_text(encoding="utf-8")
    if report.is_file():
        result.report = json.loads(report.read_text(encoding="utf-8"))
    return result


def run_action_case(case: Case, workspace: Path, tmp_path: Path, base_url: str) -> Run:
    """entrypoint.py with every input exported, as the runner starts the docker action."""
    inputs = {"base-url": base_url, "timeout": "5", **case.options}
    env = {**({"ANTHROPIC_API_KEY": KEY} if case.with_key else {}), **case.env}
    action_tmp = tmp_path / "action"
    action_tmp.mkdir(exist_ok=True)
    return _timed(
        lambda: run_action(
            workspace, action_tmp, inputs=inputs, env=env, timeout=HANG_GUARD_SECONDS
        )
    )


def assert_sound(run: Run, case: Case, *, on_github: bool) -> None:
    """Everything SPEC section 5 promises, for one run of one case."""
    context = f"{case.name} ({'action' if on_github else 'CLI'})"
    assert "Traceback" not in run.stderr + run.stdout, f"{context}: {run.stderr[-2000:]}"
    assert run.returncode in case.exit_codes, f"{context}: exit {run.returncode}: {run.stderr}"
    _assert_own_commands(run.stdout + "\n" + run.stderr, on_github=on_github, context=context)
    if case.summary_written:
        assert_summary_intact(run.summary, usage_error=run.returncode == 2, context=context)
    if on_github and case.outputs_written:
        assert run.outputs is not None
        assert run.outputs.get("passed") in ("true", "false"), f"{context}: {run.outputs}"
        assert (run.outputs["passed"] == "true") == (run.returncode == 0), context
        assert run.outputs.get("errors", "").isdigit(), context
    if case.with_key:  # only `::add-mask::` may hold it: that is how the runner learns to mask it
        text = "\n".join(
            line for line in run.all_text.split("\n") if not line.startswith("::add-mask::")
        )
        assert KEY not in text, f"{context}: the key leaked"
        assert_no_fragment(KEY, text, public=PUBLIC_PREFIX)
    if case.check is not None:
        case.check(run)


def _assert_own_commands(text: str, *, on_github: bool, context: str) -> None:
    stop_token: str | None = None
    for line in text.split("\n"):
        if stop_token is not None:
            if line == f"::{stop_token}::":
                stop_token = None
            continue
        if not line.lstrip().startswith("::"):
            continue
        assert on_github, f"{context}: a workflow command off GitHub: {line[:200]!r}"
        assert line.startswith("::"), f"{context}: an indented command: {line[:200]!r}"
        command = parse_command(line)
        assert command is not None, f"{context}: {line[:200]!r}"
        assert command.name in GATE_COMMANDS, f"{context}: {line[:200]!r}"
        if command.name == "stop-commands":
            stop_token = command.data
    assert stop_token is None, f"{context}: command parsing was never resumed"


def assert_summary_intact(summary: str, *, usage_error: bool, context: str) -> None:
    """One heading per run, tables whose rows keep their columns, folds that close, no image,
    link or HTML tag that repository text could have opened."""
    assert summary.strip(), f"{context}: no summary"
    headings = [line for line in summary.split("\n") if line.startswith("## ")]
    assert len(headings) == 1, f"{context}: {headings}"
    expected = "could not run" if usage_error else "claude-preflight"
    assert expected in headings[0], f"{context}: {headings[0]}"
    assert summary.count("<details>") == summary.count("</details>"), context
    assert not _MARKDOWN_IMAGE.search(summary), f"{context}: a markdown image"
    assert not _RAW_TAGS.search(summary), f"{context}: {_RAW_TAGS.search(summary)}"
    for line in summary.split("\n"):
        assert not line.lstrip().startswith("::"), f"{context}: {line[:200]!r}"
    _assert_tables(summary, context)


def _assert_tables(summary: str, context: str) -> None:
    lines = summary.split("\n")
    for index, line in enumerate(lines):
        if not _TABLE_SEPARATOR.match(line):
            continue
        columns = line.count("|")
        assert lines[index - 1].count("|") == columns, f"{context}: {lines[index - 1][:200]!r}"
        row = index + 1
        while row < len(lines) and lines[row].startswith("|"):
            assert lines[row].count("|") == columns, f"{context}: {lines[row][:200]!r}"
            row += 1
