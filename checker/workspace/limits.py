"""Limits that keep discovery bounded on hostile or accidental input.

Every limit turns into a CFG003 notice naming the file (or CFG001 when the format itself forbids
the input, e.g. a YAML file that is not UTF-8), never into a crash, a hang or unbounded memory:

- MAX_FILE_BYTES: a candidate config file larger than this is skipped by its size from `stat`,
  before a single byte is read.
- BINARY_PROBE_BYTES: a NUL byte in the first 8 KiB marks the file as binary; it is skipped.
- Text must be UTF-8 (a BOM is accepted and ignored, CRLF line ends keep positions right);
  `.properties` files fall back to ISO-8859-1, as Java reads them.
- MAX_DEPTH: mappings and lists nested deeper than this are not walked; the file is skipped.
- MAX_NODES: at most this many nodes are visited per file. YAML aliases share nodes, so an alias
  bomb ("billion laughs") is a small graph that would expand enormously; the walk stops at this
  budget instead of expanding it, and the file is skipped.
- MAX_VALUES: at most this many scalar values are kept per file.
- MAX_WALK_ENTRIES / MAX_CONFIG_FILES: the directory walk stops after this many entries, and at
  most this many config files are parsed; one notice says where it stopped.
- Symlinks are followed only when their target resolves inside the workspace; a link out of the
  workspace or a link loop is skipped with a notice naming the link.
"""

from __future__ import annotations

MAX_FILE_BYTES = 5 * 1024 * 1024
BINARY_PROBE_BYTES = 8192
MAX_DEPTH = 64
MAX_NODES = 100_000
MAX_VALUES = 100_000
MAX_WALK_ENTRIES = 2_000_000
MAX_CONFIG_FILES = 100_000
PRUNED_DIRECTORIES = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        ".venv",
        "venv",
        "__pycache__",
        "dist",
        "build",
        ".tox",
        ".nox",
        "vendor",
        "third_party",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        "bower_components",
        ".terraform",
    }
)
