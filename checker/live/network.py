"""Name a failure that produced no HTTP answer: DNS, refused, reset, TLS, proxy or timeout.

httpx wraps the socket error in one or two layers; the cause chain says what really happened.
`FAILURES` is the whole vocabulary, one row per kind in the order they are tried: how the chain
shows it, what to say about it, what to do about it. Only the kind and a short, sanitized
description leave this module: exception texts can contain header values, and the caller strips
the key from them as well.
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
    fix: str | None = None


FAILURES: tuple[Failure, ...] = (
    Failure(
        kind="timeout",
        types=(TimeoutError,),
        suffixes=("Timeout", "TimeoutException"),
        detail="no answer within the time budget",
        quote_error=False,
        fix="Raise `--timeout`, or check that the runner can reach the host.",
    ),
    Failure(
        kind="proxy error",
        names=("ProxyError",),
        words=("proxy",),
        detail="the proxy refused or failed the connection",
        fix="Check `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` and the proxy's credentials.",
    ),
    Failure(
        kind="DNS lookup failed",
        types=(socket.gaierror,),
        words=("name or service",),
        detail="the host name does not resolve",
        fix="Check the host name in the base URL and the runner's DNS.",
    ),
    Failure(
        kind="TLS handshake failed",
        types=(ssl.SSLError, ssl.CertificateError),
        words=("ssl", "certificate", "tls"),
        detail="the TLS handshake failed",
        fix="Check the scheme (https to a plain-http server fails), the host name, and a "
        "TLS-intercepting proxy's CA (`SSL_CERT_FILE`).",
    ),
    Failure(
        kind="connection refused",
        types=(ConnectionRefusedError,),
        detail="nothing listens on that host and port",
        quote_error=False,
        fix="Nothing listens there: check the base URL's port and that the gateway is running.",
    ),
    Failure(
        kind="connection reset",
        types=(ConnectionResetError, BrokenPipeError),
        detail="the server or a middlebox reset the connection",
        quote_error=False,
        fix="A firewall, proxy or the server dropped the connection: check egress rules and "
        "proxy settings (`HTTPS_PROXY`, `NO_PROXY`).",
    ),
    Failure(
        kind="connection closed",
        names=("RemoteProtocolError",),
        words=("disconnected",),
        detail="the server closed the connection without a complete answer",
        quote_error=False,
        fix="The server closed the connection mid-answer: check the gateway and proxy "
        "settings; re-run if it was transient.",
    ),
    Failure(
        kind="invalid URL",
        names=("UnsupportedProtocol", "InvalidURL", "UnicodeError"),
        detail="the URL cannot be used",
    ),
)
FIXES: dict[str, str] = {failure.kind: failure.fix for failure in FAILURES if failure.fix}


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
