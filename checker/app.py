"""One code path for the CLI and the action: settings in, reports out, exit code back.

Order matters: secrets are masked before anything else is printed, and the summary is written in
every outcome (usage error, failed gate, crashed check).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TextIO

from checker.context import RunContext, run_context_from_env
from checker.errors import UsageError
from checker.findings import make_finding
from checker.github.inputs import CommentSettings, comment_settings, secret_inputs
from checker.pipeline import run_gate
from checker.provenance import OriginKind
from checker.redaction import ALWAYS_SECRET_ENV, Redactor
from checker.report import Report, ToolInfo, count_findings
from checker.reporters.console import render_console, use_colour
from checker.reporters.json_report import write_json
from checker.reporters.outputs import action_outputs, write_outputs
from checker.reporters.usage_error import report_usage_error
from checker.reporters.workflow_commands import WorkflowCommands
from checker.scope import normalized_files, scope_to_files
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
    only_files: Sequence[str] | None = None,
    explicit_kind: OriginKind = "flag",
) -> int:
    """Run the gate and every reporter; return the process exit code. `only_files` (the CLI's
    `--files`) reports only the findings that involve those files, as a commit hook needs;
    `explicit_kind` says whether `given` holds CLI flags or action inputs (`input`)."""
    context = run_context_from_env(environ)
    redactor = Redactor(_secret_values(given, environ))
    if context.event_problem:
        stderr.write(
            f"claude-preflight: warning: GITHUB_EVENT_PATH not read: {context.event_problem}\n"
        )
    commands = WorkflowCommands(stdout, redactor)
    _mask_all(commands, redactor, context)
    try:
        settings = load_settings(given, environ, workspace=workspace, explicit_kind=explicit_kind)
        comment = comment_settings(given, environ)
    except UsageError as error:
        report_usage_error(
            str(error),
            given,
            environ,
            github_output=context.github_output,
            redact=redactor,
            stderr=stderr,
        )
        return EXIT_USAGE
    for value in _secret_values_from_settings(settings, environ):
        redactor.add(value)
    _mask_all(commands, redactor, context)

    report: Report | None = None
    left_out = 0
    try:
        report = run_gate(settings, context, environ, warm_up=_summary_loader(settings))
        if only_files is not None:
            files = normalized_files(only_files, settings.workspace)
            report, left_out = scope_to_files(report, files)
    except Exception:  # the gate fails closed with a finding, never a traceback
        report = None
    finally:
        report = report or _crashed_report(settings)
        _write_file_reports(settings, context, report, redactor, stderr)
    _keep_pr_comment(comment, settings, context, report, redactor=redactor, stderr=stderr)
    if context.on_github:
        commands.annotate(report.findings)
        token = commands.stop_commands()
    stdout.write(render_console(report, redactor, colour=use_colour(stdout, environ)))
    if left_out:
        stdout.write(f"claude-preflight: --files: {left_out} finding(s) not in the given files\n")
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
    if settings.gitlab_path:
        from checker.reporters.gitlab import write_gitlab  # noqa: PLC0415 - only when asked for

        gitlab_path = settings.gitlab_path
        writers.append(("GitLab report", lambda: write_gitlab(gitlab_path, report, redactor)))
    failed: set[str] = set()
    output_file = _github_output(context)
    if output_file:
        # The `report` output names the JSON report only if it was written (last, so it knows).
        writers.append(
            (
                "step outputs",
                lambda: write_outputs(
                    output_file,
                    action_outputs(report, None if "JSON report" in failed else json_path),
                    redactor,
                ),
            )
        )
    for what, write in writers:
        try:
            write()
        except Exception as error:  # a reporter bug costs neither the other reports nor the verdict
            failed.add(what)
            warning = f"claude-preflight: warning: could not write the {what}: "
            stderr.write(redactor(warning + _write_failure(error)) + "\n")


def _keep_pr_comment(
    comment: CommentSettings,
    settings: Settings,
    context: RunContext,
    report: Report,
    *,
    redactor: Redactor,
    stderr: TextIO,
) -> None:
    """After the summary, which it links to; a comment that cannot be written is a notice."""
    if comment.mode == "never" or context.pull_request is None:
        return
    from checker.github.notice import HEADLINE, append_notice  # noqa: PLC0415 - PR runs only
    from checker.github.sticky import keep_comment  # noqa: PLC0415

    outcome = keep_comment(
        comment,
        context,
        report,
        redactor,
        workspace=settings.workspace,
        catalog=settings.catalog_path,
        budget_seconds=settings.timeout,
    )
    if outcome.notice is None:
        return
    flat = " ".join(outcome.notice.split())
    stderr.write(redactor(f"claude-preflight: note: {HEADLINE.lower()}: {flat}") + "\n")
    if settings.summary_path:
        append_notice(settings.summary_path, outcome.notice, redactor)


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

    finding = make_finding("TOOL001", "gate_crashed")
    return Report(
        passed=False,
        counts=count_findings([finding]),
        findings=[finding],
        tool=ToolInfo(
            version=__version__, live_level=settings.live_check, fail_on=settings.fail_on
        ),
    )


def _secret_values(given: Mapping[str, str | None], environ: Mapping[str, str]) -> list[str]:
    """Secrets known before settings are parsed: the api-key input, the key env vars, tokens."""
    values = [given.get("api-key") or ""]
    values.append(environ.get(given.get("api-key-env") or "ANTHROPIC_API_KEY", ""))
    values += [environ.get(name, "") for name in ALWAYS_SECRET_ENV]
    values += secret_inputs(given, environ)
    return [value for value in values if value]


def _secret_values_from_settings(settings: Settings, environ: Mapping[str, str]) -> list[str]:
    values = [environ.get(name, "") for name in settings.required_secrets]
    return [value for value in values if value]
