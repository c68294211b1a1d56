"""httpx's default TLS context, built in a thread while the event loop and client are imported.

Loading the CA bundle takes tens of milliseconds and releases the GIL, so it overlaps the imports
that follow instead of adding to the live phase's wall time. The context is the one httpx itself
would build (certifi, or `SSL_CERT_FILE` / `SSL_CERT_DIR`).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ssl


class TlsContext:
    """A TLS context being built in the background; `get()` waits for it."""

    def __init__(self) -> None:
        self._context: ssl.SSLContext | None = None
        self._error: Exception | None = None
        self._thread = threading.Thread(target=self._build, name="tls-context", daemon=True)
        self._thread.start()

    def _build(self) -> None:
        try:
            import httpx  # noqa: PLC0415 - the live check's lazy import

            self._context = httpx.create_ssl_context(trust_env=True)
        except Exception as error:  # re-raised in the caller's thread by get()
            self._error = error

    def get(self) -> ssl.SSLContext:
        """The context; raises what building it raised (e.g. a missing `SSL_CERT_FILE`)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._context is not None
        return self._context
