"""SEC007: a literal Anthropic credential committed to a workspace file, never showing the value.

Rules follow gitleaks and TruffleHog (anthropic-api.md section 7): `sk-ant-api03-`/`sk-ant-admin01-`
with 93 key characters and `AA`, and the OAuth/refresh tokens with at least 40. Bodies with only a
handful of distinct characters are documentation examples, not keys.
"""

from __future__ import annotations

import re

from checker.findings import Finding, Location, make_finding
from checker.secrets.formats import Kind, classify

COMMITTED_KEY = re.compile(
    r"(?<![A-Za-z0-9_\-])sk-ant-(?:(?:api03|admin01)-[A-Za-z0-9_\-]{93}AA"
    r"|(?:oat01|ort01|api01)-[A-Za-z0-9_\-]{40,})(?![A-Za-z0-9_\-])"
)
MIN_DISTINCT_CHARACTERS = 10
_WHAT = {
    Kind.API_KEY: "an Anthropic API key",
    Kind.ADMIN_KEY: "an Anthropic Admin API key",
    Kind.ENTERPRISE_ADMIN_KEY: "an Anthropic key",
    Kind.OAUTH_TOKEN: "an Anthropic OAuth access token",
    Kind.REFRESH_TOKEN: "an Anthropic OAuth refresh token",
}


def committed_keys(relative: str, text: str, run_key: str | None) -> list[Finding]:
    """SEC007 for every well-formed Anthropic credential in one file's text (the one pass calls
    this on every file that contains `sk-ant-`)."""
    findings = []
    for match in COMMITTED_KEY.finditer(text):
        literal = match.group(0)
        body = literal.split("-", 3)[-1]
        if len(set(body)) < MIN_DISTINCT_CHARACTERS:
            continue
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        kind = classify(literal).kind
        findings.append(
            make_finding(
                "SEC007",
                "committed_run_key" if run_key and literal == run_key else "committed",
                location=Location(relative, line, column),
                details={"kind": kind.value},
                file=relative,
                line=line,
                kind=_WHAT.get(kind, "an Anthropic credential"),
            )
        )
    return findings
