"""The outcome of a run that could not start (exit code 2): one line on stderr, a summary, outputs.

The message may carry user text (a value, a config file's key from pydantic's error location, a
file name), so it takes the same paths as findings: `plain_text.visible` for the log (one line,
so no workflow command can start one) and `markdown_safe.message` for the summary. The step
outputs say `passed=false`, as in every other outcome, with the usage error as the one error.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TextIO

from checker.plain_text import visible
from checker.regular_files import open_for_writing

MAX_MESSAGE_CHARS = 1_000


def report_usage_error(
    message: str,
    given: Mapping[str, str | None],
    environ: Mapping[str, str],
    *,
    github_output: str | None,
    redact: Callable[[str], str],
    stderr: TextIO,
) -> None:
    """Every report a usage error can have; none of them may fail the others."""
    line = visible(redact(message), MAX_MESSAGE_CHARS)
    stderr.write(redact(f"claude-preflight: error: {line}") + "\n")
    target = given.get("summary") or environ.get("GITHUB_STEP_SUMMARY")
    if target:
        _write_summary(Path(target), line, redact, stderr)
    if github_output:
        _write_outputs(Path(github_output), redact, stderr)


def _write_summary(path: Path, line: str, redact: Callable[[str], str], stderr: TextIO) -> None:
    from checker.reporters.markdown_safe import message  # noqa: PLC0415 - this rare path only

    text = (
        "## ❌ claude-preflight could not run\n\n"
        f"{message(line)}\n\n"
        "Fix the step's inputs or `.claude-preflight.yml`; the gate exits with code 2.\n"
    )
    try:
        with open_for_writing(path, append=True) as file:
            file.write(redact(text))
    except OSError as error:
        _warn(stderr, "summary", error, redact)


def _write_outputs(path: Path, redact: Callable[[str], str], stderr: TextIO) -> None:
    from checker.options import ACTION_OUTPUTS  # noqa: PLC0415
    from checker.reporters.outputs import write_outputs  # noqa: PLC0415

    values = {"passed": "false", "errors": "1", "warnings": "0", "report": "", "models": "{}"}
    outputs = {name: values.get(name, "") for name in ACTION_OUTPUTS}
    try:
        write_outputs(path, outputs, redact)
    except OSError as error:
        _warn(stderr, "step outputs", error, redact)


def _warn(stderr: TextIO, what: str, error: OSError, redact: Callable[[str], str]) -> None:
    reason = error.strerror or type(error).__name__
    stderr.write(redact(f"claude-preflight: warning: could not write the {what}: {reason}") + "\n")
