"""Reading one candidate file under the limits: size before reading, then binary, then encoding."""

from __future__ import annotations

import os
import stat

from checker.workspace.limits import BINARY_PROBE_BYTES, MAX_FILE_BYTES
from checker.workspace.parsers import ParseError, SkipError

_TOO_LARGE = f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB"


def read_text(path: str, file_format: str) -> str:
    """The file's text; raises SkipError (too large, binary, not a regular file) or ParseError.

    The size comes from `fstat` on the opened file, so a huge file is refused before any byte is
    read; `O_NONBLOCK` keeps a FIFO swapped in under a config name from blocking the open.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise SkipError("not a regular file")
        if status.st_size > MAX_FILE_BYTES:
            raise SkipError(f"{_TOO_LARGE} ({status.st_size} bytes)")
        data = os.read(descriptor, MAX_FILE_BYTES + 1)
    finally:
        os.close(descriptor)
    if len(data) > MAX_FILE_BYTES:
        raise SkipError(_TOO_LARGE)
    if b"\x00" in data[:BINARY_PROBE_BYTES]:
        raise SkipError("binary content (a NUL byte in the first 8 KiB)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if file_format == "properties":
            return data.decode("iso-8859-1")
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        raise ParseError("not UTF-8 text", line, column) from None
