"""Every user-facing option in one table: CLI flag, action input, config-file key, allowed values.

The CLI parser, the action-input reader, `action.yml`, the README tables and the settings model are
all checked against this table by tests, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.vocabulary import (
    COMMENT_MODES,
    FAIL_ON_LEVELS,
    LIVE_LEVELS,
    REPOSITORY_CONFIG_MODES,
    UNAVAILABLE_SECRET_POLICIES,
)

__all__ = [
    "ACTION_OUTPUTS",
    "COMMENT_MODES",
    "FAIL_ON_LEVELS",
    "LIVE_LEVELS",
    "OPTIONS",
    "OPTIONS_BY_NAME",
    "UNAVAILABLE_SECRET_POLICIES",
    "Option",
]


@dataclass(frozen=True, slots=True)
class Option:
    """One option as users see it in each of its forms."""

    name: str
    help: str
    default_text: str
    choices: tuple[str, ...] = ()
    config_key: str | None = None
    cli: bool = True
    action_input: bool = True
    metavar: str = "VALUE"
    flag: bool = False  # a CLI switch that takes no value (and is never a setting of the run)


OPTIONS: tuple[Option, ...] = (
    Option(
        "working-directory",
        "Workspace to check, relative to the repository root.",
        "`.` (the repository root)",
        cli=False,
        metavar="PATH",
    ),
    Option(
        "api-key",
        "The Anthropic API key value; alternative to setting the env var named by `api-key-env`.",
        "the value of `api-key-env`",
        cli=False,
    ),
    Option(
        "config",
        "Path of the tool's own config file.",
        "`.claude-preflight.yml` in the workspace, if present",
        metavar="PATH",
    ),
    Option(
        "repository-config",
        "How to treat the repository's own config file: `use` it, `report` it (its settings are "
        "shown in the summary, none applied) or `ignore` it. Settings that weaken the gate are "
        "always shown with their origin, and an explicit flag or input beats the file.",
        "`use`",
        choices=REPOSITORY_CONFIG_MODES,
        metavar="MODE",
    ),
    Option(
        "live-check",
        "How far the live call goes: `off`, `auth`, `models`, `count-tokens`, `message`.",
        "`models`",
        choices=LIVE_LEVELS,
        config_key="live_check",
        metavar="LEVEL",
    ),
    Option(
        "base-url",
        "API base URL, for gateways and proxies.",
        "`$ANTHROPIC_BASE_URL`, else `https://api.anthropic.com`",
        metavar="URL",
    ),
    Option(
        "api-key-env",
        "Name of the env var that holds the API key.",
        "`ANTHROPIC_API_KEY`",
        metavar="NAME",
    ),
    Option(
        "required-secrets",
        "Comma-separated env vars that must be present and non-empty in this run.",
        "the api-key env var",
        config_key="required_secrets",
        metavar="A,B",
    ),
    Option(
        "production",
        "Which environment is production.",
        "auto: `production`/`prod`/`prd`/`live`",
        config_key="production",
        metavar="NAME",
    ),
    Option(
        "fail-on",
        "Lowest severity that fails the gate: `error`, `warning`, `never`.",
        "`error`",
        choices=FAIL_ON_LEVELS,
        config_key="fail_on",
        metavar="LEVEL",
    ),
    Option(
        "on-unavailable-secrets",
        "`skip` or `fail` when secrets are withheld by design (fork PR, Dependabot).",
        "`skip`",
        choices=UNAVAILABLE_SECRET_POLICIES,
        metavar="POLICY",
    ),
    Option(
        "timeout",
        "Seconds for the whole live phase, retries included.",
        "`30`",
        metavar="SECONDS",
    ),
    Option(
        "deprecation-window",
        "A model retiring within this many days fails production.",
        "`30`",
        config_key="deprecation_window",
        metavar="DAYS",
    ),
    Option(
        "ignore",
        "Comma-separated finding codes to drop.",
        "none",
        config_key="ignore",
        metavar="CODES",
    ),
    Option(
        "json",
        "Write the JSON report to this path.",
        "none (action: a file in `RUNNER_TEMP`)",
        metavar="PATH",
    ),
    Option("sarif", "Write a SARIF 2.1.0 report to this path.", "none", metavar="PATH"),
    Option(
        "gitlab",
        "Write a GitLab Code Quality report (the merge request widget's format) to this path.",
        "none",
        metavar="PATH",
    ),
    Option(
        "summary",
        "Write the markdown summary to this path.",
        "`$GITHUB_STEP_SUMMARY`",
        metavar="PATH",
    ),
    Option(
        "comment-on-pr",
        "Keep one comment on the pull request with the verdict, the blocking findings and their "
        "fixes: `always`, `on-failure` (also edited when a later run passes), `never`.",
        "`on-failure`",
        choices=COMMENT_MODES,
        metavar="WHEN",
    ),
    Option(
        "github-token",
        "Token for the PR comment; it needs `pull-requests: write`.",
        "`${{ github.token }}`",
        cli=False,
    ),
    Option(
        "explain",
        "Print the documentation of one finding code and exit.",
        "",
        action_input=False,
        metavar="CODE",
    ),
    Option(
        "catalog",
        "Print what the gate believes about every model (status, dates, replacement, limits, "
        "Bedrock and Vertex forms) and exit.",
        "",
        action_input=False,
        flag=True,
    ),
    Option(
        "files",
        "The arguments are files (as a pre-commit hook passes them), not a workspace: check the "
        "current directory and report only the findings in those files and the drift that "
        "involves them, leaving out what this run's environment lacks (secrets).",
        "",
        action_input=False,
        flag=True,
    ),
)

OPTIONS_BY_NAME: dict[str, Option] = {option.name: option for option in OPTIONS}

ACTION_OUTPUTS: dict[str, str] = {
    "passed": "`true` when the gate passed, `false` otherwise.",
    "errors": "Number of error findings.",
    "warnings": "Number of warning findings.",
    "report": "Path of the JSON report.",
    "models": "JSON object: environment -> slot -> model ID.",
}
