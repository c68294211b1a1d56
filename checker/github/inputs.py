"""The PR comment's two options, read as every option is: the input (or flag), then
`CLAUDE_PREFLIGHT_<OPTION>`, then the default.

Kept beside the comment rather than in `Settings`: only this feature reads them, and the token is
a secret that no other part of the gate should hold.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from checker.errors import UsageError
from checker.settings import SecretStr, describe_option
from checker.vocabulary import COMMENT_MODES, CommentMode

DEFAULT_MODE: CommentMode = "on-failure"


@dataclass(frozen=True, slots=True)
class CommentSettings:
    """When to comment, with which token; `asked` is True when the mode was set explicitly."""

    mode: CommentMode = DEFAULT_MODE
    asked: bool = False
    token: SecretStr | None = None


def comment_settings(
    given: Mapping[str, str | None], environ: Mapping[str, str]
) -> CommentSettings:
    """Raise UsageError (exit 2) for a mode that is not one of `COMMENT_MODES`."""
    raw_mode = _pick("comment-on-pr", given, environ)
    mode = DEFAULT_MODE
    if raw_mode is not None:
        normalized = raw_mode.strip().lower()
        if normalized not in COMMENT_MODES:
            raise UsageError(
                f"invalid value {raw_mode[:80]!r} for {describe_option('comment-on-pr')}: "
                f"expected one of {', '.join(COMMENT_MODES)}"
            )
        mode = normalized
    token = _pick("github-token", given, environ)
    return CommentSettings(
        mode=mode,
        asked=raw_mode is not None,
        token=SecretStr(token.strip()) if token and token.strip() else None,
    )


def secret_inputs(given: Mapping[str, str | None], environ: Mapping[str, str]) -> list[str]:
    """The token in every place it may come from, for the redactor (before anything is parsed)."""
    values = [given.get("github-token") or "", environ.get(_env_name("github-token"), "")]
    values.append(environ.get("GITHUB_TOKEN", ""))
    return [value for value in values if value]


def _pick(name: str, given: Mapping[str, str | None], environ: Mapping[str, str]) -> str | None:
    explicit = given.get(name)
    if explicit not in (None, ""):
        return explicit
    value = environ.get(_env_name(name), "")
    return value if value.strip() else None


def _env_name(name: str) -> str:
    return "CLAUDE_PREFLIGHT_" + name.upper().replace("-", "_")
