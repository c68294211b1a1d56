"""Which files the one pass reads, and reading one of them under the limits.

In a git repository the list comes from `git ls-files -co --exclude-standard` (tracked plus
untracked-but-not-ignored, so `.gitignore` is honoured exactly); otherwise, or when git cannot
answer (the action's image has no git), from a walk that honours `.gitignore` the same way. A
listed symlink is read only when it resolves inside the workspace; everything else about links,
special files and sizes becomes a CFG003 notice, never an open that blocks or a read that is not
bounded.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from dataclasses import dataclass, field

from checker.findings import Finding, Location, make_finding
from checker.scan.walk import Walker, shown_path
from checker.workspace.limits import BINARY_PROBE_BYTES, MAX_FILE_BYTES, PRUNED_DIRECTORIES
from checker.workspace.parsers import SkipError

MAX_LISTED_FILES = 100_000
GIT_TIMEOUT_SECONDS = 10.0
# The container runs as another user than the checkout's owner (git's "dubious ownership"); the
# checkout's own config is not repository content, but no hook or fsmonitor command may run anyway.
_GIT_OPTIONS = (
    "-c", "safe.directory=*", "-c", "core.fsmonitor=false", "-c", "core.quotepath=off",
)  # fmt: skip
# Tracked files in these folders are still environments of tools, never the app's own config.
_NEVER_READ = frozenset(
    {
        ".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".nox",
        ".mypy_cache", ".pytest_cache", ".ruff_cache", ".next", ".terraform", ".cache",
    }
)  # fmt: skip
_TOO_LARGE = f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB"


@dataclass(slots=True)
class Listing:
    """`(relative parts, absolute path)` of every file to read, and what the listing skipped."""

    files: list[tuple[list[str], str]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    capped: bool = False
    from_git: bool = False


def list_workspace(root: str, *, limit: int = MAX_LISTED_FILES) -> Listing:
    """Every file of the workspace the gate should read, from git when it can answer."""
    real_root = os.path.realpath(root)
    listed = _git_files(real_root)
    listing = Listing(from_git=listed is not None)
    if listed is None:
        walker = Walker(real_root, lambda parts: True)
        entries = ((parts, path) for parts, path in walker.files())
    else:
        walker = None
        entries = ((name.split("/"), os.path.join(real_root, name)) for name in listed)
    pruned = PRUNED_DIRECTORIES if listed is None else _NEVER_READ
    for parts, path in entries:
        if any(part in pruned for part in parts[:-1]):
            continue
        if len(listing.files) >= limit:
            listing.capped = True
            break
        if listed is not None and not _inside(real_root, parts, path, listing.findings):
            continue
        listing.files.append((parts, path))
    if walker is not None:
        listing.findings[:0] = walker.findings
    if listing.capped:
        listing.findings.append(
            make_finding(
                "CFG003",
                "too_many_files",
                limit=limit,
                details={"reason": "too many files"},
            )
        )
    return listing


def read_bytes(path: str) -> bytes:
    """The file's bytes; raises SkipError (not a regular file, too large, binary) or OSError.

    The size comes from `fstat` on the opened file, so a huge file is refused before any byte is
    read; `O_NONBLOCK` keeps a FIFO swapped in under a file's name from blocking the open.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise SkipError("not a regular file")
        if status.st_size > MAX_FILE_BYTES:
            raise SkipError(f"{_TOO_LARGE} ({status.st_size} bytes)")
        # A buffer of the file's own size: a fixed 5 MB one per read costs more than the read.
        data = os.read(descriptor, status.st_size + 1)
    finally:
        os.close(descriptor)
    if len(data) > MAX_FILE_BYTES:
        raise SkipError(_TOO_LARGE)
    if b"\x00" in data[:BINARY_PROBE_BYTES]:
        raise SkipError("binary content (a NUL byte in the first 8 KiB)")
    return data


def skipped(relative: str, reason: str, environment: str | None = None) -> Finding:
    """The CFG003 notice for one file the gate could not read."""
    return make_finding(
        "CFG003",
        "skipped",
        file=relative,
        reason=reason,
        environment=environment,
        location=Location(relative),
        details={"reason": reason},
    )


def _inside(root: str, parts: list[str], path: str, findings: list[Finding]) -> bool:
    """A git-listed path is read only when it is, or links to, a regular file in the workspace."""
    try:
        info = os.lstat(path)
    except OSError:
        return False  # listed but deleted since: nothing to read
    if not stat.S_ISLNK(info.st_mode):
        return True
    try:
        target = os.path.realpath(path, strict=True)
    except OSError:
        findings.append(skipped(shown_path(parts), "a broken symlink or a symlink loop"))
        return False
    if target != root and not target.startswith(root + os.sep):
        findings.append(skipped(shown_path(parts), "a symlink that points outside the workspace"))
        return False
    return True


def _git_files(root: str) -> list[str] | None:
    """`git ls-files -co --exclude-standard` relative to root, or None when git cannot answer."""
    git = shutil.which("git")
    if git is None or not _in_git_checkout(root):
        return None
    command = [git, *_GIT_OPTIONS, "ls-files", "-co", "--exclude-standard", "-z"]
    try:
        completed = subprocess.run(
            command,
            cwd=root,
            capture_output=True,
            timeout=GIT_TIMEOUT_SECONDS,
            check=False,
            env={"GIT_TERMINAL_PROMPT": "0", "GIT_CONFIG_NOSYSTEM": "1"},
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if completed.returncode != 0:
        return None
    names = completed.stdout.decode("utf-8", errors="surrogateescape").split("\0")
    return sorted(name for name in names if name and not name.startswith("../"))


def _in_git_checkout(root: str) -> bool:
    path = root
    while True:
        if os.path.exists(os.path.join(path, ".git")):
            return True
        parent = os.path.dirname(path)
        if parent == path:
            return False
        path = parent
