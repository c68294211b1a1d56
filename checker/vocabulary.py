"""The words settings, checks and reports share, each list written once.

Each list is a `Literal` type, and its tuple is derived from the type (`get_args`): a value added
here reaches the CLI's choices, the config file's schema, the ladder's order and the reports at
once, and mypy checks every place that compares against one.
"""

from __future__ import annotations

from typing import Literal, get_args

# How far the live check goes, in climbing order: each level includes the ones before it.
LiveLevel = Literal["off", "auth", "models", "count-tokens", "message"]
LIVE_LEVELS: tuple[LiveLevel, ...] = get_args(LiveLevel)

# The lowest severity that fails the gate; `never` reports without failing.
FailOn = Literal["error", "warning", "never"]
FAIL_ON_LEVELS: tuple[FailOn, ...] = get_args(FailOn)

# A finding's weight, heaviest first (`checker.findings.Severity` holds the same values).
SeverityName = Literal["error", "warning", "notice"]
SEVERITIES: tuple[SeverityName, ...] = get_args(SeverityName)

# What to do when GitHub withholds secrets by design (fork PR, Dependabot).
UnavailablePolicy = Literal["skip", "fail"]
UNAVAILABLE_SECRET_POLICIES: tuple[UnavailablePolicy, ...] = get_args(UnavailablePolicy)

# When to keep a comment on the pull request.
CommentMode = Literal["always", "on-failure", "never"]
COMMENT_MODES: tuple[CommentMode, ...] = get_args(CommentMode)

# How to treat the repository's own `.claude-preflight.yml` (`checker.repository_config`).
RepositoryConfigMode = Literal["use", "report", "ignore"]
REPOSITORY_CONFIG_MODES: tuple[RepositoryConfigMode, ...] = get_args(RepositoryConfigMode)

# The jobs a finding belongs to, in the order the summary shows them, and their titles.
Job = Literal["secrets", "models", "live", "config", "tool"]
JOBS: tuple[Job, ...] = get_args(Job)
JOB_TITLES: dict[Job, str] = {
    "secrets": "Secrets",
    "models": "Model IDs",
    "live": "Live check",
    "config": "Configuration",
    "tool": "Tool",
}

# The zero-config environment names (SPEC section 2) in promotion order, and their aliases.
Environment = Literal["development", "test", "staging", "production"]
ENVIRONMENTS: tuple[Environment, ...] = get_args(Environment)
ENVIRONMENT_ALIASES: dict[str, tuple[str, ...]] = {  # keyed by `Environment`, in its order
    "development": ("development", "dev", "local"),
    "test": ("test", "testing", "qa", "uat"),
    "staging": ("staging", "stage", "stg", "preprod"),
    "production": ("production", "prod", "prd", "live"),
}
# Where production's models were tested, nearest first: the promotion order, reversed.
PRE_PRODUCTION_ORDER: tuple[Environment, ...] = tuple(reversed(ENVIRONMENTS[:-1]))
