"""The TLS context for the live calls, built in a thread while the rest of the gate runs.

Loading the CA bundle takes tens of milliseconds and OpenSSL does it without the GIL, so it
overlaps the imports and checks that run meanwhile instead of adding to the wall time. The thread
imports only `ssl` and `certifi`: importing httpx there would serialise it with the main thread's
imports. The bundle is the one httpx's default context would load (httpx 0.28
`create_ssl_context(trust_env=True)`): `SSL_CERT_FILE`, else `SSL_CERT_DIR`, else certifi.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ssl


def build_ssl_context() -> ssl.SSLContext:
    """httpx's default verifying context; raises when `SSL_CERT_FILE`/`SSL_CERT_DIR` is unusable."""
    import ssl  # noqa: PLC0415 - only a live run needs TLS

    cafile = os.environ.get("SSL_CERT_FILE")
    if cafile:
        return ssl.create_default_context(cafile=cafile)
    capath = os.environ.get("SSL_CERT_DIR")
    if capath:
        return ssl.create_default_context(capath=capath)
    import certifi  # noqa: PLC0415

    return ssl.create_default_context(cafile=certifi.where())


class TlsContext:
    """A TLS context being built in the background; `get()` waits for it."""

    def __init__(self) -> None:
        self._context: ssl.SSLContext | None = None
        self._error: Exception | None = None
        self._thread = threading.Thread(target=self._build, name="tls-context", daemon=True)
        self._thread.start()

    def _build(self) -> None:
        try:
            self._context = build_ssl_context()
        except Exception as error:  # re-raised in the caller's thread by get()
            self._error = error

    def get(self) -> ssl.SSLContext:
        """The context; raises what building it raised (e.g. a missing `SSL_CERT_FILE`)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._context is not None
        return self._context
