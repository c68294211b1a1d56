"""One code path for the CLI and the action: settings in, reports out, exit code back.

Order matters: secrets are masked before anything else is printed, and the summary is written in
every outcome (usage error, failed gate, crashed check).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TextIO

from checker.context import RunContext, run_context_from_env
from checker.errors import UsageError
from checker.findings import make_finding
from checker.pipeline import run_gate
from checker.redaction import ALWAYS_SECRET_ENV, Redactor
from checker.report import Report, ToolInfo, count_findings
from checker.reporters.console import render_console, use_colour
from checker.reporters.json_report import write_json
from checker.reporters.outputs import action_outputs, write_outputs
from checker.reporters.workflow_commands import WorkflowCommands
from checker.settings import Settings, load_settings

EXIT_PASSED, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
DEFAULT_ACTION_REPORT = "claude-preflight/report.json"


def run(
    given: Mapping[str, str | None],
    environ: Mapping[str, str],
    *,
    workspace: str | None,
    stdout: TextIO,
    stderr: TextIO,
) -> int:
    """Run the gate and every reporter; return the process exit code."""
    context = run_context_from_env(environ)
    redactor = Redactor(_secret_values(given, environ))
    commands = WorkflowCommands(stdout, redactor)
    _mask_all(commands, redactor, context)
    try:
        settings = load_settings(given, environ, workspace=workspace)
    except UsageError as error:
        stderr.write(redactor(f"claude-preflight: error: {error}") + "\n")
        _write_usage_summary(given, environ, str(error), redactor)
        return EXIT_USAGE
    for value in _secret_values_from_settings(settings, environ):
        redactor.add(value)
    _mask_all(commands, redactor, context)

    report: Report | None = None
    try:
        report = run_gate(settings, context, environ, while_waiting=_summary_loader(settings))
    except Exception:  # the gate fails closed with a finding, never a traceback
        report = None
    finally:
        report = report or _crashed_report(settings)
        _write_file_reports(settings, context, report, redactor, stderr)
    if context.on_github:
        commands.annotate(report.findings)
        token = commands.stop_commands()
    stdout.write(render_console(report, redactor, colour=use_colour(stdout, environ)))
    if context.on_github:
        commands.resume_commands(token)
    stdout.flush()
    return EXIT_PASSED if report.passed else EXIT_FAILED


def _write_file_reports(
    settings: Settings,
    context: RunContext,
    report: Report,
    redactor: Redactor,
    stderr: TextIO,
) -> None:
    """Summary first (it must exist in every outcome), then JSON, SARIF and step outputs."""
    json_path = settings.json_path
    if json_path is None and context.on_github and context.runner_temp:
        json_path = Path(context.runner_temp) / DEFAULT_ACTION_REPORT
    writers: list[tuple[str, Callable[[], None]]] = []
    if settings.summary_path:
        summary_path = settings.summary_path
        writers.append(("summary", lambda: _write_summary(summary_path, report, redactor)))
    if json_path:
        path = json_path
        writers.append(("JSON report", lambda: write_json(path, report, redactor)))
    if settings.sarif_path:
        from checker.reporters.sarif import write_sarif  # noqa: PLC0415 - only when asked for

        sarif_path = settings.sarif_path
        writers.append(("SARIF report", lambda: write_sarif(sarif_path, report, redactor)))
    output_file = _github_output(context)
    if output_file:
        outputs = action_outputs(report, json_path)
        writers.append(("step outputs", lambda: write_outputs(output_file, outputs, redactor)))
    for what, write in writers:
        try:
            write()
        except Exception as error:  # a reporter bug costs neither the other reports nor the verdict
            warning = f"claude-preflight: warning: could not write the {what}: "
            stderr.write(redactor(warning + _write_failure(error)) + "\n")


def _write_failure(error: Exception) -> str:
    """Why a report could not be written, in words that never quote a path or a value."""
    if isinstance(error, OSError):
        return f"{type(error).__name__} ({error.strerror or 'I/O error'})"
    return f"internal error ({type(error).__name__}); please report it"


def _write_summary(path: Path, report: Report, redactor: Redactor) -> None:
    """Imported here: Jinja and the summary view cost startup time a run without a summary saves."""
    from checker.reporters.summary import write_summary  # noqa: PLC0415

    write_summary(path, report, redactor)


def _summary_loader(settings: Settings) -> Callable[[], None] | None:
    """What to load while the live check waits on the network: the summary's Jinja stack."""
    if settings.summary_path is None:
        return None

    def load() -> None:
        from checker.reporters.summary import prepare_summary  # noqa: PLC0415

        prepare_summary()

    return load


def _github_output(context: RunContext) -> Path | None:
    return Path(context.github_output) if context.github_output else None


def _mask_all(commands: WorkflowCommands, redactor: Redactor, context: RunContext) -> None:
    if context.on_github:
        for secret in redactor.secrets:
            commands.add_mask(secret)


def _crashed_report(settings: Settings) -> Report:
    from checker import __version__  # noqa: PLC0415

    finding = make_finding("TOOL001", "The gate crashed before it could finish.")
    return Report(
        passed=False,
        counts=count_findings([finding]),
        findings=[finding],
        tool=ToolInfo(
            version=__version__, live_level=settings.live_check, fail_on=settings.fail_on
        ),
    )


def _write_usage_summary(
    given: Mapping[str, str | None],
    environ: Mapping[str, str],
    message: str,
    redactor: Redactor,
) -> None:
    target = given.get("summary") or environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    import html  # noqa: PLC0415 - only this rare path needs it

    try:
        with Path(target).open("a", encoding="utf-8") as file:
            text = (
                "## ❌ claude-preflight could not run\n\n"
                f"{html.escape(redactor(message))}\n\n"
                "Fix the step's inputs or `.claude-preflight.yml`; the gate exits with code 2.\n"
            )
            file.write(redactor(text))
    except OSError:
        pass


def _secret_values(given: Mapping[str, str | None], environ: Mapping[str, str]) -> list[str]:
    """Secrets known before settings are parsed: the api-key input, the key env vars, tokens."""
    values = [given.get("api-key") or ""]
    values.append(environ.get(given.get("api-key-env") or "ANTHROPIC_API_KEY", ""))
    values += [environ.get(name, "") for name in ALWAYS_SECRET_ENV]
    return [value for value in values if value]


def _secret_values_from_settings(settings: Settings, environ: Mapping[str, str]) -> list[str]:
    values = [environ.get(name, "") for name in settings.required_secrets]
    return [value for value in values if value]
