"""A response body read under a byte cap that holds after decompression too.

httpx inflates `content-encoding` layers chunk by chunk, but each chunk in full: a 2 KB chunk of a
gzip bomb gzipped twice (`content-encoding: gzip, gzip`) became gigabytes in one call (16 GB and
50 s under a 30 s budget). Here the raw bytes are read and inflated with zlib's `max_length`, so no
call returns more than the bytes still allowed, and the read stops at the cap. The API answers in
at most one encoding; stacked or unknown encodings are refused without inflating anything.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator
from dataclasses import dataclass

ACCEPTED_ENCODINGS = "gzip, deflate"  # what the client asks for; nothing else is decoded
_WBITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


@dataclass(frozen=True, slots=True)
class Body:
    """The decoded bytes, or why there are none (the caller reports `problem`)."""

    data: bytes = b""
    problem: str | None = None


class _Inflater:
    """One gzip or deflate layer; a deflate body may come without its zlib header (raw)."""

    def __init__(self, encoding: str) -> None:
        self._encoding = encoding
        self._decoder = zlib.decompressobj(_WBITS[encoding])
        self._started = False

    def feed(self, data: bytes, limit: int) -> bytes:
        """At most `limit` bytes of output for `data`; leftover input waits in the decoder."""
        try:
            out = self._decoder.decompress(data, limit)
        except zlib.error:
            if self._encoding != "deflate" or self._started:
                raise
            self._decoder = zlib.decompressobj(-zlib.MAX_WBITS)
            out = self._decoder.decompress(data, limit)
        self._started = True
        return out

    def more(self, limit: int) -> bytes:
        """Output still owed for input already fed (its `unconsumed_tail`)."""
        tail = self._decoder.unconsumed_tail
        return self._decoder.decompress(tail, limit) if tail else b""


def encodings_of(header: str) -> list[str]:
    """The content codings in the order they were applied, `identity` left out."""
    names = (part.strip().lower() for part in header.split(","))
    return [name for name in names if name and name != "identity"]


async def read_body(raw: AsyncIterator[bytes], content_encoding: str, max_bytes: int) -> Body:
    """Every decoded byte up to `max_bytes`; more is a problem, and reading stops there."""
    megabytes = f"{max_bytes // (1024 * 1024)} MB"
    encodings = encodings_of(content_encoding)
    if len(encodings) > 1:
        return Body(problem=f"a body in {len(encodings)} stacked content encodings (refused)")
    if encodings and encodings[0] not in _WBITS:
        return Body(problem="a body in a content encoding the gate did not ask for")
    inflater = _Inflater(encodings[0]) if encodings else None
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in raw:
            if inflater is None:
                size += len(chunk)
                if size > max_bytes:
                    return Body(problem=f"a body larger than {megabytes}")
                chunks.append(chunk)
                continue
            out = inflater.feed(chunk, max_bytes - size + 1)
            while out:
                size += len(out)
                if size > max_bytes:
                    return Body(problem=f"a body that inflates to more than {megabytes}")
                chunks.append(out)
                out = inflater.more(max_bytes - size + 1)
    except zlib.error:
        return Body(problem="a compressed body that cannot be decompressed")
    return Body(b"".join(chunks))
