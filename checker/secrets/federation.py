"""Keyless GitHub OIDC federation: recognise it, check the variable set, spot what shadows it.

Facts (anthropic-api.md section 10): the SDK exchanges the GitHub OIDC token for an access token
when the `ANTHROPIC_*` federation variables are set, but any set `ANTHROPIC_API_KEY`, even an empty
one, takes precedence. This gate does not perform the exchange, so the live check is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from checker.findings import Finding, make_finding
from checker.secrets.formats import classify

TOKEN_VARS = ("ANTHROPIC_IDENTITY_TOKEN_FILE", "ANTHROPIC_IDENTITY_TOKEN")
REQUIRED_VARS = (
    "ANTHROPIC_FEDERATION_RULE_ID",
    "ANTHROPIC_ORGANIZATION_ID",
    "ANTHROPIC_SERVICE_ACCOUNT_ID",
)
WORKSPACE_VAR = "ANTHROPIC_WORKSPACE_ID"
ALL_VARS = (*TOKEN_VARS, *REQUIRED_VARS, WORKSPACE_VAR)
SHADOWING_VARS = ("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN")
SKIP_REASON = (
    "keyless OIDC federation is configured; the live check does not perform the token exchange"
)

_ID_SHAPES = {
    "ANTHROPIC_FEDERATION_RULE_ID": (re.compile(r"fdrl_[A-Za-z0-9]+"), "start with `fdrl_`"),
    "ANTHROPIC_SERVICE_ACCOUNT_ID": (re.compile(r"svac_[A-Za-z0-9]+"), "start with `svac_`"),
    "ANTHROPIC_WORKSPACE_ID": (re.compile(r"wrkspc_[A-Za-z0-9]+"), "start with `wrkspc_`"),
    "ANTHROPIC_ORGANIZATION_ID": (
        re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
        "be a UUID",
    ),
}
_JWT = re.compile(r"[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*")


@dataclass(frozen=True, slots=True)
class Federation:
    """Which federation variables this run sets, and which of the required ones it lacks."""

    configured: bool = False
    missing: tuple[str, ...] = ()
    findings: list[Finding] = field(default_factory=list)


def check_federation(environ: Mapping[str, str], *, withheld: bool) -> Federation:
    """Recognise federation; findings for an incomplete, malformed or shadowed set.

    In a run without secrets by design, missing variables are reported by SEC002, not here.
    """
    if not any(environ.get(name, "").strip() for name in ALL_VARS):
        return Federation()
    missing = _missing(environ)
    findings = []
    if missing and not withheld:
        findings.append(
            make_finding(
                "SEC004",
                "federation_incomplete",
                missing="; ".join(_describe_missing(name) for name in missing),
            )
        )
    findings += _shadowing(environ)
    findings += _malformed(environ)
    return Federation(configured=True, missing=missing, findings=findings)


def _missing(environ: Mapping[str, str]) -> tuple[str, ...]:
    missing = []
    if not any(environ.get(name, "").strip() for name in TOKEN_VARS):
        missing.append(" / ".join(TOKEN_VARS))
    missing += [name for name in REQUIRED_VARS if not environ.get(name, "").strip()]
    return tuple(missing)


def _describe_missing(name: str) -> str:
    if "/" in name:
        return "neither `ANTHROPIC_IDENTITY_TOKEN_FILE` nor `ANTHROPIC_IDENTITY_TOKEN` is set"
    return f"`{name}` is missing or empty"


def _shadowing(environ: Mapping[str, str]) -> list[Finding]:
    findings = []
    for name in SHADOWING_VARS:
        if name not in environ:
            continue
        value = environ[name]
        if name == "ANTHROPIC_AUTH_TOKEN" and not value:
            continue
        wording = "empty_shadows_federation" if not value else "shadows_federation"
        findings.append(make_finding("SEC004", wording, variable=name))
    return findings


def _malformed(environ: Mapping[str, str]) -> list[Finding]:
    findings = []
    for name, (pattern, expected) in _ID_SHAPES.items():
        value = environ.get(name, "")
        if value.strip() and not pattern.fullmatch(value):
            if pattern.fullmatch(value.strip()):
                findings.append(make_finding("SEC003", "federation_id_whitespace", variable=name))
            else:
                findings.append(
                    make_finding("SEC003", "federation_id_shape", variable=name, expected=expected)
                )
    token = environ.get("ANTHROPIC_IDENTITY_TOKEN", "").strip()
    if token:
        if classify(token).kind.value != "unknown" and token.startswith("sk-"):
            findings.append(make_finding("SEC004", "identity_token_is_key"))
        elif not _JWT.fullmatch(token):
            findings.append(make_finding("SEC003", "identity_token_not_jwt"))
    return findings
