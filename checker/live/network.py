"""Name a failure that produced no HTTP answer: DNS, refused, reset, TLS, proxy or timeout.

httpx wraps the socket error in one or two layers; the cause chain says what really happened.
Only the kind and a short, sanitized description leave this module: exception texts can contain
header values, and the caller strips the key from them as well.
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator


def describe(error: BaseException) -> tuple[str, str]:
    """(kind, detail) for a transport failure; kind is one of the names API009 documents."""
    chain = list(_chain(error))
    names = {type(item).__name__ for item in chain}
    text = " ".join(str(item) for item in chain).lower()
    if any(isinstance(item, TimeoutError) for item in chain) or any(
        name.endswith("Timeout") or name.endswith("TimeoutException") for name in names
    ):
        return "timeout", "no answer within the time budget"
    if "ProxyError" in names or "proxy" in text:
        return "proxy error", _first_line(chain, "the proxy refused or failed the connection")
    if any(isinstance(item, socket.gaierror) for item in chain) or "name or service" in text:
        return "DNS lookup failed", _first_line(chain, "the host name does not resolve")
    if any(isinstance(item, ssl.SSLError | ssl.CertificateError) for item in chain) or (
        "ssl" in text or "certificate" in text or "tls" in text
    ):
        return "TLS handshake failed", _first_line(chain, "the TLS handshake failed")
    if any(isinstance(item, ConnectionRefusedError) for item in chain):
        return "connection refused", "nothing listens on that host and port"
    if any(isinstance(item, ConnectionResetError | BrokenPipeError) for item in chain):
        return "connection reset", "the server or a middlebox reset the connection"
    if "RemoteProtocolError" in names or "disconnected" in text:
        return "connection closed", "the server closed the connection without a complete answer"
    if "UnsupportedProtocol" in names or "InvalidURL" in names or "UnicodeError" in names:
        return "invalid URL", _first_line(chain, "the URL cannot be used")
    return "connection failed", _first_line(chain, type(error).__name__)


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
