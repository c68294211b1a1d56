"""The markdown job summary, rendered from `templates/*.md.j2` in a sandboxed Jinja environment.

Everything repository-derived is untrusted. The report is redacted value by value before rendering
(encoding would otherwise hide a secret from the redactor), every `{{ value }}` is made inert for
markdown and HTML by `markdown_safe.finalize`, and the result stays under GitHub's 1 MiB per step by
showing fewer findings per job, never by cutting a table in half.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from checker.regular_files import open_for_writing
from checker.report import Report
from checker.reporters import markdown_safe
from checker.reporters.redacted import redact_report
from checker.reporters.summary_view import build_view
from checker.reporters.template_cache import bytecode_cache

if TYPE_CHECKING:
    from jinja2 import Template
    from jinja2.sandbox import SandboxedEnvironment

_BLANK_RUNS = re.compile(r"\n{3,}")
SUMMARY_LIMIT_BYTES = 1024 * 1024 - 16 * 1024
TEMPLATES = Path(__file__).parent / "templates"
# (findings per job, drift-matrix rows) kept on each attempt to fit the limit; None keeps all.
SHRINK_STEPS: tuple[tuple[int | None, int | None], ...] = (
    (None, None),
    (200, 500),
    (50, 100),
    (10, 30),
    (3, 10),
    (0, 0),
)
PLAIN_FINDINGS = 50
TRUNCATION_NOTE = (
    "\n\n> ✂️ Summary truncated to stay under GitHub's 1 MiB limit; the JSON report has every "
    "finding.\n"
)


def md_cell(value: object) -> Markup:
    """Text safe inside a GFM table cell: `|` cannot split it, line breaks cannot end the row."""
    return markdown_safe.text(value)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count} {word}"


def number(value: object) -> str:
    """`52,000`; `?` when unknown."""
    return f"{value:,}" if isinstance(value, int) else "?"


def duration(milliseconds: object) -> str:
    """`850 ms`, `1.2 s`, `2 min 5 s`."""
    try:
        ms = max(0, int(str(milliseconds)))
    except ValueError:
        return "?"
    if ms < 1000:
        return f"{ms} ms"
    if ms < 60_000:
        return f"{ms / 1000:.1f} s"
    minutes, seconds = divmod(round(ms / 1000), 60)
    return f"{minutes} min {seconds} s"


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
        finalize=markdown_safe.finalize,
        bytecode_cache=bytecode_cache(),
    )
    env.filters.update(
        md_cell=md_cell,
        text=markdown_safe.text,
        code=markdown_safe.code,
        message=markdown_safe.message,
        url=markdown_safe.url,
        fenced=markdown_safe.fenced,
        plural=plural,
        duration=duration,
        number=number,
    )
    return env


def warm_template_cache() -> None:
    """Compile every template into the cache (the image does this at build time)."""
    environment = _environment()
    for name in environment.list_templates(extensions=["j2"]):
        environment.get_template(name)


def get_template(name: str) -> Template:
    """A template of `templates/` in the summary's sandbox, with its filters and its safety."""
    return _environment().get_template(name)


def prepare_summary() -> None:
    """Load Jinja and the summary template ahead of rendering (while the live check waits)."""
    _environment().get_template("summary.md.j2")


def render_summary(report: Report, redact: Callable[[str], str]) -> str:
    """The summary markdown, redacted and within GitHub's size limit; if the rich summary cannot
    be rendered (a bug, data of an unexpected shape), a plain one, because it must exist."""
    clean = redact_report(report, redact)
    try:
        return _render_rich(clean, redact)
    except Exception as error:  # the summary is written in every outcome
        return redact(plain_summary(clean, error))


def plain_summary(report: Report, error: Exception) -> str:
    """Verdict and one line per finding, every value encoded: no template involved."""
    verdict = "✅ passed" if report.passed else "❌ deploy blocked"
    lines = [f"## {verdict}: claude-preflight", ""]
    text, message = markdown_safe.text, markdown_safe.message
    for finding in report.findings[:PLAIN_FINDINGS]:
        where = f" · {markdown_safe.code(finding.file)}" if finding.file else ""
        lines.append(
            f"- **{text(finding.code)}** {text(finding.title)}{where}: "
            f"{message(finding.message)} **Fix:** {message(finding.fix)}"
        )
    lines += [
        "",
        f"<sub>The full summary could not be rendered ({type(error).__name__}).</sub>",
        "",
    ]
    return "\n".join(lines)


def _render_rich(clean: Report, redact: Callable[[str], str]) -> str:
    template = _environment().get_template("summary.md.j2")
    text = ""
    for max_per_job, max_rows in SHRINK_STEPS:
        view = build_view(clean, max_per_job=max_per_job, max_matrix_rows=max_rows)
        text = _BLANK_RUNS.sub("\n\n", redact(template.render(view=view, report=clean)))
        if len(text.encode("utf-8")) <= SUMMARY_LIMIT_BYTES:
            return text
    return cap_summary(text)


def cap_summary(text: str, limit: int = SUMMARY_LIMIT_BYTES) -> str:
    """Last resort: cut at a line boundary outside any table or fold, with a note."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    kept = data[: limit - len(TRUNCATION_NOTE.encode())].decode("utf-8", errors="ignore")
    lines = kept.split("\n")[:-1]
    while lines and lines[-1].lstrip().startswith("|"):
        lines.pop()
    body = "\n".join(lines)
    opened = body.count("<details>") - body.count("</details>")
    return body + "\n\n</details>\n" * max(0, opened) + TRUNCATION_NOTE


def write_summary(path: Path, report: Report, redact: Callable[[str], str]) -> None:
    """Append (GitHub's summary file may hold earlier steps' output of this step)."""
    with open_for_writing(path, append=True) as file:
        file.write(render_summary(report, redact))
