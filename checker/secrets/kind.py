"""SEC004 for the API-key slot: an admin key, an OAuth/session token or another provider's key.

Anthropic's own non-API credentials are flagged whatever the base URL. Other providers' keys are
flagged only against Anthropic's API: a gateway (`base-url` set elsewhere) may issue `sk-...` keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from checker.findings import Finding, Severity, make_finding
from checker.secrets.formats import Classified, Kind
from checker.secrets.values import SecretSlot

ANTHROPIC_API_HOST = "api.anthropic.com"
_CONSOLE_FIX = (
    "Create a regular API key in the Claude Console (Settings > API keys, not Admin keys) and "
    "store that in {where}."
)


@dataclass(frozen=True, slots=True)
class KindVerdict:
    """A finding (or none) and whether the value may be sent to the live check at all."""

    finding: Finding | None
    sendable: bool = True


def is_gateway(base_url: str) -> bool:
    """True when the API is reached through something other than Anthropic's own host."""
    host = (urlsplit(base_url.strip()).hostname or "").lower()
    return host != ANTHROPIC_API_HOST


def check_kind(slot: SecretSlot, classified: Classified, *, gateway: bool) -> KindVerdict:
    """Judge the credential kind held in the API-key slot."""
    where = "the `api-key` input" if slot.from_input else f"`{slot.name}`"
    fix = _CONSOLE_FIX.format(where=where)
    kind = classified.kind
    if kind is Kind.ADMIN_KEY:
        message = (
            f"{slot.label} holds an Admin API key. Admin keys only work with the Admin API "
            "(usage, keys, workspaces); the Messages API rejects them."
        )
        return KindVerdict(_finding(message, fix), sendable=False)
    if kind is Kind.ENTERPRISE_ADMIN_KEY:
        message = (
            f"{slot.label} holds a key with the prefix Claude Enterprise uses for admin keys, "
            "which cannot call the Messages API. Keys created in the early days of the API may "
            "carry the same prefix: if the live check passes, this is such a key."
        )
        return KindVerdict(_finding(message, fix, Severity.WARNING), sendable=True)
    if kind is Kind.OAUTH_TOKEN:
        message = (
            f"{slot.label} holds an OAuth access token (a Claude.ai or Claude Code subscription "
            "token, or a short-lived federation access token), not an API key. The API does not "
            "accept it as `x-api-key`."
        )
        fix += (
            " To run without a stored key, use keyless GitHub OIDC federation "
            "(`ANTHROPIC_IDENTITY_TOKEN_FILE` and the other `ANTHROPIC_*` federation variables) "
            "instead of storing a token."
        )
        return KindVerdict(_finding(message, fix), sendable=False)
    if kind in (Kind.REFRESH_TOKEN, Kind.SESSION_TOKEN):
        message = f"{slot.label} holds a {classified.label}, which is not an API credential."
        fix += " Revoke the token if it was shared: it grants access to the account that made it."
        return KindVerdict(_finding(message, fix), sendable=False)
    if kind is Kind.OTHER_PROVIDER and not gateway:
        message = (
            f"{slot.label} holds {classified.label}, not an Anthropic key, and the base URL is "
            "Anthropic's API. The key was not sent anywhere."
        )
        fix += (
            " If the app calls Claude through a gateway that issues its own keys, set `base-url` "
            "to the gateway."
        )
        return KindVerdict(_finding(message, fix), sendable=False)
    return KindVerdict(None)


def _finding(message: str, fix: str, severity: Severity | None = None) -> Finding:
    return make_finding("SEC004", message, severity=severity, fix=fix)
