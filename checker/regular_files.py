"""Open what the gate reads and writes only when it is a regular file, without ever blocking.

A FIFO as `GITHUB_EVENT_PATH`, `GITHUB_STEP_SUMMARY`, `GITHUB_OUTPUT`, `--json`, `--sarif` or
`.claude-preflight.yml` would hang a plain `open` forever (no writer, or no reader, ever comes);
a device would be read or written without end. Every open here is non-blocking (`O_NONBLOCK`: a
FIFO without a peer fails at once, or opens and is then refused) and checked with `fstat` on the
open descriptor, so nothing can be swapped in between the check and the use.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TextIO, cast

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOCTTY = getattr(os, "O_NOCTTY", 0)
_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)


class NotRegularFileError(OSError):
    """The path is a FIFO, a socket, a device or a folder; the message says which, never the
    path (it may be repository text)."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"not a regular file: {kind}")
        self.kind = kind
        self.strerror = f"not a regular file but {kind}"


def kind_of(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((words for test, words in _KINDS if test(mode)), "not a regular file")


def _checked(descriptor: int) -> os.stat_result:
    status = os.fstat(descriptor)
    kind = kind_of(status.st_mode)
    if kind is not None:
        os.close(descriptor)
        raise NotRegularFileError(kind)
    return status


def _refuse_special(path: Path | str) -> None:
    """FIFOs, sockets and devices, before any open; a folder fails the open itself (EISDIR)."""
    kind = regular_kind(path)
    if kind is not None and kind != "a folder":
        raise NotRegularFileError(kind)


def regular_kind(path: Path | str) -> str | None:
    """None when `path` is a regular file (links followed), else what it is; no open at all."""
    try:
        return kind_of(os.stat(path).st_mode)
    except OSError:
        return None


def read_regular(path: Path | str, max_bytes: int) -> bytes:
    """The file's bytes; NotRegularFileError, ValueError when larger than `max_bytes`, OSError."""
    _refuse_special(path)
    descriptor = os.open(path, os.O_RDONLY | _NONBLOCK | _NOCTTY)
    status = _checked(descriptor)
    try:
        if status.st_size > max_bytes:
            raise ValueError(f"larger than {max_bytes} bytes")
        chunks: list[bytes] = []
        size = 0
        while size <= max_bytes:
            chunk = os.read(descriptor, min(max_bytes + 1 - size, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(descriptor)
    if size > max_bytes:
        raise ValueError(f"larger than {max_bytes} bytes")
    return b"".join(chunks)


def open_for_writing(path: Path | str, *, append: bool) -> TextIO:
    """A UTF-8 text stream on a regular file (created if absent): appended to, or rewritten."""
    _refuse_special(path)  # before the open: a FIFO without a reader would fail it obscurely
    flags = os.O_WRONLY | os.O_CREAT | _NONBLOCK | _NOCTTY | (os.O_APPEND if append else 0)
    descriptor = os.open(path, flags, 0o644)
    _checked(descriptor)
    try:
        if not append:
            os.ftruncate(descriptor, 0)
        if _NONBLOCK:  # a regular file never blocks; clear the flag for ordinary buffered writes
            os.set_blocking(descriptor, True)
        # A lone surrogate (a JSON file's `"\ud800"`) cannot be UTF-8; `\ud800` stands in for
        # it, which inside a JSON string is the very escape it came from.
        mode = "a" if append else "w"
        return cast(
            TextIO, os.fdopen(descriptor, mode, encoding="utf-8", errors="backslashreplace")
        )
    except BaseException:
        os.close(descriptor)
        raise
