"""Reading and writing the files `fix` edits: only regular files inside the workspace, never
through a symlink, and each write atomic.

A write goes to a temporary file in the same folder, is flushed to disk, takes the old file's
mode (and owner, where we may set it), and replaces the old file with `os.replace`: a crash at
any point leaves the old file or the new one, never half of each. The bytes are read again just
before, so a file that changed since the gate read it is not overwritten with stale edits.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from checker.workspace.limits import BINARY_PROBE_BYTES, MAX_FILE_BYTES

TEMP_SUFFIX = ".claude-preflight-fix"


class WriteRefusedError(Exception):
    """This file may not be read or written by `fix`; `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def target_path(root: Path, relative: str) -> Path:
    """The file at a workspace-relative path, if no part of it is a symlink or leaves the root."""
    parts = relative.split("/")
    if not relative or relative.startswith("/") or any(p in ("", ".", "..") for p in parts):
        raise WriteRefusedError("not a plain workspace-relative path")
    path = root
    for part in parts:
        path = path / part
        try:
            info = os.lstat(path)
        except OSError:
            raise WriteRefusedError("no longer there") from None
        if stat.S_ISLNK(info.st_mode):
            raise WriteRefusedError("a symlink (or inside one): not written through")
    if not stat.S_ISREG(info.st_mode):
        raise WriteRefusedError("not a regular file")
    real_root = os.path.realpath(root)
    if not os.path.realpath(path).startswith(real_root + os.sep):
        raise WriteRefusedError("outside the workspace")
    return path


def read_file(path: Path) -> bytes:
    """The file's bytes, refusing what the scan would have skipped (size, binary, not regular)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise WriteRefusedError(f"cannot be read ({error.strerror or 'I/O error'})") from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise WriteRefusedError("not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise WriteRefusedError("too large: the scan did not read it")
        data = os.read(descriptor, info.st_size + 1)
    finally:
        os.close(descriptor)
    if len(data) > MAX_FILE_BYTES or b"\x00" in data[:BINARY_PROBE_BYTES]:
        raise WriteRefusedError("too large or binary: the scan did not read it")
    return data


def write_atomically(path: Path, data: bytes, *, expected: bytes) -> None:
    """Replace the file's content with `data`, if it still holds `expected`."""
    if read_file(path) != expected:
        raise WriteRefusedError("changed since the gate read it; run fix again")
    info = os.lstat(path)
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent
    )
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
            os.fchmod(file.fileno(), stat.S_IMODE(info.st_mode))
            with contextlib.suppress(OSError):  # only root may give a file away
                if (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
                    os.fchown(file.fileno(), info.st_uid, info.st_gid)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); not every platform can open a folder."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
