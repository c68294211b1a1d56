"""Name a failure that produced no HTTP answer: DNS, refused, reset, TLS, proxy or timeout.

httpx wraps the socket error in one or two layers; the cause chain says what really happened.
`FAILURES` is the whole vocabulary, one row per kind in the order they are tried: how the chain
shows it, what to say about it, and the finding that words it (a code and one of its rule's
wordings, which say what to do about it). Only the kind and a short, sanitized description leave
this module: exception texts can contain header values, and the caller strips the key from them
as well.
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass

FALLBACK_KIND = "connection failed"


@dataclass(frozen=True, slots=True, kw_only=True)
class Failure:
    """One kind of transport failure. It matches when any error in the cause chain is one of
    `types`, is named in `names` (httpx's classes, matched without importing httpx) or ends with
    one of `suffixes`, or when the chain's text holds one of `words`."""

    kind: str
    types: tuple[type[BaseException], ...] = ()
    names: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    detail: str  # shown as is, or (`quote_error`) when the chain has no message of its own
    quote_error: bool = True  # the innermost error message: usually the OS or OpenSSL reason
    code: str = "API009"
    wording: str


FAILURES: tuple[Failure, ...] = (
    Failure(
        kind="timeout",
        wording="timeout",
        types=(TimeoutError,),
        suffixes=("Timeout", "TimeoutException"),
        detail="no answer within the time budget",
        quote_error=False,
    ),
    Failure(
        kind="proxy error",
        wording="proxy_error",
        names=("ProxyError",),
        words=("proxy",),
        detail="the proxy refused or failed the connection",
    ),
    Failure(
        kind="DNS lookup failed",
        wording="dns_lookup_failed",
        types=(socket.gaierror,),
        words=("name or service",),
        detail="the host name does not resolve",
    ),
    Failure(
        kind="TLS handshake failed",
        wording="tls_handshake_failed",
        types=(ssl.SSLError, ssl.CertificateError),
        words=("ssl", "certificate", "tls"),
        detail="the TLS handshake failed",
    ),
    Failure(
        kind="connection refused",
        wording="connection_refused",
        types=(ConnectionRefusedError,),
        detail="nothing listens on that host and port",
        quote_error=False,
    ),
    Failure(
        kind="connection reset",
        wording="connection_reset",
        types=(ConnectionResetError, BrokenPipeError),
        detail="the server or a middlebox reset the connection",
        quote_error=False,
    ),
    Failure(
        kind="connection closed",
        wording="connection_closed",
        names=("RemoteProtocolError",),
        words=("disconnected",),
        detail="the server closed the connection without a complete answer",
        quote_error=False,
    ),
    Failure(
        kind="invalid URL",
        code="API010",
        wording="invalid_url",
        names=("UnsupportedProtocol", "InvalidURL", "UnicodeError"),
        detail="the URL cannot be used",
    ),
)
# The (code, wording) of each kind's finding, the fallback kind's included.
WORDINGS: dict[str, tuple[str, str]] = {
    **{failure.kind: (failure.code, failure.wording) for failure in FAILURES},
    FALLBACK_KIND: ("API009", "connection_failed"),
}


def describe(error: BaseException) -> tuple[str, str]:
    """(kind, detail) for a transport failure; kind is one of the names API009 documents."""
    chain = list(_chain(error))
    names = {type(item).__name__ for item in chain}
    text = " ".join(str(item) for item in chain).lower()
    for failure in FAILURES:
        if (
            any(isinstance(item, failure.types) for item in chain)
            or names & set(failure.names)
            or any(name.endswith(failure.suffixes) for name in names)
            or any(word in text for word in failure.words)
        ):
            detail = _first_line(chain, failure.detail) if failure.quote_error else failure.detail
            return failure.kind, detail
    return FALLBACK_KIND, _first_line(chain, type(error).__name__)


def _chain(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen and len(seen) < 12:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _first_line(chain: list[BaseException], fallback: str) -> str:
    """The innermost non-empty message: usually the OS or OpenSSL reason."""
    for item in reversed(chain):
        text = str(item).strip()
        if text:
            return text.splitlines()[0][:200]
    return fallback
