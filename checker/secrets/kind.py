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
    kind = classified.kind
    if kind is Kind.ADMIN_KEY:
        return KindVerdict(_finding("admin_key", slot, classified), sendable=False)
    if kind is Kind.ENTERPRISE_ADMIN_KEY:
        warning = _finding("enterprise_admin_key", slot, classified, Severity.WARNING)
        return KindVerdict(warning, sendable=True)
    if kind is Kind.OAUTH_TOKEN:
        return KindVerdict(_finding("oauth_token", slot, classified), sendable=False)
    if kind in (Kind.REFRESH_TOKEN, Kind.SESSION_TOKEN):
        return KindVerdict(_finding("account_token", slot, classified), sendable=False)
    if kind is Kind.OTHER_PROVIDER and not gateway:
        return KindVerdict(_finding("other_provider", slot, classified), sendable=False)
    return KindVerdict(None)


def _finding(
    wording: str, slot: SecretSlot, classified: Classified, severity: Severity | None = None
) -> Finding:
    return make_finding(
        "SEC004",
        wording,
        severity=severity,
        slot=slot.label,
        where="the `api-key` input" if slot.from_input else f"`{slot.name}`",
        kind=classified.label,
    )
