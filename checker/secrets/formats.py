"""Known credential formats: what a prefix says about a value, and the exact shape it must have.

Facts from the reference (anthropic-api.md section 7): gitleaks/TruffleHog rules for
`sk-ant-api03-` and `sk-ant-admin01-` (93 characters of `[A-Za-z0-9_-]` then `AA`), the other
`sk-ant-` prefixes from Anthropic's and Claude Code's docs, and other providers' published prefixes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

KEY_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


class Kind(StrEnum):
    """What a credential is for; only API_KEY belongs in the API-key slot."""

    API_KEY = "api-key"
    ADMIN_KEY = "admin-key"
    ENTERPRISE_ADMIN_KEY = "enterprise-admin-key"
    OAUTH_TOKEN = "oauth-token"  # noqa: S105
    REFRESH_TOKEN = "refresh-token"  # noqa: S105
    SESSION_TOKEN = "session-token"  # noqa: S105
    UNKNOWN_ANTHROPIC = "unknown-anthropic"
    OTHER_PROVIDER = "other-provider"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class KeyFormat:
    """One `sk-ant-` credential format; `length` is None when it is not fixed."""

    prefix: str
    kind: Kind
    label: str
    length: int | None = None
    suffix: str = ""


ANTHROPIC_FORMATS: tuple[KeyFormat, ...] = (
    KeyFormat("sk-ant-api03-", Kind.API_KEY, "Anthropic API key", 108, "AA"),
    KeyFormat("sk-ant-admin01-", Kind.ADMIN_KEY, "Admin API key", 110, "AA"),
    KeyFormat("sk-ant-api01-", Kind.ENTERPRISE_ADMIN_KEY, "Claude Enterprise admin key"),
    KeyFormat("sk-ant-oat01-", Kind.OAUTH_TOKEN, "OAuth access token"),
    KeyFormat("sk-ant-ort01-", Kind.REFRESH_TOKEN, "Claude.ai OAuth refresh token"),
    KeyFormat("sk-ant-sid01-", Kind.SESSION_TOKEN, "Claude.ai session cookie"),
    KeyFormat("sk-ant-cc-", Kind.SESSION_TOKEN, "Claude Code session token"),
    KeyFormat("sk-ant-si-", Kind.SESSION_TOKEN, "Claude Code session token"),
)

PUBLIC_PREFIXES: tuple[str, ...] = tuple(fmt.prefix for fmt in ANTHROPIC_FORMATS)

# (label, pattern) for other providers' credentials; matched against the whole stripped value.
OTHER_PROVIDERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("an OpenRouter key", re.compile(r"sk-or-v\d-[A-Za-z0-9]{20,}")),
    ("an OpenAI project key", re.compile(r"sk-proj-[A-Za-z0-9_\-]{20,}")),
    ("an OpenAI service-account key", re.compile(r"sk-svcacct-[A-Za-z0-9_\-]{20,}")),
    ("an OpenAI admin key", re.compile(r"sk-admin-[A-Za-z0-9_\-]{20,}")),
    ("an OpenAI-style key", re.compile(r"sk-(?!ant-)[A-Za-z0-9_\-]{20,}")),
    ("an AWS access key ID", re.compile(r"(?:AKIA|ASIA)[A-Z0-9]{16}")),
    ("a Google API key", re.compile(r"AIza[A-Za-z0-9_\-]{35}")),
    ("a Google OAuth access token", re.compile(r"ya29\.[A-Za-z0-9_\-.]{20,}")),
    ("a GitHub token", re.compile(r"gh[pousr]_[A-Za-z0-9]{30,}")),
    ("a GitHub fine-grained token", re.compile(r"github_pat_[A-Za-z0-9_]{30,}")),
    ("a Slack token", re.compile(r"xox[abeoprs]-[A-Za-z0-9\-]{10,}")),
    ("a Hugging Face token", re.compile(r"hf_[A-Za-z0-9]{30,}")),
    ("a Groq key", re.compile(r"gsk_[A-Za-z0-9]{40,}")),
    ("an xAI key", re.compile(r"xai-[A-Za-z0-9]{40,}")),
    ("a JSON Web Token (a GitHub OIDC token?)", re.compile(r"eyJ[\w\-]+\.[\w\-]+\.[\w\-]*")),
)


@dataclass(frozen=True, slots=True)
class Classified:
    """The verdict on one stripped, unquoted value."""

    kind: Kind
    label: str
    format: KeyFormat | None = None


def classify(core: str) -> Classified:
    """Say what a credential is from its prefix alone; never looks past the prefix for Anthropic."""
    for fmt in ANTHROPIC_FORMATS:
        if core.startswith(fmt.prefix):
            return Classified(fmt.kind, fmt.label, fmt)
    if core.startswith("sk-ant-"):
        return Classified(Kind.UNKNOWN_ANTHROPIC, "Anthropic credential of an unknown kind")
    for label, pattern in OTHER_PROVIDERS:
        if pattern.fullmatch(core):
            return Classified(Kind.OTHER_PROVIDER, label)
    return Classified(Kind.UNKNOWN, "credential of an unknown format")


def describe_character(char: str) -> str:
    """Name a character's class without showing it (a secret's characters are never printed)."""
    if char == "\n":
        return "a line break"
    if char == "\r":
        return "a carriage return"
    if char == "\t":
        return "a tab"
    if char == " ":
        return "a space"
    if char.isspace():
        return "a whitespace character"
    if ord(char) < 32 or ord(char) == 127:
        return "a control character"
    if not char.isascii():
        return "a non-ASCII character"
    if char in "'\"`":
        return "a quote"
    return "a punctuation character"
