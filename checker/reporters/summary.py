"""The markdown job summary, rendered from `templates/*.md.j2` in a sandboxed Jinja environment.

Everything repository-derived is untrusted: it is HTML-escaped (autoescape) and, in tables, has
`|` and newlines neutralized. The result is redacted and capped below GitHub's 1 MiB per step.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from checker.report import Report

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

SUMMARY_LIMIT_BYTES = 1024 * 1024 - 16 * 1024
TEMPLATES = Path(__file__).parent / "templates"


def md_cell(value: object) -> str:
    """Text safe inside a GFM table cell: pipes escaped, line breaks flattened."""
    text = str(value).replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    return text.replace("|", "\\|")


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count} {word}"


@cache
def _environment() -> SandboxedEnvironment:
    from jinja2 import FileSystemLoader, StrictUndefined  # noqa: PLC0415 - lazy: startup time
    from jinja2.sandbox import SandboxedEnvironment  # noqa: PLC0415

    env = SandboxedEnvironment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md_cell"] = md_cell
    env.filters["plural"] = plural
    return env


def render_summary(report: Report, redact: Callable[[str], str]) -> str:
    text = redact(_environment().get_template("summary.md.j2").render(report=report))
    return cap_summary(text)


def cap_summary(text: str, limit: int = SUMMARY_LIMIT_BYTES) -> str:
    """Cut at a line boundary outside any table, with a note, when over GitHub's limit."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    kept = data[:limit].decode("utf-8", errors="ignore").split("\n")[:-1]
    while kept and kept[-1].lstrip().startswith("|"):
        kept.pop()
    note = "\n\n> Summary truncated to stay under GitHub's 1 MiB limit; see the JSON report.\n"
    return "\n".join(kept) + note


def write_summary(path: Path, report: Report, redact: Callable[[str], str]) -> None:
    """Append (GitHub's summary file may hold earlier steps' output of this step)."""
    with path.open("a", encoding="utf-8") as file:
        file.write(render_summary(report, redact))
