"""The TLS context for the live calls, built in a worker thread while httpx is imported.

Loading the CA bundle takes tens of milliseconds and OpenSSL does it without the GIL, so it
overlaps the import of the HTTP stack instead of adding to the wall time (`Ladder.open`). The
thread imports only `ssl` and `certifi`: importing httpx there would serialise it with the main
thread's imports. The bundle is the one httpx's default context would load (httpx 0.28
`create_ssl_context(trust_env=True)`): `SSL_CERT_FILE`, else `SSL_CERT_DIR`, else certifi.
"""

from __future__ import annotations

import os
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
