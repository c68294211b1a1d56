"""The job summary's note when the PR comment could not be written: why, and how to enable it.

Appended after the summary (which is written first, in every outcome); its words include GitHub's
untrusted message, so all of it is made inert for markdown and redacted.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from checker.regular_files import open_for_writing
from checker.reporters import markdown_safe

HEADLINE = "The pull request comment was not written"


def notice_markdown(notice: str) -> str:
    return (
        f"\n> [!NOTE]\n> **{HEADLINE}**: {markdown_safe.message(notice)} The gate's verdict is "
        "unaffected; `comment-on-pr: never` turns the comment off.\n"
    )


def append_notice(path: Path, notice: str, redact: Callable[[str], str]) -> None:
    """Append the note to the summary file; a summary that cannot be written is not an error."""
    try:
        with open_for_writing(path, append=True) as file:  # never a FIFO or a device
            file.write(redact(notice_markdown(notice)))
    except OSError:
        pass
