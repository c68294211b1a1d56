"""A compiled-template cache for the summary: compiling the Jinja templates costs more than the
rest of a run, and they only change with the tool's version.

Where: `$CLAUDE_PREFLIGHT_TEMPLATE_CACHE` (the image sets a directory it fills at build time),
else the user's cache directory. A cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from checker import __version__

if TYPE_CHECKING:
    from jinja2.bccache import Bucket, BytecodeCache

CACHE_ENV = "CLAUDE_PREFLIGHT_TEMPLATE_CACHE"


def template_cache_dir() -> Path:
    """Versioned, so a new release never reads templates compiled with other options."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured) / __version__
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claude-preflight" / "templates" / __version__


def bytecode_cache() -> BytecodeCache | None:
    from jinja2 import FileSystemBytecodeCache  # noqa: PLC0415 - Jinja is imported lazily

    class _Tolerant(FileSystemBytecodeCache):
        """Never fails a render: an unreadable or read-only cache is a miss."""

        def load_bytecode(self, bucket: Bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except (OSError, ValueError, EOFError):
                bucket.reset()

        def dump_bytecode(self, bucket: Bucket) -> None:
            with contextlib.suppress(OSError):
                super().dump_bytecode(bucket)

    directory = template_cache_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _Tolerant(str(directory))
